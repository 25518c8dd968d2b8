import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { enqueueJob } from "@/lib/background/enqueue";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { encryptAtRest } from "@/lib/secrets/at-rest";

import { emailSettings } from "./settings";
import {
  absoluteUrl,
  NOTIFICATION_SETTINGS_PATH,
  renderEmail,
  type EmailAudience,
  type EmailTemplateName,
  type EmailTemplates,
} from "./templates";

export const SEND_EMAIL_JOB = "email.send";

/** What the send job decrypts: the rendered parts, and the name for the To header. */
export type OutboxContent = { toName: string | null; text: string; html: string; headers?: Record<string, string> };

export type Recipient = { address: string; name: string | null; locale?: string | null; timeZone?: string | null };

/**
 * Writes an email into the outbox in the caller's transaction, with the background job that
 * sends it: the email exists exactly when what caused it committed. Rendered now, in the
 * recipient's language and time zone (else the installation's defaults). Returns null, and
 * writes nothing, when email is off. Call kickBackgroundRunner() after the commit.
 */
export async function queueEmail<Name extends EmailTemplateName>(
  tx: Prisma.TransactionClient,
  {
    template,
    to,
    data,
    audience = "account",
  }: { template: Name; to: Recipient; data: EmailTemplates[Name]; audience?: EmailAudience },
): Promise<string | null> {
  const settings = emailSettings();
  if (!settings) return null;
  const locale: Locale = isLocale(to.locale) ? to.locale : env.DEFAULT_LOCALE;
  const rendered = await renderEmail(
    template,
    data,
    { locale, timeZone: to.timeZone ?? env.DEFAULT_TIME_ZONE, appUrl: settings.appUrl },
    audience,
  );
  const content: OutboxContent = { toName: to.name, text: rendered.text, html: rendered.html };
  // A person's notifications say where to turn them off (RFC 2369): their profile's settings,
  // a page they sign in to. No List-Unsubscribe-Post: one-click would need a signed token.
  // Account emails (an invitation, a reset link) and admin-chosen addresses get none.
  if (audience === "notification")
    content.headers = { "List-Unsubscribe": `<${absoluteUrl(NOTIFICATION_SETTINGS_PATH, settings.appUrl)}>` };
  const message = await tx.outboxMessage.create({
    data: {
      template,
      recipient: to.address,
      subject: rendered.subject,
      contentEncrypted: encryptAtRest(JSON.stringify(content)),
    },
    select: { id: true },
  });
  await enqueueJob(tx, { kind: SEND_EMAIL_JOB, payload: { messageId: message.id } });
  return message.id;
}

export type OutboxRow = {
  id: string;
  template: string;
  recipient: string;
  subject: string;
  status: "QUEUED" | "SENT" | "FAILED";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

const LIST_LIMIT = 100;

/** The admin page's view: the latest messages, never their content. */
export async function listOutboxMessages(): Promise<OutboxRow[]> {
  const rows = await db.outboxMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      template: true,
      recipient: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    status: row.status as OutboxRow["status"],
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}
