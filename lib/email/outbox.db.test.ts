// The outbox against a real database and a real SMTP server (smtp-server, started here): a
// message is written with its cause, sent once by the background runner, kept and retried
// through an outage, failed for good on a 5xx, retried on a 4xx, and refused before SMTP when
// its address is malformed. Time is a clock the tests move. Runs on SQLite, and on PostgreSQL in
// npm test's PostgreSQL run (HANDOFF_TEST_DATABASE_URL).

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { appEnvWithSmtp, startSmtpTestServer, type SmtpTestServer } from "@/e2e/support/smtp-test-server";
import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";

type Runner = typeof import("@/lib/background/runner");
type Outbox = typeof import("@/lib/email/outbox");

const APP_URL = "https://handoff.example.test";
let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let smtp: SmtpTestServer;
let runnerModule: Runner;
let outbox: Outbox;
let registry: import("@/lib/background/registry").JobRegistry;
let retryBackgroundJob: typeof import("@/lib/background/admin").retryBackgroundJob;
const env: Record<string, unknown> = {};
const started: Array<ReturnType<Runner["createBackgroundRunner"]>> = [];

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-outbox-${process.pid}`);
  client = createPrismaClient(database.url);
  smtp = await startSmtpTestServer();
  Object.assign(env, appEnvWithSmtp({ databaseUrl: database.url, smtpPort: smtp.port, appUrl: APP_URL }));
  vi.resetModules();
  vi.doMock("@/lib/env", () => ({ env }));
  // One client for the test and the code under test: on SQLite a second connection in the same
  // process would block the event loop while the first holds a lock (runner.db.test.ts).
  vi.doMock("@/lib/db", () => ({ db: client }));
  // The runners here are the tests' own, on their clocks; an admin's "Retry now" must not start another.
  vi.doMock("@/lib/background/process-runner", () => ({ kickBackgroundRunner: () => undefined }));
  runnerModule = await import("@/lib/background/runner");
  outbox = await import("@/lib/email/outbox");
  const { createJobRegistry } = await import("@/lib/background/registry");
  const { sendEmailJob } = await import("@/lib/email/send-job");
  registry = createJobRegistry([sendEmailJob]);
  ({ retryBackgroundJob } = await import("@/lib/background/admin"));
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((runner) => runner.stop(1_000)));
  smtp.setRecipientRule(() => null);
});

afterAll(async () => {
  await smtp.stop();
  await client.$disconnect();
  await database.drop();
});

// Starts a minute ahead of the real time, so jobs queued now are due.
function manualClock() {
  let current = Date.now() + 60_000;
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}

function newRunner(clock = manualClock()) {
  // random() = 1: each backoff is exactly the exponential delay (30 s, then 60 s, …).
  const runner = runnerModule.createBackgroundRunner({ client, registry, clock, random: () => 1 });
  started.push(runner);
  return { runner, clock };
}

async function runAll(runner: ReturnType<Runner["createBackgroundRunner"]>) {
  runner.kick();
  await runner.whenIdle();
}

async function queueInvitation(address: string, name = "Ada Lovelace") {
  const id = await client.$transaction((tx) =>
    outbox.queueEmail(tx, {
      template: "account.invitation",
      to: { address, name },
      data: { name, linkPath: "/set-password/one-time-token", expiresAt: "2026-12-10T09:00:00.000Z" },
    }),
  );
  if (!id) throw new Error("email is on in this test");
  return id;
}

const messageOf = (id: string) => client.outboxMessage.findUniqueOrThrow({ where: { id } });
const jobOf = async (messageId: string) =>
  (await client.backgroundJob.findMany({ where: { kind: "email.send" } })).find(
    (job) => (JSON.parse(job.payload) as { messageId: string }).messageId === messageId,
  )!;
const arrivedFor = (address: string) => smtp.received.filter((email) => email.envelopeTo.includes(address));

describe("the email outbox", () => {
  it("writes a message with its cause, or not at all, and sends it once", async () => {
    await expect(
      client.$transaction(async (tx) => {
        await outbox.queueEmail(tx, {
          template: "email.test",
          to: { address: "rolled-back@example.com", name: null },
          data: {},
        });
        throw new Error("the cause was rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await client.outboxMessage.count({ where: { recipient: "rolled-back@example.com" } })).toBe(0);

    const id = await queueInvitation("ada@example.com");
    const queued = await messageOf(id);
    expect(queued).toMatchObject({ status: "QUEUED", attempts: 0, subject: "Your invitation to Handoff" });
    // The one-time link is not readable in the database.
    expect(queued.contentEncrypted).not.toContain("one-time-token");
    expect((await jobOf(id)).status).toBe("QUEUED");

    const { runner } = newRunner();
    await runAll(runner);
    await runAll(runner);
    const arrived = arrivedFor("ada@example.com");
    expect(arrived).toHaveLength(1);
    const mail = arrived[0]!.parsed;
    expect(mail.messageId).toBe(`<outbox-${id}@handoff.example.test>`);
    expect(mail.subject).toBe("Your invitation to Handoff");
    expect(mail.text).toContain(`${APP_URL}/set-password/one-time-token`);
    expect(mail.html).toContain(`href="${APP_URL}/set-password/one-time-token"`);
    expect(mail.from?.value).toEqual([{ name: "Handoff", address: "handoff@handoff.example.test" }]);
    const sent = await messageOf(id);
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, lastError: null, contentEncrypted: null });
    expect(sent.sentAt).not.toBeNull();
    expect((await jobOf(id)).status).toBe("DONE");
  });

  it("keeps a message through an SMTP outage, retries with backoff, and delivers it once the server is back", async () => {
    await smtp.stop();
    const id = await queueInvitation("outage@example.com");
    const { runner, clock } = newRunner();
    await runAll(runner);
    let message = await messageOf(id);
    expect(message).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(message.lastError).toMatch(/^smtp_e[a-z]+/);
    const job = await jobOf(id);
    expect(job).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(job.runAfter.getTime()).toBe(clock.now().getTime() + 30_000);

    clock.advance(30_000);
    await runAll(runner);
    expect((await messageOf(id)).attempts).toBe(2);
    expect((await jobOf(id)).runAfter.getTime()).toBe(clock.now().getTime() + 60_000); // doubled

    await smtp.start();
    await runAll(runner);
    expect(arrivedFor("outage@example.com")).toHaveLength(0); // not due yet
    clock.advance(60_000);
    await runAll(runner);
    clock.advance(4 * 60 * 60_000);
    await runAll(runner);
    expect(arrivedFor("outage@example.com")).toHaveLength(1);
    message = await messageOf(id);
    expect(message).toMatchObject({ status: "SENT", attempts: 3, lastError: null });
  });

  it("a process that died between the write and the send: the next one sends the message, once", async () => {
    const id = await queueInvitation("crash@example.com");
    const clock = manualClock();
    // Claimed by a process that died before it sent anything: its lease runs out.
    await client.backgroundJob.update({
      where: { id: (await jobOf(id)).id },
      data: {
        status: "RUNNING",
        leaseToken: "a-process-that-died",
        leaseUntil: new Date(clock.now().getTime() + 30_000),
        attempts: 1,
      },
    });
    const { runner } = newRunner(clock);
    await runAll(runner);
    expect(arrivedFor("crash@example.com")).toHaveLength(0);
    clock.advance(30_001);
    await runAll(runner);
    await runAll(runner);
    expect(arrivedFor("crash@example.com")).toHaveLength(1);
    expect(await messageOf(id)).toMatchObject({ status: "SENT" });
    // A job that runs again after the send (its process died before marking the job done) sends nothing.
    await client.backgroundJob.update({ where: { id: (await jobOf(id)).id }, data: { status: "QUEUED" } });
    await runAll(runner);
    expect(arrivedFor("crash@example.com")).toHaveLength(1);
  });

  it("a 5xx reply fails the message for good, with the server's reason", async () => {
    let refusals = 0;
    smtp.setRecipientRule((address) => {
      if (address !== "gone@example.com") return null;
      refusals += 1;
      return { status: 550, text: "5.1.1 Mailbox does not exist" };
    });
    const id = await queueInvitation("gone@example.com");
    const { runner, clock } = newRunner();
    await runAll(runner);
    clock.advance(24 * 60 * 60_000);
    await runAll(runner);
    expect(refusals).toBe(1);
    const message = await messageOf(id);
    expect(message).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(message.lastError).toMatch(/^smtp_550: .*Mailbox does not exist/);
    // The job's own error is the code only: the background jobs page shows no server replies.
    expect(await jobOf(id)).toMatchObject({ status: "FAILED", lastError: "smtp_550" });
  });

  it("an admin's Retry now on the failed job queues the message again, and it is sent", async () => {
    let refuse = true;
    smtp.setRecipientRule((address) =>
      address === "fixed@example.com" && refuse ? { status: 550, text: "5.7.1 Relaying denied" } : null,
    );
    const id = await queueInvitation("fixed@example.com");
    const { runner } = newRunner();
    await runAll(runner);
    expect(await messageOf(id)).toMatchObject({ status: "FAILED" });
    // The server's setting was fixed; an admin retries from the Background jobs page.
    refuse = false;
    const admin = await client.user.create({
      data: { name: "Admin", email: `admin.${id}@example.com`, roleId: "admin" },
    });
    await retryBackgroundJob({ actorId: admin.id, jobId: (await jobOf(id)).id });
    expect(await messageOf(id)).toMatchObject({ status: "QUEUED" });
    await runAll(runner);
    expect(arrivedFor("fixed@example.com")).toHaveLength(1);
    expect(await messageOf(id)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });

  it("a 4xx reply is retried, and the message arrives on the next try", async () => {
    let refusals = 0;
    smtp.setRecipientRule((address) => {
      if (address !== "busy@example.com" || refusals >= 1) return null;
      refusals += 1;
      return { status: 451, text: "4.3.0 Try again later" };
    });
    const id = await queueInvitation("busy@example.com");
    const { runner, clock } = newRunner();
    await runAll(runner);
    expect(await messageOf(id)).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect((await messageOf(id)).lastError).toMatch(/^smtp_451: .*Try again later/);
    clock.advance(30_000);
    await runAll(runner);
    expect(arrivedFor("busy@example.com")).toHaveLength(1);
    expect(await messageOf(id)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });

  it("a malformed recipient fails before any SMTP connection", async () => {
    const before = smtp.connections;
    const ids = [
      await queueInvitation("not an address"),
      await queueInvitation("ada@example.com, eve@example.com"),
      await queueInvitation("eve@example.com\r\nRCPT TO:<mallory@example.com>"),
    ];
    const { runner } = newRunner();
    await runAll(runner);
    for (const id of ids)
      expect(await messageOf(id)).toMatchObject({ status: "FAILED", lastError: "invalid_recipient" });
    expect(smtp.connections).toBe(before);
  });

  it("a line break in a name adds no header and no recipient", async () => {
    const id = await queueInvitation("mallory@example.com", "Mallory\r\nBcc: victim@example.com\r\nX-Injected: yes");
    const { runner } = newRunner();
    await runAll(runner);
    expect(await messageOf(id)).toMatchObject({ status: "SENT" });
    const arrived = arrivedFor("mallory@example.com");
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.envelopeTo).toEqual(["mallory@example.com"]);
    expect(smtp.received.some((email) => email.envelopeTo.includes("victim@example.com"))).toBe(false);
    const headers = arrived[0]!.parsed.headers;
    expect(headers.has("bcc")).toBe(false);
    expect(headers.has("x-injected")).toBe(false);
    const to = arrived[0]!.parsed.to;
    expect(Array.isArray(to) ? to : [to]).toHaveLength(1);
    expect((Array.isArray(to) ? to[0] : to)?.value.map((address) => address.address)).toEqual(["mallory@example.com"]);
  });
});
