import { getFormatter, getLocale, getTimeZone, getTranslations } from "next-intl/server";

import { PersonioLinkAnchor } from "@/components/handoff/personio-link-anchor";
import type { PersonioRecord } from "@/lib/handoff/personio-record";
import { spokenTimeZoneName } from "@/lib/i18n/time-zones";
import { isCustomField } from "@/lib/personio-fields/catalogue";
import type { FieldConfig } from "@/lib/personio-fields/config";

import { SEND_FOCUS_FALLBACK_ID } from "./focus-targets";
import { PersonioPanelHeading } from "./send-flow";

// A profile that is in Personio: sent or linked, by whom and when, the employee's id and link,
// what Personio did not take, and the updates made since. Everything comes from Handoff's own
// records; the link is the one way to what Personio holds now.
export async function PersonioPanel({ record, fieldConfig }: { record: PersonioRecord; fieldConfig: FieldConfig }) {
  const [t, tFields, tOutcome, tStages, format, timeZone, locale] = await Promise.all([
    getTranslations("personioStatus.panel"),
    getTranslations("personioFields"),
    getTranslations("sendOutcome"),
    getTranslations("stages"),
    getFormatter(),
    getTimeZone(),
    getLocale(),
  ]);
  // The zone as people name it ("Mitteleuropäische Zeit"), not its IANA id.
  const when = (at: Date) =>
    `${format.dateTime(at, { dateStyle: "medium", timeStyle: "short" })} (${spokenTimeZoneName(timeZone, locale, at)})`;
  const fieldLabel = (key: string) =>
    isCustomField(key)
      ? (fieldConfig.fields.find((field) => field.key === key)?.label ?? key)
      : tFields(`fields.${key}` as "fields.hireDate");
  const rows: Array<[string, React.ReactNode, string]> = [
    [t("status"), t(record.status === "LINKED" ? "linked" : "sent"), "status"],
    [
      t("by"),
      record.automaticRule
        ? t("byRule", {
            rule: `${record.automaticRule.sourceName} → ${tStages.has(record.automaticRule.stage) ? tStages(record.automaticRule.stage as "HIRED") : record.automaticRule.stage}`,
          })
        : (record.sentByName ?? t("unknown")),
      "by",
    ],
    [t("at"), record.sentAt ? when(record.sentAt) : t("unknown"), "at"],
    [t("employeeId"), record.employeeId ?? t("unknown"), "employee-id"],
  ];

  return (
    <section
      aria-labelledby={SEND_FOCUS_FALLBACK_ID}
      className="rounded-lg border border-emerald-200 bg-white p-6"
      data-testid="personio-panel"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        {/* Focus lands here when the send that made this panel closes (send-flow.tsx). */}
        <PersonioPanelHeading>{t("heading")}</PersonioPanelHeading>
        {record.employeeUrl && (
          <PersonioLinkAnchor
            href={record.employeeUrl}
            label={tOutcome("openInPersonio")}
            newTab={tOutcome("opensInNewTab")}
            className="text-sm"
          />
        )}
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-4 sm:grid-cols-2">
        {rows.map(([label, value, key]) => (
          <div key={key}>
            <dt className="text-sm text-slate-500">{label}</dt>
            <dd className="mt-0.5 break-words" data-testid={`personio-panel-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {record.warnings.length > 0 && (
        <div className="mt-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <h3 className="font-semibold">{t("warnings")}</h3>
          <ul className="mt-1 space-y-1" data-testid="personio-panel-warnings">
            {record.warnings.map((warning, index) => (
              <li key={index} className="[overflow-wrap:anywhere]">
                {warning.field && warning.value
                  ? t("ignored", { field: fieldLabel(warning.field), value: warning.value })
                  : tFields("warnings.other", { message: warning.message })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3 className="mt-6 text-sm text-slate-500">{t("updates")}</h3>
      {record.updates.length === 0 ? (
        <p className="mt-0.5">{t("noUpdates")}</p>
      ) : (
        <ol className="mt-1 space-y-1" data-testid="personio-panel-updates">
          {record.updates.map((entry, index) => {
            const values = {
              fields: format.list(entry.fields.map(fieldLabel)),
              name: entry.byName ?? t("unknown"),
            };
            return (
              <li key={index} className="[overflow-wrap:anywhere]">
                <time dateTime={entry.at.toISOString()} className="text-slate-600">
                  {when(entry.at)}
                </time>{" "}
                · {t(entry.uncertain ? "updateUncertain" : "update", values)}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
