import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import type { CSSProperties } from "react";

import type { PersonioBadgeData } from "@/lib/handoff/queries";
import { spokenTimeZoneName } from "@/lib/i18n/time-zones";

// The mark on a profile that was sent. A button, not a link: a tap (phones have no hover)
// or a click opens a popover with who sent it and when and an explicit "Open in Personio";
// a mouse hover or keyboard focus also shows who and when as a tooltip. The native popover
// (no script) closes on Escape and on a tap outside.
export async function PersonioBadge({
  candidateId,
  badge,
  size = "md",
}: {
  candidateId: string;
  badge: PersonioBadgeData;
  size?: "sm" | "md";
}) {
  const [t, tOutcome, timeZone, locale] = await Promise.all([
    getTranslations("handoff.badge"),
    getTranslations("sendOutcome"),
    getTimeZone(),
    getLocale(),
  ]);
  const tooltipId = `personio-badge-${candidateId}`;
  const popoverId = `personio-badge-popover-${candidateId}`;
  // Date and time in the viewer's zone (next-intl's request config), and which zone that is, as
  // people name it ("Mitteleuropäische Zeit", not "Europe/Berlin").
  const values = {
    name: badge.sentByName,
    sentAt: badge.sentAt,
    timeZone: spokenTimeZoneName(timeZone, locale, badge.sentAt),
  };
  const description = t(badge.status === "LINKED" ? "linkedBy" : "sentBy", values);
  const shape = size === "sm" ? "px-1.5 py-0.5 text-xs" : "px-2.5 py-1 text-sm";
  // Placed under the badge where the browser supports anchor positioning; elsewhere the
  // popover shows centred (the browser's default for popovers).
  const anchor = `--personio-badge-${candidateId.replace(/[^a-zA-Z0-9_-]/g, "")}`;

  return (
    <span className="group relative inline-flex">
      <button
        type="button"
        popoverTarget={popoverId}
        aria-describedby={tooltipId}
        style={{ anchorName: anchor } as CSSProperties}
        // White on emerald-700 is 5.5:1 (WCAG AA for this small text); emerald-600 was 3.8:1.
        className={`inline-flex items-center gap-1 rounded-full bg-emerald-700 font-semibold text-white hover:bg-emerald-800 ${shape}`}
      >
        <span aria-hidden="true">✓</span>
        {t("label")}
      </button>
      <span
        id={tooltipId}
        role="tooltip"
        className="pointer-events-none absolute top-full left-0 z-10 mt-1 hidden w-max max-w-xs rounded-md bg-slate-900 px-2.5 py-1.5 text-xs font-normal text-white shadow-lg group-hover:block group-has-[:focus-visible]:block"
      >
        {description}
      </span>
      <div
        id={popoverId}
        popover="auto"
        role="dialog"
        aria-label={t("label")}
        style={{ positionAnchor: anchor } as CSSProperties}
        className="personio-badge-popover w-72 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-800 shadow-lg"
      >
        <p>{description}</p>
        {badge.employeeUrl && (
          <a
            href={badge.employeeUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="mt-2 inline-flex items-center gap-1 font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
          >
            {tOutcome("openInPersonio")}
            <span aria-hidden="true">↗</span>
            <span className="sr-only">{tOutcome("opensInNewTab")}</span>
          </a>
        )}
      </div>
    </span>
  );
}
