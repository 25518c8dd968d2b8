import "server-only";

// The account's document categories (`GET /company/document-categories`), cached as the review
// form's other lists are (cachedPersonioList in lib/personio/integration/options.ts), under a row
// of their own; credentials changes clear it.

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import type { PersonioDocumentCategory } from "@/lib/personio/client";
import type { PersonioErrorCode } from "@/lib/personio/errors";
import { cachedPersonioList } from "@/lib/personio/integration/options";

import type { DocumentKind } from "./limits";

const CACHE_ID = "document-categories";

export type CategoriesLoad =
  { ok: true; categories: PersonioDocumentCategory[] } | { ok: false; code: PersonioErrorCode | "not_connected" };

const categoryList = cachedPersonioList({
  id: CACHE_ID,
  read: (client) => client.listDocumentCategories(),
  parse: parseCategories,
});

function toCategoriesLoad(load: Awaited<ReturnType<typeof categoryList.get>>): CategoriesLoad {
  return load.ok ? { ok: true, categories: load.value } : load;
}

export async function getDocumentCategories(): Promise<CategoriesLoad> {
  return toCategoriesLoad(await categoryList.get());
}

/**
 * For the settings page: what is cached, never asking Personio (a page under a Personio outage
 * must not hang on it). Filled by the review form, and by the admins' "Refresh now".
 */
export function getCachedDocumentCategories(): Promise<PersonioDocumentCategory[] | null> {
  return categoryList.cachedOnly();
}

export async function refreshDocumentCategories(): Promise<CategoriesLoad> {
  return toCategoriesLoad(await categoryList.refresh());
}

function parseCategories(data: string): PersonioDocumentCategory[] | null {
  try {
    const parsed = JSON.parse(data) as unknown;
    if (!Array.isArray(parsed)) return null;
    return parsed.filter(
      (item): item is PersonioDocumentCategory =>
        typeof item === "object" && item !== null && typeof item.id === "number" && typeof item.name === "string",
    );
  } catch {
    return null;
  }
}

export type DocumentDefaults = Record<DocumentKind, number | null>;

/** The admin's default category per kind of document (Settings → Personio). */
export async function getDocumentDefaults(): Promise<DocumentDefaults> {
  const row = await db.documentSettings.findUnique({ where: { id: "documents" } });
  return {
    CV: row?.cvCategoryId ?? null,
    CONTRACT: row?.contractCategoryId ?? null,
    OTHER: row?.otherCategoryId ?? null,
  };
}

export async function setDocumentDefaults(input: { actorId: string; defaults: DocumentDefaults }) {
  const { defaults } = input;
  const data = { cvCategoryId: defaults.CV, contractCategoryId: defaults.CONTRACT, otherCategoryId: defaults.OTHER };
  await db.$transaction(async (tx) => {
    await tx.documentSettings.upsert({
      where: { id: "documents" },
      create: { id: "documents", ...data },
      update: data,
    });
    await writeAuditLog(tx, {
      actorId: input.actorId,
      action: "integration.set-document-categories",
      outcome: "success",
      details: { defaults: Object.entries(defaults).map(([kind, id]) => `${kind}:${id ?? ""}`) },
    });
  });
}
