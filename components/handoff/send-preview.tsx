"use client";

import { useTranslations } from "next-intl";

import type { SentRow } from "./send-done-state";

// What Send will give Personio, as the recruiter types: the always-sent fields, then each chosen one.
export function SendPreview({ titleId, rows }: { titleId: string; rows: SentRow[] }) {
  const t = useTranslations("handoff");
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
    </section>
  );
}
