"use client";

import { useTranslations } from "next-intl";

export function PersonioLink({ href }: { href: string | null }) {
  const t = useTranslations("sendOutcome");
  if (!href) return null;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="inline-flex items-center gap-1 font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
    >
      {t("openInPersonio")}
      <span aria-hidden="true">↗</span>
      <span className="sr-only">{t("opensInNewTab")}</span>
    </a>
  );
}
