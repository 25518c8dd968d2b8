"use client";

import { useTranslations } from "next-intl";

// One sentence for each way a new password can be refused: the schema's keys (tooShort, tooLong)
// and the server's reasons (password_common, password_personal, password_guessable, password_unchanged).
export function usePasswordMessage() {
  const t = useTranslations("passwordRules");
  return (key: string | undefined): string | undefined => {
    if (!key) return undefined;
    const rule = key.replace(/^password_/, "");
    return t.has(rule) ? t(rule as "tooShort") : undefined;
  };
}

export function isPasswordReason(reason: string | undefined): boolean {
  return !!reason?.startsWith("password_");
}
