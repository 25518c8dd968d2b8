"use client";

import { useTranslations } from "next-intl";

import { PersonioLinkAnchor } from "./personio-link-anchor";

// "Open in Personio ↗" in the client's parts (the send's outcome, Review & send).
export function PersonioLink({ href }: { href: string | null }) {
  const t = useTranslations("sendOutcome");
  if (!href) return null;
  return <PersonioLinkAnchor href={href} label={t("openInPersonio")} newTab={t("opensInNewTab")} />;
}
