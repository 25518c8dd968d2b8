"use client";

import { useTranslations } from "next-intl";

type SafeActionResult = { serverError?: { code: string; reason?: string } | undefined; validationErrors?: unknown };

// One way to turn a server action's failure into a sentence for the person who clicked.
export function useActionErrorMessage() {
  const t = useTranslations("errors");
  return (result: SafeActionResult | undefined, reasons: Record<string, string> = {}): string | null => {
    if (!result) return t("unexpected");
    if (result.serverError) {
      const { code, reason } = result.serverError;
      if (reason && reasons[reason]) return reasons[reason];
      return t.has(code) ? t(code) : t("unexpected");
    }
    if (result.validationErrors) return t("invalid_input");
    return null;
  };
}
