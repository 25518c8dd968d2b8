import "server-only";

import { z } from "zod";

import { PermanentJobError, RetryableJobError } from "@/lib/background/errors";
import { defineJobKind } from "@/lib/background/registry";
import { db } from "@/lib/db";
import { decryptAtRest } from "@/lib/secrets/at-rest";

import { SEND_EMAIL_JOB, type OutboxContent } from "./outbox";
import { emailSettings } from "./settings";
import { classifySmtpFailure } from "./smtp-failure";
import { deliverEmail } from "./transport";

// One job per outbox message. The message is SENT in the database right after the SMTP server
// accepted it, before the job itself is marked done: a job that runs again (its process died
// after the send, an admin's Retry now) finds it SENT and sends nothing. Only a crash in the
// moment between the server's acceptance and that write can send it twice, and then with the
// same Message-ID (lib/email/transport.ts), so mail systems can tell it is one message.

// A plain check before the SMTP server sees the address: one recipient, no spaces or brackets.
const RECIPIENT = /^[^\s@<>,;"()\\]+@[^\s@<>,;"()\\]+\.[^\s@<>,;"()\\]+$/;

async function recordAttempt(messageId: string, lastError: string | null) {
  await db.outboxMessage.update({ where: { id: messageId }, data: { attempts: { increment: 1 }, lastError } });
}

export const sendEmailJob = defineJobKind({
  kind: SEND_EMAIL_JOB,
  payload: z.object({ messageId: z.string() }),
  // About a day of tries: an SMTP server down for maintenance over night still gets the mail.
  retry: { maxAttempts: 12, baseDelayMs: 30_000, maxDelayMs: 4 * 60 * 60_000 },
  async run({ messageId }, context) {
    const message = await db.outboxMessage.findUnique({
      where: { id: messageId },
      select: { status: true, recipient: true, subject: true, contentEncrypted: true },
    });
    if (!message || message.status !== "QUEUED") return; // sent already, or failed for good
    if (!RECIPIENT.test(message.recipient)) {
      await recordAttempt(messageId, "invalid_recipient");
      throw new PermanentJobError("invalid_recipient");
    }
    if (!message.contentEncrypted) throw new PermanentJobError("content_missing");
    // Email turned off after the message was queued: it waits for the settings to come back.
    const settings = emailSettings();
    if (!settings) {
      await recordAttempt(messageId, "email_off");
      throw new RetryableJobError("email_off");
    }
    const content = JSON.parse(decryptAtRest(message.contentEncrypted)) as OutboxContent;
    try {
      await deliverEmail(settings, {
        outboxId: messageId,
        to: { address: message.recipient, name: content.toName },
        subject: message.subject,
        text: content.text,
        html: content.html,
        headers: content.headers,
      });
    } catch (error) {
      // A shutdown aborted the job meanwhile: the runner queues it again, nothing to record.
      context.signal.throwIfAborted();
      const failure = classifySmtpFailure(error);
      await recordAttempt(messageId, failure.reason ? `${failure.code}: ${failure.reason}` : failure.code);
      throw failure.isPermanent ? new PermanentJobError(failure.code) : new RetryableJobError(failure.code);
    }
    await db.outboxMessage.update({
      where: { id: messageId },
      data: {
        status: "SENT",
        sentAt: context.now(),
        attempts: { increment: 1 },
        lastError: null,
        // Sent: the one-time link in it need not be kept any longer.
        contentEncrypted: null,
      },
    });
  },
  async onFailed(tx, { messageId }, { code }) {
    const message = await tx.outboxMessage.findUnique({ where: { id: messageId }, select: { lastError: true } });
    await tx.outboxMessage.updateMany({
      where: { id: messageId, status: "QUEUED" },
      data: { status: "FAILED", lastError: message?.lastError ?? code },
    });
  },
  // An admin's Retry now on the failed job: the message is queued with it.
  async onRetry(tx, { messageId }) {
    await tx.outboxMessage.updateMany({ where: { id: messageId, status: "FAILED" }, data: { status: "QUEUED" } });
  },
});
