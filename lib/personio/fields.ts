// The optional fields the review form can offer, which an admin chooses on the Personio settings
// page, and where each is prefilled from. Pure data and functions: the settings page, the review
// form (in the browser) and the send and update services share them.
import { z } from "zod";

import type { PersonioEmployeeInput } from "./payload";

export const STANDARD_OPTIONAL_FIELDS = [
  "hireDate",
  "department",
  "office",
  "subcompany",
  "position",
  "weeklyWorkingHours",
  "supervisor",
  "gender",
  "preferredName",
] as const;
export type StandardOptionalField = (typeof STANDARD_OPTIONAL_FIELDS)[number];
/** A custom attribute, keyed as Personio names it (`dynamic_1170389`). */
export type CustomField = `dynamic_${number}`;
export type OptionalField = StandardOptionalField | CustomField;

export const PREFILL_SOURCES = [
  "none",
  "fixed",
  "startDate",
  "department",
  "jobDepartment",
  "office",
  "jobOffice",
  "jobTitle",
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

/** Where each field may be prefilled from; the first is its default. */
export const FIELD_SOURCES: Record<StandardOptionalField, readonly PrefillSource[]> & {
  custom: readonly PrefillSource[];
} = {
  hireDate: ["startDate", "fixed", "none"],
  // "department": the candidate's own (as the ATS names it for this hire), else the job's.
  department: ["department", "jobDepartment", "fixed", "none"],
  office: ["office", "jobOffice", "fixed", "none"],
  subcompany: ["none", "fixed"],
  position: ["jobTitle", "fixed", "none"],
  weeklyWorkingHours: ["none", "fixed"],
  supervisor: ["none", "fixed"],
  gender: ["none", "fixed"],
  preferredName: ["none", "fixed"],
  custom: ["none", "fixed"],
};

/** Fields whose values must be one of the connected account's (dropdowns filled from Personio). */
export const PERSONIO_LIST_FIELDS = ["department", "office", "subcompany", "supervisor"] as const;
export type PersonioListField = (typeof PERSONIO_LIST_FIELDS)[number];

// Personio's create form enum for gender.
export const GENDERS = ["male", "female", "diverse"] as const;

export type FieldSetting = {
  key: OptionalField;
  source: PrefillSource;
  /** The value for source "fixed". */
  fixed?: string;
  /** Custom attributes only: Personio's label and type, as listed when the admin chose it. */
  label?: string;
  type?: string;
};

export type FieldConfig = { fields: FieldSetting[] };

/** Today's four fields: first name, last name, email (always sent) and the job title. */
export const DEFAULT_FIELD_CONFIG: FieldConfig = { fields: [{ key: "position", source: "jobTitle" }] };

export function isCustomField(key: string): key is CustomField {
  return /^dynamic_\d{1,12}$/.test(key);
}

export function isOptionalField(key: string): key is OptionalField {
  return (STANDARD_OPTIONAL_FIELDS as readonly string[]).includes(key) || isCustomField(key);
}

export function sourcesFor(key: OptionalField): readonly PrefillSource[] {
  return isCustomField(key) ? FIELD_SOURCES.custom : FIELD_SOURCES[key];
}

export const ZFieldSetting = z
  .object({
    key: z.string().refine(isOptionalField, "unknownField"),
    source: z.enum(PREFILL_SOURCES),
    fixed: z.string().trim().max(255, "tooLong").optional(),
    label: z.string().max(255).optional(),
    type: z.string().max(50).optional(),
  })
  // An unknown key has its own issue above; the checks below need a known one.
  .refine((setting) => !isOptionalField(setting.key) || sourcesFor(setting.key).includes(setting.source), {
    message: "source",
    path: ["source"],
  })
  .refine((setting) => setting.source !== "fixed" || Boolean(setting.fixed), {
    message: "fixedRequired",
    path: ["fixed"],
  })
  .refine(
    (setting) =>
      setting.source !== "fixed" ||
      !setting.fixed ||
      !isOptionalField(setting.key) ||
      !fieldValueProblem(setting.key, setting.fixed, setting.type),
    {
      message: "fixedInvalid",
      path: ["fixed"],
    },
  );

export const ZFieldConfig = z.object({
  fields: z
    .array(ZFieldSetting)
    .max(50)
    .refine((fields) => new Set(fields.map((field) => field.key)).size === fields.length, "duplicate"),
});

/** A stored config, read leniently: anything unknown is dropped, a broken row means the defaults. */
export function parseFieldConfig(json: string | null | undefined): FieldConfig {
  if (!json) return DEFAULT_FIELD_CONFIG;
  try {
    const parsed = ZFieldConfig.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as FieldConfig) : DEFAULT_FIELD_CONFIG;
  } catch {
    return DEFAULT_FIELD_CONFIG;
  }
}

export function enabledFieldKeys(config: FieldConfig): OptionalField[] {
  return config.fields.map((field) => field.key);
}

/** What the candidate gives the prefill. `startDate`, `department`, `office` may not exist yet. */
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

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u;

/** A catalogue key under personioFields.validation, or null when the value may be sent. "" is always fine (not sent). */
export function fieldValueProblem(key: OptionalField, value: string, type?: string): string | null {
  const text = value.trim();
  if (!text) return null;
  if (text.length > 255) return "tooLong";
  if (!NO_CONTROL_CHARACTERS.test(text)) return "controlCharacters";
  switch (key) {
    case "hireDate":
      return isCalendarDate(text) ? null : "date";
    case "weeklyWorkingHours": {
      const hours = Number(text.replace(",", "."));
      return Number.isFinite(hours) && hours >= 0 && hours <= 168 ? null : "hours";
    }
    case "supervisor":
      return /^\d{1,12}$/.test(text) && Number(text) > 0 ? null : "supervisor";
    case "gender":
      return (GENDERS as readonly string[]).includes(text) ? null : "gender";
    default:
      if (isCustomField(key) && type === "date") return isCalendarDate(text) ? null : "date";
      return null;
  }
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export type ExtraValues = Record<string, string>;

/**
 * The Personio input for exactly the chosen fields: anything else in `extra` is dropped here, so
 * only what the admin chose ever leaves Handoff. Empty values are not sent.
 */
export function toPersonioInput(
  config: FieldConfig,
  core: { firstName: string; lastName: string; email: string },
  extra: ExtraValues,
): PersonioEmployeeInput {
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

/** What the handoff stores as sent: the form's names, only the values that went to Personio. */
export type SentValues = Record<string, string>;

export function toSentValues(
  config: FieldConfig,
  core: { firstName: string; lastName: string; email: string },
  extra: ExtraValues,
): SentValues {
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
