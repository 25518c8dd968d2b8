// Every field Handoff can send to Personio, described once: its kind (which also says whether it
// is a list from Personio or free text), its validation, where it may be prefilled from and the
// Personio attribute it is sent as. Pure: the settings page, the review and update forms (in the
// browser) and the send and update services all read this one table.

export const CORE_FIELDS = ["firstName", "lastName", "email"] as const;
export type CoreField = (typeof CORE_FIELDS)[number];

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

// Personio's create form enum for gender.
export const GENDERS = ["male", "female", "diverse"] as const;

/** The lists Handoff reads from Personio for the list fields (lib/personio/integration/options.ts). */
export type PersonioList = "department" | "office" | "subcompany" | "supervisor";

export type FieldKind = "text" | "date" | "number" | "gender" | "list";

type StandardField = {
  kind: FieldKind;
  /** The attribute in Personio's employee payload (and in its validation errors and meta warnings). */
  attribute: string;
  /** Where the value may be prefilled from; the first is the default. */
  sources: readonly PrefillSource[];
  /** List fields: the list offered, and the attribute the credentials must read to build it. */
  list?: { name: PersonioList; readAttribute: string };
};

export const STANDARD_FIELDS: Record<StandardOptionalField, StandardField> = {
  hireDate: { kind: "date", attribute: "hire_date", sources: ["startDate", "fixed", "none"] },
  // "department": the candidate's own (as the ATS names it for this hire), else the job's.
  department: {
    kind: "list",
    attribute: "department",
    sources: ["department", "jobDepartment", "fixed", "none"],
    list: { name: "department", readAttribute: "department" },
  },
  office: {
    kind: "list",
    attribute: "office",
    sources: ["office", "jobOffice", "fixed", "none"],
    list: { name: "office", readAttribute: "office" },
  },
  subcompany: {
    kind: "list",
    attribute: "subcompany",
    sources: ["none", "fixed"],
    list: { name: "subcompany", readAttribute: "subcompany" },
  },
  position: { kind: "text", attribute: "position", sources: ["jobTitle", "fixed", "none"] },
  weeklyWorkingHours: { kind: "number", attribute: "weekly_working_hours", sources: ["none", "fixed"] },
  // Supervisors are the employees themselves, listed by name; the value is their Personio id.
  supervisor: {
    kind: "list",
    attribute: "supervisor_id",
    sources: ["none", "fixed"],
    list: { name: "supervisor", readAttribute: "first_name" },
  },
  gender: { kind: "gender", attribute: "gender", sources: ["none", "fixed"] },
  preferredName: { kind: "text", attribute: "preferred_name", sources: ["none", "fixed"] },
};

const CUSTOM_SOURCES: readonly PrefillSource[] = ["none", "fixed"];

const CORE_ATTRIBUTES: Record<CoreField, string> = { firstName: "first_name", lastName: "last_name", email: "email" };

export function isCustomField(key: string): key is CustomField {
  return /^dynamic_\d{1,12}$/.test(key);
}

export function isOptionalField(key: string): key is OptionalField {
  return Object.hasOwn(STANDARD_FIELDS, key) || isCustomField(key);
}

export function sourcesFor(key: OptionalField): readonly PrefillSource[] {
  return isCustomField(key) ? CUSTOM_SOURCES : STANDARD_FIELDS[key].sources;
}

/**
 * Whether offering or checking this field needs Personio's lists: the list fields, and custom
 * attributes, which are lists when Personio lists options for them.
 */
export function needsPersonioLists(key: OptionalField): boolean {
  return isCustomField(key) || STANDARD_FIELDS[key].list !== undefined;
}

/** The form's name for a Personio attribute (from a validation error or a meta warning). */
export function fieldForAttribute(attribute: string): CoreField | OptionalField | undefined {
  const core = CORE_FIELDS.find((key) => CORE_ATTRIBUTES[key] === attribute);
  if (core) return core;
  if (isCustomField(attribute)) return attribute;
  return STANDARD_OPTIONAL_FIELDS.find((key) => STANDARD_FIELDS[key].attribute === attribute);
}

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u;

/**
 * The one check of a field's value: a catalogue key under personioFields.validation, or null
 * when the value may be sent. "" is always fine (not sent). Whether a list value is one of
 * Personio's is checked against the lists (form.ts).
 */
export function fieldValueProblem(key: OptionalField, value: string, type?: string): string | null {
  const text = value.trim();
  if (!text) return null;
  if (text.length > 255) return "tooLong";
  if (!NO_CONTROL_CHARACTERS.test(text)) return "controlCharacters";
  if (key === "supervisor") return /^\d{1,12}$/.test(text) && Number(text) > 0 ? null : "supervisor";
  const kind = isCustomField(key) ? (type === "date" ? "date" : "text") : STANDARD_FIELDS[key].kind;
  switch (kind) {
    case "date":
      return isCalendarDate(text) ? null : "date";
    case "number": {
      const hours = Number(text.replace(",", "."));
      return Number.isFinite(hours) && hours >= 0 && hours <= 168 ? null : "hours";
    }
    case "gender":
      return (GENDERS as readonly string[]).includes(text) ? null : "gender";
    default:
      return null;
  }
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
