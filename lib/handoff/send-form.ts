import "server-only";

// What the review form needs when it opens: the chosen fields, their prefills, the values Personio
// offers for the list fields, and which fields cannot be offered and why. With cached lists this
// reads only the database (lib/personio/integration/options.ts).

import { db } from "@/lib/db";
import { getDocumentCategories, getDocumentDefaults } from "@/lib/documents/categories";
import type { DocumentKind } from "@/lib/documents/limits";
import { getMappingsForSource, getSourceNames } from "@/lib/mappings/store";
import { isMappableField, mapAtsValue, type MappingLookup } from "@/lib/mappings/values";
import { can, type Actor } from "@/lib/permissions";
import { STANDARD_FIELDS, type StandardOptionalField } from "@/lib/personio-fields/catalogue";
import type { FieldConfig } from "@/lib/personio-fields/config";
import type { FormField, UnavailableField } from "@/lib/personio-fields/form";
import { loadFieldForm } from "@/lib/personio-fields/server";
import { getFieldConfig } from "@/lib/personio-fields/store";
import { prefillValue, type CoreValues, type PrefillCandidate } from "@/lib/personio-fields/values";
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
  /**
   * Where the hire came from (Candidate.externalSource and the name people know it by), and the
   * values as the ATS named them before any mapping, by field: a recruiter who replaces one with
   * a Personio value is offered to remember it (lib/mappings/).
   */
  source: { key: string; name: string } | null;
  atsValues: Record<string, string>;
  /** The person opening the form may save a mapping (mappings:manage). */
  canRemember: boolean;
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

export async function getSendFormData(candidateId: string, actor?: Actor): Promise<SendFormData | null> {
  const [candidate, config, sourceNames] = await Promise.all([
    db.candidate.findUnique({
      where: { id: candidateId },
      include: { job: { select: { title: true, department: true, office: true } } },
    }),
    getFieldConfig(),
    getSourceNames(),
  ]);
  if (!candidate) return null;
  const [{ fields, unavailable, listsError, listsFetchedAt }, mappings] = await Promise.all([
    loadFieldForm(config),
    getMappingsForSource(candidate.externalSource),
  ]);
  const offered = new Set(fields.map((field) => field.key));
  const atsValues = atsPrefills(config, candidate);
  const extra = mappedPrefills(config, candidate, mappings, offered);
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
    source: candidate.externalSource
      ? { key: candidate.externalSource, name: sourceNames[candidate.externalSource] ?? candidate.externalSource }
      : null,
    atsValues,
    canRemember: can(actor, "mappings:manage"),
  };
}

/** Each chosen mappable field's prefill as the ATS named it (before any mapping). */
export function atsPrefills(config: FieldConfig, candidate: PrefillCandidate): Record<string, string> {
  return Object.fromEntries(
    config.fields
      .filter((setting) => setting.source !== "fixed" && isMappableField(setting.key))
      .map((setting) => [setting.key, prefillValue(setting, candidate).trim()]),
  );
}

/**
 * The prefills of the `offered` fields, each ATS value replaced by the Personio value a mapping
 * gives it (an admin's fixed value is Personio's already). The review form and the automatic send
 * start from the same values.
 */
export function mappedPrefills(
  config: FieldConfig,
  candidate: PrefillCandidate & { externalSource: string | null },
  mappings: readonly MappingLookup[],
  offered: ReadonlySet<string>,
): Record<string, string> {
  return Object.fromEntries(
    config.fields
      .filter((setting) => offered.has(setting.key))
      .map((setting) => {
        const value = prefillValue(setting, candidate);
        if (setting.source === "fixed" || !isMappableField(setting.key)) return [setting.key, value];
        const mapped = mapAtsValue(mappings, {
          source: candidate.externalSource,
          fieldKey: setting.key,
          atsValue: value,
        });
        return [setting.key, mapped ?? value];
      }),
  );
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
