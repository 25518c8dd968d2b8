import "server-only";

// What the review form needs when it opens: the chosen fields, their prefills, the values Personio
// offers for the list fields, and which fields cannot be offered and why. With cached lists this
// reads only the database (lib/personio/integration/options.ts).

import { db } from "@/lib/db";
import { getDocumentCategories, getDocumentDefaults } from "@/lib/documents/categories";
import type { DocumentKind } from "@/lib/documents/limits";
import { STANDARD_FIELDS, type StandardOptionalField } from "@/lib/personio-fields/catalogue";
import type { FormField, UnavailableField } from "@/lib/personio-fields/form";
import { loadFieldForm } from "@/lib/personio-fields/server";
import { getFieldConfig } from "@/lib/personio-fields/store";
import { prefillValue, type CoreValues } from "@/lib/personio-fields/values";
import type { PersonioErrorCode } from "@/lib/personio/errors";

export type SendFormData = {
  fields: FormField[];
  unavailable: UnavailableField[];
  /** The always-sent fields from the profile; each offered field's prefill under `extra`. */
  defaults: CoreValues & { extra: Record<string, string> };
  listsError: PersonioErrorCode | "not_connected" | null;
  listsFetchedAt: string | null;
  /** What the profile holds that this send leaves out, for "What will be sent" to say so. */
  notSent: NotSent;
  /** The candidate's documents not yet in Personio, each with its preselected category. */
  documents: SendFormDocument[];
  /** The account's document categories; null when there are no documents or they cannot be read. */
  documentCategories: Array<{ id: number; name: string }> | null;
};

export type SendFormDocument = { id: string; fileName: string; size: number; kind: string; categoryId: number | null };

export type NotSent = {
  /** Fields the profile has a value for that an admin did not choose (switched off), with that value. */
  switchedOff: Array<{ key: StandardOptionalField; value: string }>;
  /** The profile's own details that never go to Personio, where it has them. */
  handoffOnly: Array<"phone" | "source" | "notes">;
};

// The fields a profile itself can fill (from its own details or its job's); the others only ever
// have a value an admin fixed or a recruiter typed.
const PROFILE_FIELDS = ["hireDate", "department", "office", "position"] as const satisfies StandardOptionalField[];

export async function getSendFormData(candidateId: string): Promise<SendFormData | null> {
  const [candidate, config] = await Promise.all([
    db.candidate.findUnique({
      where: { id: candidateId },
      include: { job: { select: { title: true, department: true, office: true } } },
    }),
    getFieldConfig(),
  ]);
  if (!candidate) return null;
  const { fields, unavailable, listsError, listsFetchedAt } = await loadFieldForm(config);
  const offered = new Set(fields.map((field) => field.key));
  const extra = Object.fromEntries(
    config.fields
      .filter((setting) => offered.has(setting.key))
      .map((setting) => [setting.key, prefillValue(setting, candidate)]),
  );
  const chosen = new Set(config.fields.map((setting) => setting.key));
  const switchedOff = PROFILE_FIELDS.filter((key) => !chosen.has(key)).flatMap((key) => {
    const value = prefillValue({ key, source: STANDARD_FIELDS[key].sources[0]! }, candidate).trim();
    return value ? [{ key, value }] : [];
  });
  const handoffOnly = (["phone", "source", "notes"] as const).filter((key) => candidate[key]?.trim());
  const { documents, documentCategories } = await loadDocumentChoices(candidateId);
  return {
    documents,
    documentCategories,
    fields,
    unavailable,
    defaults: { firstName: candidate.firstName, lastName: candidate.lastName, email: candidate.email, extra },
    listsError,
    listsFetchedAt,
    notSent: { switchedOff, handoffOnly },
  };
}

// Categories are read from Personio (cached) only when there is a document to file.
async function loadDocumentChoices(candidateId: string) {
  const rows = await db.candidateDocument.findMany({
    where: { candidateId, transferStatus: { in: ["NONE", "FAILED"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, fileName: true, size: true, kind: true },
  });
  if (rows.length === 0) return { documents: [], documentCategories: null };
  const [load, defaults] = await Promise.all([getDocumentCategories(), getDocumentDefaults()]);
  const categories = load.ok ? load.categories : null;
  const known = new Set(categories?.map((category) => category.id));
  const documents = rows.map((row) => {
    const preferred = defaults[row.kind as DocumentKind] ?? null;
    return { ...row, categoryId: preferred !== null && known.has(preferred) ? preferred : null };
  });
  return { documents, documentCategories: categories };
}
