"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { previewRetentionAction, saveRetentionRulesAction } from "@/app/(app)/admin/privacy/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, RETENTION_RULES, type RetentionRules } from "@/lib/privacy/rules";

type LastRun = { at: string; counts: Record<string, string | number> } | null;

const COUNT_KEYS = [
  "unsentCandidates",
  "sentCandidates",
  "inFlightSkipped",
  "intakeEntries",
  "imports",
  "auditPseudonymized",
  "auditEntries",
  "outboxMessages",
] as const;

// The rules, each with its sentence of what happens; the dry run; the last run's counts.
export function RetentionRulesForm({ rules, lastRun }: { rules: RetentionRules; lastRun: LastRun }) {
  const t = useTranslations("privacy");
  const format = useFormatter();
  const describeError = useActionErrorMessage();
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(rules).map(([key, days]) => [key, String(days)])),
  );
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const save = useAction(saveRetentionRulesAction, {
    onSuccess: () => setFeedback({ tone: "success", text: t("rulesSaved") }),
    onError: ({ error }) => setFeedback({ tone: "error", text: describeError(error) ?? "" }),
  });
  const preview = useAction(previewRetentionAction);
  const time = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  return (
    <section aria-labelledby="retention-rules" className="space-y-4">
      <h2 id="retention-rules" className="text-lg font-semibold">
        {t("rulesTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("rulesIntro")}</p>
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.execute(
            Object.fromEntries(Object.entries(values).map(([key, text]) => [key, Number(text)])) as RetentionRules,
          );
        }}
      >
        {RETENTION_RULES.map((rule) => (
          <div key={rule.key} className="max-w-xl">
            <TextField
              label={t(`rules.${rule.key}.label`)}
              type="number"
              min={MIN_RETENTION_DAYS}
              max={MAX_RETENTION_DAYS}
              required
              value={values[rule.key] ?? ""}
              onChange={(event) => setValues({ ...values, [rule.key]: event.target.value })}
              hint={t(`rules.${rule.key}.sentence`, { days: values[rule.key] ?? "", defaultDays: rule.defaultDays })}
            />
          </div>
        ))}
        <div className="flex gap-2">
          <Button type="submit" disabled={save.isPending}>
            {t("saveRules")}
          </Button>
          <Button variant="secondary" onClick={() => preview.execute({})} disabled={preview.isPending}>
            {t("dryRun")}
          </Button>
        </div>
      </form>
      {preview.result.data && (
        <div aria-label={t("dryRunTitle")} role="region" className="space-y-2 rounded-md border border-slate-200 p-4">
          <h3 className="font-medium">{t("dryRunTitle")}</h3>
          <CountList counts={preview.result.data.counts} />
          {[...preview.result.data.unsent, ...preview.result.data.sent].length > 0 && (
            <ul className="list-disc pl-5 text-sm text-slate-700">
              {preview.result.data.unsent.map((row) => (
                <li key={row.id}>{t("dryRunUnsent", { name: row.name, time: time(row.at) })}</li>
              ))}
              {preview.result.data.sent.map((row) => (
                <li key={row.id}>{t("dryRunSent", { name: row.name, time: row.at ? time(row.at) : "" })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="space-y-2">
        <h3 className="font-medium">{t("lastRunTitle")}</h3>
        {lastRun ? (
          <>
            <p className="text-sm text-slate-700">{t("lastRunAt", { time: time(lastRun.at) })}</p>
            <CountList counts={lastRun.counts} />
          </>
        ) : (
          <p className="text-sm text-slate-600">{t("noRunYet")}</p>
        )}
      </div>
    </section>
  );

  function CountList({ counts }: { counts: Record<string, string | number> }) {
    return (
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {COUNT_KEYS.map((key) => (
          <div key={key} className="flex justify-between gap-4">
            <dt className="text-slate-600">{t(`counts.${key}`)}</dt>
            <dd className="tabular-nums" data-testid={`count-${key}`}>
              {counts[key] ?? 0}
            </dd>
          </div>
        ))}
      </dl>
    );
  }
}
