"use client";

import { useTranslations } from "next-intl";

import { Alert } from "@/components/ui/alert";
import type { TPersonioEmployeeFields } from "@/lib/handoff/schemas";

import { PersonioLink } from "./personio-link";
import type { Existing } from "./send-review-types";

export function fullName(fields: { firstName?: string; lastName?: string }) {
  return [fields.firstName, fields.lastName].filter(Boolean).join(" ");
}

// Personio already has an employee with this email: both side by side, differences marked.
export function ExistingEmployee({
  ref,
  titleId,
  existing,
  fields,
  position,
  error,
}: {
  ref: React.Ref<HTMLDivElement>;
  titleId: string;
  existing: Existing;
  fields: TPersonioEmployeeFields;
  /** The job title in the review form (empty when not offered), beside Personio's. */
  position: string;
  error: string | null;
}) {
  const t = useTranslations("sendOutcome");
  const tHandoff = useTranslations("handoff");
  const { employee } = existing;
  const rows: Array<{ label: string; profile: string; personio: string | undefined }> = [
    { label: t("name"), profile: fullName(fields), personio: fullName(employee) || undefined },
    { label: tHandoff("fields.email"), profile: fields.email, personio: fields.email },
    { label: tHandoff("fields.position"), profile: position, personio: employee.position },
  ];
  const normal = (value: string) => value.trim().toLowerCase();
  return (
    <div ref={ref} tabIndex={-1} className="space-y-4 outline-none">
      <div>
        <h2 id={titleId} className="text-lg font-semibold">
          {t("compareTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("compareIntro")}</p>
        {existing.previousAttemptUncertain && (
          <p className="mt-1 text-sm text-slate-600">{tHandoff("existing.uncertain")}</p>
        )}
      </div>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t("compareField")}</span>
              </th>
              <th scope="col" className="px-3 py-2">
                {t("compareProfile")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("comparePersonio", { id: employee.id })}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => {
              const differs = row.personio !== undefined && normal(row.personio) !== normal(row.profile);
              return (
                <tr key={row.label}>
                  <th scope="row" className="px-3 py-2 font-medium text-slate-500">
                    {row.label}
                  </th>
                  <td className="break-all px-3 py-2">{row.profile || "—"}</td>
                  <td className="break-all px-3 py-2">
                    {row.personio === undefined ? (
                      <span className="text-slate-500">{t("unknown")}</span>
                    ) : (
                      row.personio || "—"
                    )}
                    {differs && (
                      <span className="ml-2 inline-flex rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                        {t("differs")}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <PersonioLink href={existing.employeeUrl} />
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
