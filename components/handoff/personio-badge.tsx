import { getLocale, getTimeZone, getTranslations } from "next-intl/server";

import type { PersonioBadgeData } from "@/lib/handoff/queries";
import { spokenTimeZoneName } from "@/lib/i18n/time-zones";

import { PersonioBadgeLink } from "./personio-badge-link";

// The mark on a profile that was sent: a link to the employee in Personio (one click, new tab),
// with who sent it and when on hover and keyboard focus (personio-badge-link.tsx). `withWho`
// also writes who and when out beside it (the profile), for phones, which have no hover, and for
// anyone who should not have to find a tooltip.
export async function PersonioBadge({
  candidateId,
  badge,
  size = "md",
  withWho = false,
}: {
  candidateId: string;
  badge: PersonioBadgeData;
  size?: "sm" | "md";
  withWho?: boolean;
}) {
  const [t, tOutcome, tStages, timeZone, locale] = await Promise.all([
    getTranslations("handoff.badge"),
    getTranslations("sendOutcome"),
    getTranslations("stages"),
    getTimeZone(),
    getLocale(),
  ]);
  // Date and time in the viewer's zone (next-intl's request config), and which zone that is, as
  // people name it ("Mitteleuropäische Zeit", not "Europe/Berlin").
  const values = {
    name: badge.sentByName,
    sentAt: badge.sentAt,
    timeZone: spokenTimeZoneName(timeZone, locale, badge.sentAt),
  };
  const rule = badge.automaticRule;
  const description = rule
    ? t("sentAutomatically", {
        ...values,
        rule: `${rule.sourceName} → ${tStages.has(rule.stage) ? tStages(rule.stage as "HIRED") : rule.stage}`,
      })
    : t(badge.status === "LINKED" ? "linkedBy" : "sentBy", values);
  const badgeLink = (
    <PersonioBadgeLink
      tooltipId={`personio-badge-${candidateId}`}
      href={badge.employeeUrl}
      texts={{ label: t("label"), description, newTab: tOutcome("opensInNewTab") }}
      size={size}
    />
  );
  if (!withWho) return badgeLink;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      {badgeLink}
      <span className="text-sm text-slate-600" data-testid="personio-sent-by">
        {description}
      </span>
    </span>
  );
}
