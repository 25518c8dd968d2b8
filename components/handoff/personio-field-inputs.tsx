"use client";

import { useTranslations } from "next-intl";

import { Alert } from "@/components/ui/alert";
import { Combobox } from "@/components/ui/combobox";
import { SelectField, TextField } from "@/components/ui/field";
import type { PersonioWarning } from "@/lib/handoff/personio-write";
import { isCustomField } from "@/lib/personio-fields/catalogue";
import { fieldProblems, type FormField, type UnavailableField } from "@/lib/personio-fields/form";

// The optional fields of the review and update forms, shared by both.

export function useFieldLabel() {
  const t = useTranslations("personioFields");
  return (field: { key: string; label?: string }) =>
    isCustomField(field.key) ? (field.label ?? field.key) : t(`fields.${field.key}` as "fields.hireDate");
}

/**
 * Per field, the sentence that blocks Send: a value the field does not take, or one Personio
 * lacks. The same check the server runs before a send or an update (lib/personio-fields/form.ts).
 */
export function extraFieldProblems(fields: FormField[], values: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(fieldProblems({ fields, unavailable: [] }, values)).map(([key, problem]) => [
      key,
      problem.code === "invalid_field"
        ? `validation.${problem.reason}`
        : problem.code === "unknown_option"
          ? `unknown:${problem.value}`
          : "",
    ]),
  ) as Record<string, string>;
}

export function useFieldFailureMessage(fields: FormField[]) {
  const t = useTranslations("personioFields");
  const label = useFieldLabel();
  return (failure: { outcome: "failed"; code: string; field?: string }): string | null => {
    if (!["invalid_field", "unknown_option", "field_unavailable"].includes(failure.code)) return null;
    const field = fields.find((candidate) => candidate.key === failure.field);
    const name = field ? label(field) : (failure.field ?? "");
    return t(`errors.${failure.code}` as "errors.invalid_field", { field: name });
  };
}

type InputProps = { field: FormField; value: string; problem?: string; onChange: (value: string) => void };

export function ExtraFieldInput({ field, value, problem, onChange }: InputProps) {
  const t = useTranslations("personioFields");
  const label = useFieldLabel()(field);
  const error = problem
    ? problem.startsWith("unknown:")
      ? t("unknownOption", { value: problem.slice("unknown:".length), field: label })
      : t(problem as "validation.date")
    : undefined;
  const name = `extra-${field.key}`;
  switch (field.control) {
    case "list":
      return (
        <Combobox
          name={name}
          label={label}
          options={field.options ?? []}
          value={value}
          onChange={onChange}
          error={error}
          hint={t("fromPersonio")}
          noMatches={t("noMatches")}
        />
      );
    case "gender":
      return (
        <SelectField
          name={name}
          label={label}
          value={value}
          error={error}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t("notSent")}</option>
          {(field.options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {t(`genders.${option.value}` as "genders.male")}
            </option>
          ))}
        </SelectField>
      );
    default:
      return (
        <TextField
          name={name}
          label={label}
          type={field.control === "date" ? "date" : field.control === "number" ? "number" : "text"}
          inputMode={field.control === "number" ? "decimal" : undefined}
          step={field.control === "number" ? "0.5" : undefined}
          autoComplete="off"
          value={value}
          error={error}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}

export function UnavailableFields({ unavailable }: { unavailable: UnavailableField[] }) {
  const t = useTranslations("personioFields");
  const label = useFieldLabel();
  if (unavailable.length === 0) return null;
  const byReason = new Map<string, string[]>();
  for (const field of unavailable) byReason.set(field.reason, [...(byReason.get(field.reason) ?? []), label(field)]);
  return (
    <Alert tone="warning" title={t("unavailable.title")}>
      <ul className="space-y-1" data-testid="unavailable-fields">
        {[...byReason].map(([reason, names]) => (
          <li key={reason}>{t(`unavailable.${reason}` as "unavailable.no_read", { fields: names.join(", ") })}</li>
        ))}
      </ul>
    </Alert>
  );
}

export function PersonioWarnings({
  warnings,
  after = "create",
}: {
  warnings: PersonioWarning[];
  after?: "create" | "update";
}) {
  const t = useTranslations("personioFields");
  const label = useFieldLabel();
  return (
    <Alert tone="warning" title={t("warnings.title")}>
      <ul className="space-y-1" data-testid="personio-warnings">
        {warnings.map((warning, index) => (
          <li key={index}>
            {warning.field && warning.value
              ? t(after === "update" ? "warnings.ignoredUpdate" : "warnings.ignored", {
                  field: label({ key: warning.field }),
                  value: warning.value,
                })
              : t("warnings.other", { message: warning.message })}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
