"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import { buttonClassName } from "@/components/ui/button";

export type Outcome = "sent" | "linked" | "already_sent" | "skipped" | "failed";

// The end of a Review & send: how many were sent, linked, skipped and failed. Back to the queue
// is a full page load, so the queue and the nav's count are read afresh.
export function ReviewSummary({ candidates, outcomes }: { candidates: string[]; outcomes: Record<string, Outcome> }) {
  const t = useTranslations("toSend");
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const count = (outcome: Outcome) => candidates.filter((id) => outcomes[id] === outcome).length;
  const counts = {
    sent: count("sent"),
    linked: count("linked"),
    skipped: count("skipped"),
    failed: count("failed"),
  };
  const alreadySent = count("already_sent");
  const tiles = [
    ...Object.entries(counts).map(([key, value]) => ({
      key,
      label: t(`summary.${key as keyof typeof counts}`),
      value,
    })),
    // Rare (someone else sent one while it was open here): shown only when it happened.
    ...(alreadySent > 0 ? [{ key: "alreadySent", label: t("summary.alreadySent"), value: alreadySent }] : []),
  ];

  return (
    <div className="space-y-5 p-6" data-testid="review-summary">
      <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
        {t("summaryTitle")}
      </h2>
      <p role="status" className="text-sm text-slate-700">
        {t("summaryStatus", counts)}
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {tiles.map((tile) => (
          <div key={tile.key} className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3">
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{tile.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`summary-${tile.key}`}>
              {tile.value}
            </dd>
          </div>
        ))}
      </dl>
      <a href="/to-send" className={buttonClassName("primary")}>
        {t("backToQueue")}
      </a>
    </div>
  );
}
