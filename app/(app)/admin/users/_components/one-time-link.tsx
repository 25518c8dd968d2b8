"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

import { Button } from "@/components/ui/button";

// A one-time link (invitation or password reset), shown once to the admin who made it, with a
// copy button. The address is completed in the browser: the server answers with a path only.
export function OneTimeLink({
  title,
  name,
  linkPath,
  expiresAt,
  emailed,
  onDone,
}: {
  title: string;
  name: string;
  linkPath: string;
  expiresAt: string;
  /** Also in the outbox (email is on); false: the admin passes it on. */
  emailed: boolean;
  onDone: () => void;
}) {
  const t = useTranslations("userAccounts");
  const format = useFormatter();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  // Shown only after an action answered, so always rendered in the browser.
  const url = typeof window === "undefined" ? linkPath : new URL(linkPath, window.location.origin).toString();
  useEffect(() => inputRef.current?.focus(), [linkPath]);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(url);
      setCopy("copied");
    } catch {
      inputRef.current?.select();
      setCopy("failed");
    }
  }

  return (
    <section
      aria-label={t("linkLabel", { name })}
      className="space-y-3 rounded-md border border-green-200 bg-green-50 p-4 text-sm text-green-900"
    >
      <p role="status" className="font-medium">
        {title}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor={inputId} className="sr-only">
          {t("linkLabel", { name })}
        </label>
        <input
          id={inputId}
          ref={inputRef}
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-md border border-green-300 bg-white px-3 py-2 font-mono text-xs text-slate-900"
        />
        <Button variant="secondary" onClick={copyLink}>
          {copy === "copied" ? t("copied") : t("copy")}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t("done")}
        </Button>
      </div>
      <p>{emailed ? t("emailed", { name }) : t("emailOff")}</p>
      <p>
        {t("linkExpires", { date: format.dateTime(new Date(expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
      {copy === "failed" && <p role="alert">{t("copyFailed")}</p>}
    </section>
  );
}
