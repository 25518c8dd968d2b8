"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { retryBackgroundJobAction } from "@/app/(app)/admin/background-jobs/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Cell, HeaderCell, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { BackgroundJobRow } from "@/lib/background/admin";

const SECTIONS = ["failed", "running", "waiting"] as const;
type Section = (typeof SECTIONS)[number];

// The page's lists, failed first (what needs someone), and the answer to "Retry now", which stays
// when the retried job leaves the failed list (it may run and finish at once).
export function BackgroundJobsView({ jobs }: { jobs: Record<Section, BackgroundJobRow[]> }) {
  const t = useTranslations("backgroundJobs");
  const format = useFormatter();
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const kindName = (kind: string) => (t.has(`kinds.${kind}`) ? t(`kinds.${kind}`) : kind);
  const errorText = (code: string) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : code);
  const time = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });
  const retry = useAction(retryBackgroundJobAction, {
    onSuccess: ({ input }) => {
      const job = jobs.failed.find((candidate) => candidate.id === input.jobId);
      setFeedback({ tone: "success", text: t("retried", { kind: job ? kindName(job.kind) : "" }) });
    },
    onError: ({ error }) =>
      setFeedback({ tone: "error", text: describeError(error, { job_not_failed: t("reasons.job_not_failed") }) ?? "" }),
  });

  const isEmpty = SECTIONS.every((section) => jobs[section].length === 0);

  return (
    <div className="space-y-8">
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      {isEmpty ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          {t("empty")}
        </p>
      ) : (
        SECTIONS.map((section) => (
          <section key={section} aria-labelledby={`jobs-${section}`} className="space-y-3">
            <h2 id={`jobs-${section}`} className="text-lg font-semibold">
              {t(`sections.${section}`)} <span className="font-normal text-slate-500">({jobs[section].length})</span>
            </h2>
            {jobs[section].length === 0 ? (
              <p className="text-sm text-slate-600">{t("sectionEmpty")}</p>
            ) : (
              renderTable(section, jobs[section])
            )}
          </section>
        ))
      )}
    </div>
  );

  function renderTable(section: Section, rows: BackgroundJobRow[]) {
    return (
      <Table stackBelowMd>
        <TableHead>
          <HeaderCell>{t("columns.kind")}</HeaderCell>
          <HeaderCell>{t("columns.attempts")}</HeaderCell>
          {section !== "failed" && (
            <HeaderCell>{section === "running" ? t("columns.heldUntil") : t("columns.nextTry")}</HeaderCell>
          )}
          <HeaderCell>{t("columns.lastError")}</HeaderCell>
          <HeaderCell>{t("columns.times")}</HeaderCell>
          {section === "failed" && (
            <HeaderCell>
              <span className="sr-only">{t("columns.actions")}</span>
            </HeaderCell>
          )}
        </TableHead>
        <TableBody>
          {rows.map((job) => (
            <tr key={job.id} role="row" data-testid={`background-job-${job.id}`}>
              <RowHeaderCell className="text-slate-900">{kindName(job.kind)}</RowHeaderCell>
              <Cell label={t("columns.attempts")} className="tabular-nums text-slate-700">
                {t("attemptsOf", { attempts: job.attempts, max: job.maxAttempts })}
              </Cell>
              {section !== "failed" && (
                <Cell
                  label={section === "running" ? t("columns.heldUntil") : t("columns.nextTry")}
                  className="text-slate-700"
                >
                  {section === "running"
                    ? job.leaseUntil && time(job.leaseUntil)
                    : job.isDue
                      ? t("now")
                      : time(job.runAfter)}
                </Cell>
              )}
              <Cell label={t("columns.lastError")} className="text-slate-700">
                {job.lastError ? (
                  <>
                    {errorText(job.lastError)}
                    {errorText(job.lastError) !== job.lastError && (
                      <span className="block font-mono text-xs text-slate-500">{job.lastError}</span>
                    )}
                  </>
                ) : (
                  <span className="text-slate-500">{t("noError")}</span>
                )}
              </Cell>
              <Cell label={t("columns.times")} className="text-xs text-slate-600">
                <span className="block">{t("queuedAt", { time: time(job.createdAt) })}</span>
                <span className="block">
                  {job.finishedAt
                    ? t("failedAt", { time: time(job.finishedAt) })
                    : t("changedAt", { time: time(job.updatedAt) })}
                </span>
              </Cell>
              {section === "failed" && (
                <Cell className="md:text-right">
                  <Button
                    variant="secondary"
                    className="whitespace-nowrap"
                    disabled={retry.isPending}
                    aria-label={t("retryLabel", { kind: kindName(job.kind), time: time(job.createdAt) })}
                    onClick={() => {
                      setFeedback(null);
                      retry.execute({ jobId: job.id });
                    }}
                  >
                    {t("retry")}
                  </Button>
                </Cell>
              )}
            </tr>
          ))}
        </TableBody>
      </Table>
    );
  }
}
