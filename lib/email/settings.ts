import "server-only";

import { env } from "@/lib/env";

// The SMTP settings come from the environment only (README, "Email"). Unset SMTP_HOST means
// email is off: nothing is queued, and the pages offer links to copy as before.
export type SmtpSecurity = "starttls" | "tls" | "none";

export type EmailSettings = {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string | null;
  password: string | null;
  from: string;
  /** The app's public address: every link in an email starts here. */
  appUrl: string;
};

const DEFAULT_PORTS: Record<SmtpSecurity, number> = { starttls: 587, tls: 465, none: 25 };

export function emailSettings(): EmailSettings | null {
  // lib/env.ts refuses SMTP_HOST without SMTP_FROM and NEXTAUTH_URL; checked again for the types.
  if (!env.SMTP_HOST || !env.SMTP_FROM || !env.NEXTAUTH_URL) return null;
  return {
    host: env.SMTP_HOST,
    port: env.SMTP_PORT ?? DEFAULT_PORTS[env.SMTP_SECURITY],
    security: env.SMTP_SECURITY,
    user: env.SMTP_USER ?? null,
    password: env.SMTP_PASSWORD ?? null,
    from: env.SMTP_FROM,
    appUrl: env.NEXTAUTH_URL,
  };
}

export function isEmailEnabled(): boolean {
  return emailSettings() !== null;
}
