import { getTimeZone, getTranslations } from "next-intl/server";

import type { PersonioBadgeData } from "@/lib/handoff/queries";
import { timeZoneLabel } from "@/lib/i18n/time-zones";

// The mark on a profile that was sent: who and when on hover or keyboard focus, and a link
// to the employee in Personio.
export async function PersonioBadge({
  candidateId,
  badge,
  size = "md",
}: {
  candidateId: string;
  badge: PersonioBadgeData;
  size?: "sm" | "md";
}) {
  const [t, timeZone] = await Promise.all([getTranslations("handoff.badge"), getTimeZone()]);
  const tooltipId = `personio-badge-${candidateId}`;
  // Date and time in the viewer's zone (next-intl's request config), and which zone that is.
  const values = { name: badge.sentByName, sentAt: badge.sentAt, timeZone: timeZoneLabel(timeZone) };
  const description = t(badge.status === "LINKED" ? "linkedBy" : "sentBy", values);
  const shape = size === "sm" ? "px-1.5 py-0.5 text-xs" : "px-2.5 py-1 text-sm";
  // White on emerald-700 is 5.5:1 (WCAG AA for this small text); emerald-600 was 3.8:1.
  const className = `inline-flex items-center gap-1 rounded-full bg-emerald-700 font-semibold text-white ${shape}`;
  const content = (
    <>
      <span aria-hidden="true">✓</span>
      {t("label")}
    </>
  );

  return (
    <span className="group relative inline-flex">
      {badge.employeeUrl ? (
        <a href={badge.employeeUrl} target="_blank" rel="noopener noreferrer" aria-describedby={tooltipId} className={`${className} hover:bg-emerald-800`}>
          {content}
        </a>
      ) : (
        <span tabIndex={0} aria-describedby={tooltipId} className={className}>
          {content}
        </span>
      )}
      <span
        id={tooltipId}
        role="tooltip"
        className="pointer-events-none absolute top-full left-0 z-10 mt-1 hidden w-max max-w-xs rounded-md bg-slate-900 px-2.5 py-1.5 text-xs font-normal text-white shadow-lg group-focus-within:block group-hover:block"
      >
        {description}
      </span>
    </span>
  );
}
