import { useTranslations } from "next-intl";

// "Open in Personio ↗": the employee's page in a new tab, said so to screen readers. No client
// code of its own, so a server component (the profile's Personio panel) renders it as well as the
// client ones (the send's outcome, Review & send).
export function PersonioLink({ href, className = "" }: { href: string | null; className?: string }) {
  const t = useTranslations("sendOutcome");
  if (!href) return null;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={`inline-flex items-center gap-1 font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900 ${className}`}
    >
      {t("openInPersonio")}
      <span aria-hidden="true">↗</span>
      <span className="sr-only">{t("opensInNewTab")}</span>
    </a>
  );
}
