// The admin's choice of optional fields (Integrations → Personio): which ones the review form
// offers and where each is prefilled from. Pure: the settings form validates with it in the browser.
import { z } from "zod";

import {
  fieldValueProblem,
  isOptionalField,
  PREFILL_SOURCES,
  sourcesFor,
  type OptionalField,
  type PrefillSource,
} from "./catalogue";

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

/**
 * Before any choice: what HR needs on the first day, each prefilled from the profile where it has
 * it (an empty value is not sent): hire date, department and office, and the job title (first
 * name, last name and email are always sent and are not part of the choice). Admins switch any
 * off under Integrations → Personio. Installations set up before these defaults keep the job title
 * only (a migration wrote that down as their choice).
 */
export const DEFAULT_FIELD_CONFIG: FieldConfig = {
  fields: [
    { key: "hireDate", source: "startDate" },
    { key: "department", source: "department" },
    { key: "office", source: "office" },
    { key: "position", source: "jobTitle" },
  ],
};

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
