"use client";

import { useFormatter, useTranslations } from "next-intl";

import type { NotSent } from "@/lib/handoff/send-form";
import type { UnavailableField } from "@/lib/personio-fields/form";

import { useFieldLabel } from "./personio-field-inputs";
import type { SentRow } from "./send-done-state";

type Props = {
  titleId: string;
  rows: SentRow[];
  /** What the profile has that stays behind, said under the rows (absent: nothing said). */
  notSent?: NotSent;
  unavailable?: UnavailableField[];
};

// What Send will give Personio, as the recruiter types: the always-sent fields, then each chosen
// one; and what it will not give: a profile's value for a field an admin switched off, a field
// whose Personio list cannot be read, and the details that never leave Handoff.
export function SendPreview({ titleId, rows, notSent, unavailable = [] }: Props) {
  const t = useTranslations("handoff");
  const tNotSent = useTranslations("notSent");
  const format = useFormatter();
  const fieldLabel = useFieldLabel();
  const left = [
    ...(notSent?.switchedOff ?? []).map(({ key, value }) => ({
      key: `switched-off-${key}`,
      text: tNotSent("switchedOff", { field: fieldLabel({ key }), value }),
    })),
    ...unavailable.map((field) => ({
      key: `unavailable-${field.key}`,
      text: tNotSent("unavailable", { field: fieldLabel(field) }),
    })),
    ...(notSent && notSent.handoffOnly.length > 0
      ? [
          {
            key: "handoff-only",
            text: tNotSent("handoffOnly", {
              fields: format.list(notSent.handoffOnly.map((key) => tNotSent(`details.${key}`))),
            }),
          },
        ]
      : []),
  ];
  return (
    <section aria-labelledby={`${titleId}-preview`} className="rounded-md bg-slate-50 p-4 text-sm">
      <h3 id={`${titleId}-preview`} className="font-medium">
        {t("preview")}
      </h3>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {rows.map((row) => (
          <div key={row.key} className="contents">
            <dt className="text-slate-500">{row.label}</dt>
            <dd className="break-all" data-testid={`preview-${row.key}`}>
              {row.value || t("previewEmpty")}
            </dd>
          </div>
        ))}
      </dl>
      {left.length > 0 && (
        <div className="mt-3 border-t border-slate-200 pt-3">
          <h4 id={`${titleId}-not-sent`} className="font-medium">
            {tNotSent("title")}
          </h4>
          <ul
            aria-labelledby={`${titleId}-not-sent`}
            className="mt-1 space-y-0.5 text-slate-600"
            data-testid="not-sent"
          >
            {left.map((item) => (
              <li key={item.key} className="[overflow-wrap:anywhere]">
                {item.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
