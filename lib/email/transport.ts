import "server-only";

import nodemailer from "nodemailer";

import type { EmailSettings } from "./settings";

export type OutgoingEmail = {
  /** The outbox row's id: the Message-ID is made from it, so a resend is the same message. */
  outboxId: string;
  to: { address: string; name: string | null };
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

// One connection per message: the outbox sends a few messages a day, and a fresh connection
// picks up an SMTP server that came back without any pool state to go stale.
function createTransport(settings: EmailSettings) {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === "tls",
    requireTLS: settings.security === "starttls",
    ignoreTLS: settings.security === "none",
    auth: settings.user && settings.password ? { user: settings.user, pass: settings.password } : undefined,
    // Well inside the background job's lease (a minute), so a hung server ends as a retry.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    // Messages are built from our own strings only: never let a value reach a file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
}

/** Header values never carry a line break: a name with one cannot add a header or a recipient. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, " ").trim();
}

export function messageIdFor(outboxId: string, appUrl: string): string {
  return `<outbox-${outboxId}@${new URL(appUrl).hostname}>`;
}

/** Hands one message to the SMTP server; resolves once the server has accepted it. */
export async function deliverEmail(settings: EmailSettings, email: OutgoingEmail): Promise<void> {
  const transport = createTransport(settings);
  try {
    await transport.sendMail({
      from: settings.from,
      to: { address: email.to.address, name: email.to.name ? oneLine(email.to.name) : "" },
      subject: oneLine(email.subject),
      text: email.text,
      html: email.html,
      messageId: messageIdFor(email.outboxId, settings.appUrl),
      headers: email.headers,
    });
  } finally {
    transport.close();
  }
}
