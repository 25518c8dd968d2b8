"use client";

import { useTranslations } from "next-intl";

import type { FormField } from "@/lib/personio-fields/form";

type Change = { key: string; before: string; next: string };

// The update form's differences against what Personio has from Handoff, before they are sent.
export function UpdateChanges({
  titleId,
  changes,
  fields,
  label,
}: {
  titleId: string;
  changes: Change[];
  fields: FormField[];
  label: (key: string) => string;
}) {
  const t = useTranslations("personioFields.update");
  // A list value as Personio labels it (a supervisor's name rather than their id).
  const optionLabel = (key: string, value: string) =>
    fields.find((field) => field.key === key)?.options?.find((option) => option.value === value)?.label ?? value;
  return (
    <section aria-labelledby={`${titleId}-changes`} className="rounded-md bg-slate-50 p-4 text-sm">
      <h3 id={`${titleId}-changes`} className="font-medium">
        {t("changes")}
      </h3>
      {changes.length === 0 ? (
        <p className="mt-2 text-slate-600">{t("noChanges")}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left" data-testid="update-changes">
            <thead className="text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  <span className="sr-only">{t("field")}</span>
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("before")}
                </th>
                <th scope="col" className="py-1">
                  {t("after")}
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.key}>
                  <th scope="row" className="py-1 pr-3 font-medium text-slate-500">
                    {label(change.key)}
                  </th>
                  <td className="break-all py-1 pr-3 text-slate-600 line-through decoration-slate-400">
                    {change.before ? optionLabel(change.key, change.before) : t("empty")}
                  </td>
                  <td className="break-all py-1 font-medium">{optionLabel(change.key, change.next)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
