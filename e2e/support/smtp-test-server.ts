// A real SMTP server for tests (smtp-server), keeping what arrives parsed by mailparser. Tests
// decide its replies per recipient (a 5xx, a 4xx a few times) and can stop and restart it on the
// same port, for an outage. Plain SMTP on 127.0.0.1 only (the app's SMTP_SECURITY=none).
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";

import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";

export type ReceivedEmail = { envelopeFrom: string; envelopeTo: string[]; raw: string; parsed: ParsedMail };

/** A reply for one RCPT TO: null accepts; otherwise the SMTP status and text to refuse with. */
export type RecipientRule = (address: string) => { status: number; text: string } | null;

export type SmtpTestServer = {
  port: number;
  received: ReceivedEmail[];
  /** Connections opened so far (a message refused before SMTP never opens one). */
  connections: number;
  setRecipientRule(rule: RecipientRule): void;
  /** The next message whose envelope names `address`, waiting up to timeoutMs for it to arrive. */
  waitFor(address: string, options?: { timeoutMs?: number; after?: number }): Promise<ReceivedEmail>;
  stop(): Promise<void>;
  start(): Promise<void>;
};

export async function startSmtpTestServer({ port = 0 }: { port?: number } = {}): Promise<SmtpTestServer> {
  let rule: RecipientRule = () => null;
  let server: SMTPServer | null = null;
  const state = { port, received: [] as ReceivedEmail[], connections: 0 };

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onConnect(_session, callback) {
        state.connections += 1;
        callback();
      },
      onRcptTo(address: SMTPServerAddress, _session, callback) {
        const refusal = rule(address.address);
        if (!refusal) return callback();
        const error = Object.assign(new Error(refusal.text), { responseCode: refusal.status });
        callback(error);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          simpleParser(raw)
            .then((parsed) => {
              const from = session.envelope.mailFrom;
              state.received.push({
                envelopeFrom: from ? from.address : "",
                envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
                raw,
                parsed,
              });
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });

  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = create();
      server.on("error", reject);
      server.listen(state.port, "127.0.0.1", () => {
        state.port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
        resolve();
      });
    });

  await start();

  return {
    get port() {
      return state.port;
    },
    get received() {
      return state.received;
    },
    get connections() {
      return state.connections;
    },
    setRecipientRule(next) {
      rule = next;
    },
    async waitFor(address, { timeoutMs = 15_000, after = 0 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = state.received
          .slice(after)
          .find((email) => email.envelopeTo.some((to) => to.toLowerCase() === address.toLowerCase()));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No email for ${address} arrived within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const current = server;
        server = null;
        if (!current) return resolve();
        current.close(() => resolve());
      }),
    start,
  };
}

/**
 * The app's settings (lib/env) for a database test that sends email through this server: a fresh
 * encryption key, the app at `appUrl`, plain SMTP to the server's port.
 */
export function appEnvWithSmtp({
  databaseUrl,
  smtpPort,
  appUrl,
}: {
  databaseUrl: string;
  smtpPort: number;
  appUrl: string;
}) {
  return {
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "silent",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    DEFAULT_LOCALE: "en",
    DEFAULT_TIME_ZONE: "Europe/Berlin",
    NEXTAUTH_URL: appUrl,
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: smtpPort,
    SMTP_SECURITY: "none",
    SMTP_FROM: "Handoff <handoff@handoff.example.test>",
  };
}
