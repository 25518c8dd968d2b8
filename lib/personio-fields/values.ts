// From the form's values to what goes to Personio and what Handoff records as sent. Pure.
import type { PersonioEmployeeInput } from "@/lib/personio/payload";

import { isCustomField } from "./catalogue";
import type { FieldConfig, FieldSetting } from "./config";

/** The always-sent fields. */
export type CoreValues = { firstName: string; lastName: string; email: string };
/** The chosen optional fields' values, keyed by field. */
export type ExtraValues = Record<string, string>;
/** What the handoff stores as sent: the form's names, only the values that went to Personio. */
export type SentValues = Record<string, string>;

/** What the candidate gives the prefill. */
export type PrefillCandidate = {
  startDate?: string | null;
  department?: string | null;
  office?: string | null;
  job: { title: string; department: string; office: string };
};

export function prefillValue(setting: FieldSetting, candidate: PrefillCandidate): string {
  switch (setting.source) {
    case "fixed":
      return setting.fixed ?? "";
    case "startDate":
      return candidate.startDate ?? "";
    case "department":
      return candidate.department || candidate.job.department || "";
    case "jobDepartment":
      return candidate.job.department || "";
    case "office":
      return candidate.office || candidate.job.office || "";
    case "jobOffice":
      return candidate.job.office || "";
    case "jobTitle":
      return candidate.job.title || "";
    case "none":
      return "";
  }
}

/**
 * The Personio input for exactly the chosen fields: anything else in `extra` is dropped here, so
 * only what the admin chose ever leaves Handoff. Empty values are not sent.
 */
export function toPersonioInput(config: FieldConfig, core: CoreValues, extra: ExtraValues): PersonioEmployeeInput {
  const input: PersonioEmployeeInput = { firstName: core.firstName, lastName: core.lastName, email: core.email };
  const custom: Record<string, string> = {};
  for (const { key } of config.fields) {
    const value = (extra[key] ?? "").trim();
    if (!value) continue;
    if (isCustomField(key)) custom[key] = value;
    else if (key === "weeklyWorkingHours") input.weeklyWorkingHours = Number(value.replace(",", "."));
    else if (key === "supervisor") input.supervisorId = Number(value);
    else input[key] = value;
  }
  if (Object.keys(custom).length > 0) input.customAttributes = custom;
  return input;
}

export function toSentValues(config: FieldConfig, core: CoreValues, extra: ExtraValues): SentValues {
  const sent: SentValues = {
    firstName: core.firstName.trim(),
    lastName: core.lastName.trim(),
    email: core.email.trim(),
  };
  for (const { key } of config.fields) {
    const value = (extra[key] ?? "").trim();
    if (value) sent[key] = value;
  }
  return sent;
}

/** Reads the stored `sentFields` JSON (older rows hold the four fields, `position` maybe ""). */
export function parseSentValues(json: string | null | undefined): SentValues {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== "object" || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).flatMap(([key, value]) =>
        typeof value === "string" && value.trim() ? [[key, value.trim()]] : [],
      ),
    );
  } catch {
    return {};
  }
}
