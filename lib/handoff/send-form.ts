import "server-only";

// What the review form needs when it opens: the chosen fields, their prefills, the values Personio
// offers for the list fields, and which fields cannot be offered and why. With cached lists this
// reads only the database (lib/personio/integration/options.ts).

import { db } from "@/lib/db";
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
};

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
  return {
    fields,
    unavailable,
    defaults: { firstName: candidate.firstName, lastName: candidate.lastName, email: candidate.email, extra },
    listsError,
    listsFetchedAt,
  };
}
