"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useEffect, useState } from "react";

import { erasePersonAction, findPersonAction } from "@/app/(app)/admin/privacy/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";

type Query = { email?: string; candidateId?: string };

// Erasure (Art. 17) and access (Art. 15) requests: one search by email (or the candidate picked on
// their profile), everything it found listed, then Export or Erase.
export function PersonRequests({ candidateId }: { candidateId?: string }) {
  const t = useTranslations("privacy");
  const format = useFormatter();
  const describeError = useActionErrorMessage();
  const [email, setEmail] = useState("");
  const [query, setQuery] = useState<Query | null>(candidateId ? { candidateId } : null);
  const [confirming, setConfirming] = useState(false);
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const find = useAction(findPersonAction, {
    onError: ({ error }) => setFeedback({ tone: "error", text: describeError(error) ?? "" }),
  });
  const erase = useAction(erasePersonAction, {
    onSuccess: ({ data }) => {
      setConfirming(false);
      find.reset();
      setFeedback(data?.found ? { tone: "success", text: t("erased") } : { tone: "success", text: t("nothingFound") });
    },
    onError: ({ error }) => {
      setConfirming(false);
      setFeedback({ tone: "error", text: describeError(error, { send_in_flight: t("sendInFlight") }) ?? "" });
    },
  });
  const { execute: search } = find;
  useEffect(() => {
    if (candidateId) search({ candidateId });
  }, [candidateId, search]);

  const person = find.result.data?.person;
  const counts = person?.counts;
  const found = counts ? Object.values(counts).some((count) => count > 0) : false;
  const time = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  return (
    <section aria-labelledby="person-requests" className="space-y-4">
      <h2 id="person-requests" className="text-lg font-semibold">
        {t("requestsTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("requestsIntro")}</p>
      <Alert tone="info">{t("personioNotTouched")}</Alert>
      <form
        className="flex max-w-xl items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          setFeedback(null);
          const next = { email: email.trim() };
          setQuery(next);
          find.execute(next);
        }}
      >
        <div className="flex-1">
          <TextField
            label={t("emailLabel")}
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <Button type="submit" disabled={find.isPending}>
          {t("search")}
        </Button>
      </form>
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      {person === null || (counts && !found) ? <Alert tone="info">{t("nothingFound")}</Alert> : null}
      {person && found && query && (
        <div className="space-y-4 rounded-md border border-slate-200 p-4" role="region" aria-label={t("foundTitle")}>
          <h3 className="font-medium">{t("foundTitle")}</h3>
          <ul className="space-y-1 text-sm text-slate-700">
            {person.candidates.map((candidate) => (
              <li key={candidate.id}>
                {t("foundCandidate", {
                  name: candidate.erased ? t("erasedPerson") : candidate.name,
                  email: candidate.email,
                  status: candidate.handoffStatus ?? "-",
                })}
              </li>
            ))}
            {person.intakeLog.map((entry) => (
              <li key={entry.id}>{t("foundIntake", { source: entry.source, time: time(entry.at) })}</li>
            ))}
            {person.rejectedRows.map((row) => (
              <li key={row.id}>{t("foundRejectedRow", { fileName: row.fileName, row: row.row })}</li>
            ))}
            {person.importFiles.map((file) => (
              <li key={file.id}>{t("foundImportFile", { fileName: file.fileName })}</li>
            ))}
            {person.emails.map((message) => (
              <li key={message.id}>{t("foundEmail", { subject: message.subject })}</li>
            ))}
            {person.auditEntries.length > 0 && <li>{t("foundAudit", { count: person.auditEntries.length })}</li>}
            {person.counts.apiAnswers > 0 && <li>{t("foundApiAnswers", { count: person.counts.apiAnswers })}</li>}
          </ul>
          <div className="flex flex-wrap gap-2">
            <form method="post" action="/admin/privacy/export">
              {query.email && <input type="hidden" name="email" value={query.email} />}
              {query.candidateId && <input type="hidden" name="candidateId" value={query.candidateId} />}
              <Button type="submit" variant="secondary">
                {t("export")}
              </Button>
            </form>
            <Button variant="danger" onClick={() => setConfirming(true)}>
              {t("erase")}
            </Button>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t("confirmTitle")}
        confirmLabel={t("confirmErase")}
        cancelLabel={t("cancel")}
        tone="danger"
        pending={erase.isPending}
        onConfirm={() => query && erase.execute(query)}
        onCancel={() => setConfirming(false)}
      >
        {t("confirmText")}
      </ConfirmDialog>
    </section>
  );
}
