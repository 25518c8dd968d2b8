// The chosen fields as the review and update forms offer them, given Personio's lists, and the
// one check of the values entered: the forms run it as the person types, and the send and update
// services run it again before anything leaves Handoff. Pure, so the browser uses it too.
import type { PersonioOptionLists } from "@/lib/personio/integration/options";

import { fieldValueProblem, GENDERS, isCustomField, STANDARD_FIELDS, type OptionalField } from "./catalogue";
import type { FieldConfig, FieldSetting } from "./config";

export type FieldControl = "text" | "date" | "number" | "list" | "gender";
export type FieldOption = { value: string; label: string };
export type FormField = {
  key: OptionalField;
  label?: string;
  control: FieldControl;
  type?: string;
  options?: FieldOption[];
};
export type UnavailableReason = "no_read" | "not_readable" | "lists_failed";
export type UnavailableField = { key: OptionalField; label?: string; reason: UnavailableReason };
export type FieldForm = { fields: FormField[]; unavailable: UnavailableField[] };

/** The offered fields, in the admin's order, and those that cannot be offered with these lists. */
export function buildFieldForm(config: FieldConfig, lists: PersonioOptionLists | null): FieldForm {
  const form: FieldForm = { fields: [], unavailable: [] };
  for (const setting of config.fields) {
    const offered = describeField(setting, lists);
    if ("reason" in offered) form.unavailable.push({ key: setting.key, label: setting.label, reason: offered.reason });
    else form.fields.push(offered);
  }
  return form;
}

function describeField(
  setting: FieldSetting,
  lists: PersonioOptionLists | null,
): FormField | { reason: UnavailableReason } {
  const { key } = setting;
  if (isCustomField(key)) {
    // A list when Personio lists its options, else free text (or a date).
    const attribute = lists?.attributes.find((candidate) => candidate.key === key);
    const type = attribute?.type ?? setting.type;
    const label = attribute?.label ?? setting.label;
    if (!lists?.noRead && attribute && attribute.options.length > 0) {
      return {
        key,
        label,
        control: "list",
        type,
        options: attribute.options.map((value) => ({ value, label: value })),
      };
    }
    return { key, label, control: type === "date" ? "date" : "text", type };
  }
  const field = STANDARD_FIELDS[key];
  if (field.kind === "gender")
    return { key, control: "gender", options: GENDERS.map((value) => ({ value, label: value })) };
  if (!field.list) return { key, control: field.kind as Exclude<FieldControl, "list" | "gender"> };
  if (!lists) return { reason: "lists_failed" };
  if (lists.noRead) return { reason: "no_read" };
  if (!lists.readable.includes(field.list.readAttribute)) return { reason: "not_readable" };
  const options =
    field.list.name === "supervisor"
      ? lists.supervisor.map((person) => ({ value: String(person.id), label: person.name }))
      : lists[field.list.name].map((name) => ({ value: name, label: name }));
  return { key, control: "list", options };
}

export type FieldProblem =
  /** `reason` is a key under personioFields.validation. */
  | { code: "invalid_field"; reason: string }
  /** A list value the connected account does not have: Personio would drop it without a word. */
  | { code: "unknown_option"; value: string }
  /** A value for a field whose list cannot be read, so it cannot be checked. */
  | { code: "field_unavailable" };

/** Each field's problem with the entered values, by key; fields without one are left out. */
export function fieldProblems(form: FieldForm, values: Record<string, string>): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of form.fields) {
    const value = (values[field.key] ?? "").trim();
    if (!value) continue;
    const reason = fieldValueProblem(field.key, value, field.type);
    if (reason) problems[field.key] = { code: "invalid_field", reason };
    else if (field.control === "list" && field.options && !field.options.some((option) => option.value === value)) {
      problems[field.key] = { code: "unknown_option", value };
    }
  }
  for (const field of form.unavailable) {
    const value = (values[field.key] ?? "").trim();
    if (!value) continue;
    const reason = fieldValueProblem(field.key, value);
    problems[field.key] = reason ? { code: "invalid_field", reason } : { code: "field_unavailable" };
  }
  return problems;
}
