"use client";

import { useTranslations } from "next-intl";

import { Alert } from "@/components/ui/alert";
import type { TPersonioEmployeeFields } from "@/lib/handoff/schemas";

import { fullName } from "./existing-employee";
import { PersonioWarnings } from "./personio-field-inputs";
import { PersonioLink } from "./personio-link";
import type { Done } from "./send-review-types";

export type SentRow = { key: string; label: string; value: string };

// What was created (or linked), its Personio id and link; or that someone else sent it first.
export function DoneState({
  ref,
  titleId,
  done,
  fields,
  rows,
}: {
  ref: React.Ref<HTMLDivElement>;
  titleId: string;
  done: Done;
  fields: TPersonioEmployeeFields;
  rows: SentRow[];
}) {
  const t = useTranslations("sendOutcome");
  const tHandoff = useTranslations("handoff");
  const name = fullName(fields);
  if (done.outcome === "already_sent") {
    return (
      <div ref={ref} tabIndex={-1} className="space-y-2 outline-none">
        <h2 id={titleId} className="text-lg font-semibold">
          {t("alreadySentTitle")}
        </h2>
        <Alert tone="info">{tHandoff("alreadySent")}</Alert>
      </div>
    );
  }
  return (
    <div ref={ref} tabIndex={-1} className="space-y-4 outline-none" data-testid="send-done">
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-emerald-700 text-white"
        >
          ✓
        </span>
        <div>
          <h2 id={titleId} className="text-lg font-semibold">
            {done.outcome === "sent" ? t("sentTitle", { name }) : t("linkedTitle", { name })}
          </h2>
          <p role="status" className="mt-1 text-sm font-medium text-emerald-800">
            {done.outcome === "sent" ? tHandoff("sent") : tHandoff("linked")}
          </p>
          <p className="mt-1 text-sm text-slate-700">{done.outcome === "sent" ? t("sentBody") : t("linkedBody")}</p>
        </div>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 p-4 text-sm">
        <dt className="text-slate-500">{t("personioId")}</dt>
        <dd data-testid="personio-employee-id">{done.employeeId}</dd>
        {done.outcome === "sent" &&
          rows.map((row) => (
            <div key={row.key} className="contents">
              <dt className="text-slate-500">{row.label}</dt>
              <dd className="break-all" data-testid={`sent-${row.key}`}>
                {row.value || tHandoff("previewEmpty")}
              </dd>
            </div>
          ))}
      </dl>
      {"warnings" in done && done.warnings && done.warnings.length > 0 && <PersonioWarnings warnings={done.warnings} />}
      <PersonioLink href={done.employeeUrl} />
    </div>
  );
}
