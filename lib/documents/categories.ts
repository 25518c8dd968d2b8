import "server-only";

// The account's document categories (`GET /company/document-categories`), cached in the same
// table and with the same lifetimes as the review form's other lists
// (lib/personio/integration/options.ts), under a row of their own; credentials changes clear it.

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import type { PersonioDocumentCategory } from "@/lib/personio/client";
import { isPersonioError, type PersonioErrorCode } from "@/lib/personio/errors";
import { getConnectedPersonioClient } from "@/lib/personio/integration/connection";
import { OPTIONS_FRESH_MS, OPTIONS_MAX_STALE_MS } from "@/lib/personio/integration/options";

import type { DocumentKind } from "./limits";

const CACHE_ID = "document-categories";

export type CategoriesLoad =
  { ok: true; categories: PersonioDocumentCategory[] } | { ok: false; code: PersonioErrorCode | "not_connected" };

export async function getDocumentCategories(): Promise<CategoriesLoad> {
  const row = await db.personioOptionCache.findUnique({ where: { id: CACHE_ID } });
  const cached = row ? parseCategories(row.data) : null;
  if (row && cached) {
    const age = Date.now() - row.fetchedAt.getTime();
    if (age < OPTIONS_FRESH_MS) return { ok: true, categories: cached };
    if (age < OPTIONS_MAX_STALE_MS) {
      void refreshDocumentCategories().catch(() => undefined);
      return { ok: true, categories: cached };
    }
  }
  return refreshDocumentCategories();
}

/**
 * For the settings page: what is cached, never asking Personio (a page under a Personio outage
 * must not hang on it). Filled by the review form, and by the admins' "Refresh now".
 */
export async function getCachedDocumentCategories(): Promise<PersonioDocumentCategory[] | null> {
  const row = await db.personioOptionCache.findUnique({ where: { id: CACHE_ID } });
  return row ? parseCategories(row.data) : null;
}

let refreshing: Promise<CategoriesLoad> | null = null;

export function refreshDocumentCategories(): Promise<CategoriesLoad> {
  refreshing ??= (async () => {
    try {
      const connection = await getConnectedPersonioClient();
      if (!connection) return { ok: false, code: "not_connected" } as const;
      const categories = await connection.client.listDocumentCategories();
      const data = JSON.stringify(categories);
      const fetchedAt = new Date();
      await db.personioOptionCache.upsert({
        where: { id: CACHE_ID },
        create: { id: CACHE_ID, data, fetchedAt },
        update: { data, fetchedAt },
      });
      return { ok: true, categories } as const;
    } catch (error) {
      if (isPersonioError(error)) return { ok: false, code: error.code } as const;
      throw error;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
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
