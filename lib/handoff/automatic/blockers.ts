// What is left for a person to decide before a hire can go to Personio, from the review form's own
// data and check (lib/personio-fields/form.ts): the automatic send sends only a hire with none,
// and the To send queue groups the waiting hires by their first. Pure.
import { ZPersonioEmployeeFields } from "@/lib/handoff/schemas";
import { fieldProblems, type FieldForm } from "@/lib/personio-fields/form";

export type SendBlocker =
  /** First name, last name or email missing or not valid. */
  | { code: "missing_field"; field: "firstName" | "lastName" | "email" }
  /** An ATS value with no Personio value: no mapping, and not one of Personio's own. */
  | { code: "unmapped_value"; field: string; value: string }
  /** A value the field does not take (a date that is none, too long). */
  | { code: "invalid_field"; field: string }
  /** A value for a field whose Personio list cannot be read, so it cannot be checked. */
  | { code: "field_unavailable"; field: string };

export type BlockerInput = {
  form: FieldForm;
  core: { firstName: string; lastName: string; email: string };
  extra: Record<string, string>;
};

export function findSendBlockers({ form, core, extra }: BlockerInput): SendBlocker[] {
  const blockers: SendBlocker[] = [];
  const checked = ZPersonioEmployeeFields.safeParse(core);
  if (!checked.success) {
    const fields = new Set(checked.error.issues.map((issue) => String(issue.path[0])));
    for (const field of ["firstName", "lastName", "email"] as const)
      if (fields.has(field)) blockers.push({ code: "missing_field", field });
  }
  for (const [field, problem] of Object.entries(fieldProblems(form, extra))) {
    if (problem.code === "unknown_option") blockers.push({ code: "unmapped_value", field, value: problem.value });
    else blockers.push({ code: problem.code, field });
  }
  return blockers;
}

/** One key per blocker and value, so ten hires with the same unmapped office form one group. */
export function blockerKey(blocker: SendBlocker): string {
  return blocker.code === "unmapped_value"
    ? `${blocker.code}:${blocker.field}:${blocker.value}`
    : `${blocker.code}:${blocker.field}`;
}
