"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { saveValueMappingAction } from "@/app/(app)/admin/mappings/actions";
import {
  getHandoffStatusAction,
  getSendFormAction,
  linkToPersonioAction,
  sendToPersonioAction,
} from "@/app/(app)/candidates/[candidateId]/actions";
import { PersonioLink } from "@/components/handoff/personio-link";
import { SendReview, type SendReviewActions } from "@/components/handoff/send-review";
import type { Done } from "@/components/handoff/send-review-types";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import type { ReviewBatch } from "@/lib/handoff/queue";

import { ReviewSummary, type Outcome } from "./review-summary";

// The profile's send actions: the same checks as its dialog, candidate by candidate.
const actions: SendReviewActions = {
  getSendForm: getSendFormAction,
  getHandoffStatus: getHandoffStatusAction,
  send: sendToPersonioAction,
  link: linkToPersonioAction,
  remember: saveValueMappingAction,
};

const OUTCOME_LABEL = {
  sent: "stateSent",
  linked: "stateLinked",
  already_sent: "stateAlreadySent",
  skipped: "stateSkipped",
  failed: "stateFailed",
} as const;

type Candidate = ReviewBatch["candidates"][number];
type Previous = { name: string; done: Done };

const nameOf = (candidate: Candidate) => `${candidate.defaults.firstName} ${candidate.defaults.lastName}`;

// One candidate's review form at a time. A success moves on to the next by itself (a line above
// the next form says what happened, with the Personio link); a failure stays until it is fixed or
// skipped. The progress list keeps each one's outcome in view; the end counts them.
export function ReviewSequence({ batch: firstBatch }: { batch: ReviewBatch }) {
  const t = useTranslations("toSend");
  const router = useRouter();
  // The batch as the page first rendered it. Each send refreshes the page (the nav's count),
  // and the server then leaves out the candidates just sent: this sequence keeps its own list.
  const [batch] = useState(firstBatch);
  const { candidates } = batch;
  const [index, setIndex] = useState(0);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [failedOnce, setFailedOnce] = useState<ReadonlySet<string>>(new Set());
  const [previous, setPrevious] = useState<Previous | null>(null);
  const stepRef = useRef<HTMLDivElement>(null);
  const current = candidates[index];

  // Each new form starts with focus on it, as a new dialog would (the summary takes it itself).
  useEffect(() => {
    if (index > 0 && index < candidates.length) stepRef.current?.focus();
  }, [index, candidates.length]);

  const record = (id: string, outcome: Outcome) => setOutcomes((value) => ({ ...value, [id]: outcome }));
  const moveOn = (next: Previous | null) => {
    setPrevious(next);
    setIndex((value) => value + 1);
  };
  const finish = (candidate: Candidate, done: Done) => {
    record(candidate.id, done.outcome);
    router.refresh(); // the layout's To send count
    moveOn({ name: nameOf(candidate), done });
  };

  if (candidates.length === 0) {
    return (
      <div className="space-y-4 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
        <p>{batch.sentByYou > 0 && batch.leftOutOtherwise === 0 ? t("allSentByYou") : t("noneLeft")}</p>
        <a href="/to-send" className={buttonClassName("secondary")}>
          {t("backToQueue")}
        </a>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      {batch.sentByYou > 0 && <Alert tone="info">{t("sentByYou", { count: batch.sentByYou })}</Alert>}
      {batch.leftOutOtherwise > 0 && <Alert tone="info">{t("skipped", { count: batch.leftOutOtherwise })}</Alert>}
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <nav aria-label={t("progress")} className="order-last lg:order-none">
          <ol className="space-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm">
            {candidates.map((candidate, position) => {
              const outcome = outcomes[candidate.id];
              const isCurrent = position === index;
              return (
                <li
                  key={candidate.id}
                  aria-current={isCurrent ? "step" : undefined}
                  className={`flex items-center justify-between gap-2 rounded px-2 py-1 ${isCurrent ? "bg-indigo-50 font-medium" : ""}`}
                >
                  <span className="min-w-0 truncate">
                    {position + 1}. {nameOf(candidate)}
                  </span>
                  <span className="shrink-0 text-xs text-slate-600">
                    {outcome ? t(OUTCOME_LABEL[outcome]) : isCurrent ? t("current") : t("pending")}
                  </span>
                </li>
              );
            })}
          </ol>
        </nav>
        <section className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm">
          <div ref={stepRef} tabIndex={-1} className="outline-none">
            {previous && <PreviousOutcome previous={previous} />}
            {current ? (
              <SendReview
                key={current.id}
                candidateId={current.id}
                defaults={current.defaults}
                actions={actions}
                titleId={`review-${current.id}-title`}
                eyebrow={
                  <p className="text-sm font-medium text-indigo-700">
                    {t("step", { current: index + 1, total: candidates.length })}
                  </p>
                }
                onceOnlyNotice={t("onceOnly")}
                refreshOnDone={false}
                onDone={(done) => finish(current, done)}
                onFailure={() => setFailedOnce((value) => new Set(value).add(current.id))}
                cancelLabel={t("skip")}
                // Before a send, Skip means "not this one": a failed one counts as failed.
                onClose={() => {
                  if (!outcomes[current.id]) record(current.id, failedOnce.has(current.id) ? "failed" : "skipped");
                  moveOn(null);
                }}
                // Shown only when someone else's send of this candidate ended as this one watched.
                after={{
                  label: index === candidates.length - 1 ? t("finishLabel") : t("nextLabel"),
                  onSelect: () => {
                    record(current.id, "already_sent");
                    moveOn(null);
                  },
                }}
              />
            ) : (
              <ReviewSummary candidates={candidates.map((candidate) => candidate.id)} outcomes={outcomes} />
            )}
          </div>
        </section>
      </div>
    </div>
  );
}

// What the last candidate's send did, above the next one's form (or the summary).
function PreviousOutcome({ previous }: { previous: Previous }) {
  const t = useTranslations("toSend");
  const { name, done } = previous;
  const text =
    done.outcome === "sent"
      ? t("previousSent", { name })
      : done.outcome === "linked"
        ? t("previousLinked", { name })
        : t("previousAlreadySent", { name });
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-emerald-200 bg-emerald-50 px-6 py-3 text-sm text-emerald-900">
      <p role="status" className="font-medium">
        <span aria-hidden="true">✓ </span>
        {text}
      </p>
      {done.outcome !== "already_sent" && <PersonioLink href={done.employeeUrl} />}
    </div>
  );
}
