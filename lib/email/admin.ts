import "server-only";

import { kickBackgroundRunner } from "@/lib/background/process-runner";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";

import { queueEmail } from "./outbox";
import { emailSettings } from "./settings";

/** What the Email page shows of the settings: never the password, only whether there is one. */
export type EmailSettingsView =
  | { enabled: false }
  | { enabled: true; host: string; port: number; security: string; user: string | null; from: string };

export function describeEmailSettings(): EmailSettingsView {
  const settings = emailSettings();
  if (!settings) return { enabled: false };
  const { host, port, security, user, from } = settings;
  return { enabled: true, host, port, security, user, from };
}

/**
 * "Send a test email": through the outbox like every other message, so the test exercises what
 * invitations use, and its fate (sent, retried, failed with the server's reason) shows in the list.
 */
export async function sendTestEmail({ to, locale }: { to: string; locale: string }) {
  const id = await db.$transaction((tx) =>
    queueEmail(tx, { template: "email.test", to: { address: to, name: null, locale }, data: {} }),
  );
  if (!id) throw new ConflictError("email_off");
  kickBackgroundRunner();
  return { messageId: id };
}
