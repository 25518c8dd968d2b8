"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import {
  getHandoffStatusAction,
  getSendFormAction,
  linkToPersonioAction,
  sendToPersonioAction,
} from "@/app/(app)/candidates/[candidateId]/actions";
import { SendReview, type SendReviewActions } from "@/components/handoff/send-review";
import { buttonClassName } from "@/components/ui/button";
import type { TPersonioEmployeeFields } from "@/lib/handoff/schemas";

// The profile's send actions: the same checks as its dialog, candidate by candidate.
const actions: SendReviewActions = {
  getSendForm: getSendFormAction,
  getHandoffStatus: getHandoffStatusAction,
  send: sendToPersonioAction,
  link: linkToPersonioAction,
};

type Candidate = { id: string; defaults: TPersonioEmployeeFields };
type Outcome = "sent" | "linked" | "already_sent" | "skipped";

const OUTCOME_LABEL = {
  sent: "stateSent",
  linked: "stateLinked",
  already_sent: "stateAlreadySent",
  skipped: "stateSkipped",
} as const;

// One candidate's review form at a time; after its outcome, Next candidate. The progress list
// keeps each one's outcome in view.
// The page is not re-rendered between candidates (the server would drop the ones just sent from
// the batch); leaving goes by a full page load, so the nav's count is fresh.
export function ReviewSequence({ candidates }: { candidates: Candidate[] }) {
  const t = useTranslations("toSend");
  const router = useRouter();
  const [index, setIndex] = useState(0);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const headingRef = useRef<HTMLDivElement>(null);
  const current = candidates[index];
  const isLast = index === candidates.length - 1;

  // Each new form starts with focus on its step, as a new dialog would.
  useEffect(() => {
    if (index > 0) headingRef.current?.focus();
  }, [index]);

  const advance = () => setIndex((value) => value + 1);
  const record = (id: string, outcome: Outcome) => setOutcomes((value) => ({ ...value, [id]: outcome }));

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <nav aria-label={t("progress")} className="lg:order-none">
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
                <span className="truncate">
                  {position + 1}. {candidate.defaults.firstName} {candidate.defaults.lastName}
                </span>
                <span className="shrink-0 text-xs text-slate-600">
                  {outcome ? t(OUTCOME_LABEL[outcome]) : isCurrent ? t("current") : t("pending")}
                </span>
              </li>
            );
          })}
        </ol>
      </nav>
      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        {current ? (
          <div ref={headingRef} tabIndex={-1} className="outline-none">
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
              refreshOnDone={false}
              onDone={(result) => record(current.id, result.outcome)}
              cancelLabel={outcomes[current.id] ? undefined : t("skip")}
              // Before a send, Cancel here means "not this one": skip to the next, or end.
              onClose={() => {
                if (outcomes[current.id]) {
                  router.push("/to-send");
                  router.refresh(); // the layout's count, too
                  return;
                }
                record(current.id, "skipped");
                advance();
              }}
              after={{ label: isLast ? t("finishLabel") : t("nextLabel"), onSelect: advance }}
            />
          </div>
        ) : (
          <div className="space-y-4 p-6">
            <p role="status" className="font-medium">
              {t("allDone")}
            </p>
            <a href="/to-send" className={buttonClassName("primary")}>
              {t("backToQueue")}
            </a>
          </div>
        )}
      </section>
    </div>
  );
}
