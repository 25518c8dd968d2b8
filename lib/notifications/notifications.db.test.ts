// Notifications against a real database and a real SMTP server (smtp-server; what arrives is read
// with mailparser): the daily digest in each person's time zone, once a day, nothing when there is
// nothing; new hires at once, one email per batch; a failing Personio connection once per change;
// the new-employee note to the admin-chosen addresses. Time is a clock the tests set. Runs on
// SQLite, and on PostgreSQL in npm test's PostgreSQL run (HANDOFF_TEST_DATABASE_URL).

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { appEnvWithSmtp, startSmtpTestServer, type SmtpTestServer } from "@/e2e/support/smtp-test-server";
import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";

type Runner = ReturnType<typeof import("@/lib/background/runner").createBackgroundRunner>;

const APP_URL = "https://handoff.example.test";
let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let smtp: SmtpTestServer;
let createRunner: (now: () => Date) => Runner;
let enqueueJob: typeof import("@/lib/background/enqueue").enqueueJob;
let write: typeof import("@/lib/candidates/write");
let recordPersonioHealth: typeof import("@/lib/personio/integration/connection").recordPersonioHealth;
let events: typeof import("@/lib/notifications/events");
let setNewEmployeeAddresses: typeof import("@/lib/notifications/addresses").setNewEmployeeAddresses;
const env: Record<string, unknown> = {};
const started: Runner[] = [];
let jobId: string;
let adminId: string;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-notifications-${process.pid}`);
  client = createPrismaClient(database.url);
  smtp = await startSmtpTestServer();
  Object.assign(env, appEnvWithSmtp({ databaseUrl: database.url, smtpPort: smtp.port, appUrl: APP_URL }));
  vi.resetModules();
  vi.doMock("@/lib/env", () => ({ env }));
  vi.doMock("@/lib/db", () => ({ db: client }));
  vi.doMock("@/lib/background/process-runner", () => ({ kickBackgroundRunner: () => undefined }));
  const { createBackgroundRunner } = await import("@/lib/background/runner");
  const { createJobRegistry } = await import("@/lib/background/registry");
  const { sendEmailJob } = await import("@/lib/email/send-job");
  const { newHiresJob } = await import("@/lib/notifications/new-hires-job");
  const { digestJob } = await import("@/lib/notifications/digest-job");
  const registry = createJobRegistry([sendEmailJob, newHiresJob, digestJob]);
  createRunner = (now) => {
    const runner = createBackgroundRunner({ client, registry, clock: { now } });
    started.push(runner);
    return runner;
  };
  ({ enqueueJob } = await import("@/lib/background/enqueue"));
  write = await import("@/lib/candidates/write");
  ({ recordPersonioHealth } = await import("@/lib/personio/integration/connection"));
  events = await import("@/lib/notifications/events");
  ({ setNewEmployeeAddresses } = await import("@/lib/notifications/addresses"));
  ({ id: jobId } = await client.job.create({
    data: { title: "Backend Engineer", department: "Tech", office: "Berlin" },
  }));
  adminId = (await addUser({ email: "admin@example.com", roleId: "admin" })).id;
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((runner) => runner.stop(1_000)));
});

afterAll(async () => {
  await smtp.stop();
  await client.$disconnect();
  await database.drop();
});

// Every time here lies ahead of the real one, so jobs queued now (runAfter = now) are due.
const at = (iso: string) => () => new Date(iso);
const DAY_MS = 24 * 60 * 60_000;
const NO_DETAILS = { phone: null, source: null, notes: null, department: null, office: null };

async function addUser(data: {
  email: string;
  roleId: string;
  locale?: string;
  timeZone?: string;
  notifyNewHires?: string;
  lastDigestAt?: Date;
}) {
  return client.user.create({ data: { name: data.email.split("@")[0]!, ...data } });
}

async function hire(firstName: string, lastName: string, startDate: string | null = null) {
  return client.$transaction((tx) =>
    write.createCandidateIn(tx, {
      values: {
        ...NO_DETAILS,
        firstName,
        lastName,
        email: `${firstName}@example.com`.toLowerCase(),
        jobId,
        stage: "HIRED",
        startDate,
      },
      key: null,
      origin: { via: "screen", userId: adminId },
    }),
  );
}

// A digest run as the hourly schedule makes it: one job per hour, keyed by the hour.
async function runDigestAt(iso: string) {
  const runner = createRunner(at(iso));
  await client.$transaction((tx) =>
    enqueueJob(tx, { kind: "notifications.digest", key: iso, payload: { periodStart: iso } }),
  );
  runner.kick();
  await runner.whenIdle();
  // The emails the digest queued.
  runner.kick();
  await runner.whenIdle();
}

const arrivedFor = (address: string) => smtp.received.filter((email) => email.envelopeTo.includes(address));

describe("notifications", () => {
  it("sends each person's digest at 08:00 in their own time zone, once a day, in their language, and nothing when there is nothing", async () => {
    const yesterday = new Date(Date.now() - DAY_MS);
    await addUser({
      email: "berlin@example.com",
      roleId: "recruiter",
      locale: "de",
      timeZone: "Europe/Berlin",
      lastDigestAt: yesterday,
    });
    await addUser({
      email: "newyork@example.com",
      roleId: "recruiter",
      locale: "en",
      timeZone: "America/New_York",
      lastDigestAt: yesterday,
    });
    // Not allowed to send: no digest, whatever the setting says.
    await addUser({ email: "interviewer@example.com", roleId: "interviewer", lastDigestAt: yesterday });
    await hire("Ada", "Lovelace", "2030-02-01");
    await hire("Grace", "Hopper");
    // Had a digest after both came in: nothing new for her.
    await addUser({
      email: "quiet@example.com",
      roleId: "recruiter",
      timeZone: "Europe/Berlin",
      lastDigestAt: new Date(),
    });

    await runDigestAt("2030-01-15T06:30:00.000Z"); // 07:30 in Berlin
    expect(arrivedFor("berlin@example.com")).toHaveLength(0);

    await runDigestAt("2030-01-15T07:00:00.000Z"); // 08:00 in Berlin, 02:00 in New York
    const [german, ...others] = arrivedFor("berlin@example.com");
    expect(others).toHaveLength(0);
    const mail = german!.parsed;
    expect(mail.subject).toBe("Handoff: Deine tägliche Übersicht: 2 Neueinstellungen warten auf die Übergabe");
    expect(mail.text).toContain("Ada Lovelace");
    expect(mail.text).toContain("Grace Hopper");
    expect(mail.text).toContain("Stelle: Backend Engineer");
    expect(mail.text).toContain("Eintrittsdatum: 1. Februar 2030");
    expect(mail.text).toContain("Eintrittsdatum: noch nicht festgelegt");
    expect(mail.text).toContain(`${APP_URL}/to-send`);
    expect(mail.html).toContain('lang="de"');
    expect(german!.raw).toContain(`List-Unsubscribe: <${APP_URL}/account#notifications>`);
    expect(german!.raw).not.toContain("List-Unsubscribe-Post");
    expect(arrivedFor("newyork@example.com")).toHaveLength(0);
    expect(arrivedFor("interviewer@example.com")).toHaveLength(0);
    expect(arrivedFor("quiet@example.com")).toHaveLength(0);

    // Later that day, and a repeated run of the same hour: no second digest.
    await runDigestAt("2030-01-15T07:30:00.000Z");
    await runDigestAt("2030-01-15T12:00:00.000Z");
    expect(arrivedFor("berlin@example.com")).toHaveLength(1);

    await runDigestAt("2030-01-15T13:00:00.000Z"); // 08:00 in New York
    const english = arrivedFor("newyork@example.com");
    expect(english).toHaveLength(1);
    expect(english[0]!.parsed.subject).toBe("Handoff: Your daily digest: 2 new hires wait to be sent");
    expect(english[0]!.parsed.text).toContain("Start date: February 1, 2030");

    // The next morning nothing new came in: nothing is sent.
    await runDigestAt("2030-01-16T07:00:00.000Z");
    expect(arrivedFor("berlin@example.com")).toHaveLength(1);
    expect(arrivedFor("quiet@example.com")).toHaveLength(0);
    const quiet = await client.user.findUniqueOrThrow({ where: { email: "quiet@example.com" } });
    expect(quiet.lastDigestAt?.toISOString()).toBe("2030-01-16T07:00:00.000Z");
  });

  it("tells those who chose 'at once' of a whole import in one email, listing twenty and counting the rest", async () => {
    await addUser({ email: "atonce@example.com", roleId: "recruiter", notifyNewHires: "IMMEDIATE" });
    await addUser({ email: "atonce-interviewer@example.com", roleId: "interviewer", notifyNewHires: "IMMEDIATE" });
    // Whatever earlier writes noted is told of first.
    const runner = createRunner(at("2030-01-20T10:00:00.000Z"));
    runner.kick();
    await runner.whenIdle();
    const before = arrivedFor("atonce@example.com").length;

    await client.$transaction((tx) =>
      write.createCandidatesIn(tx, {
        rows: Array.from({ length: 25 }, (_, index) => ({
          values: {
            ...NO_DETAILS,
            startDate: null,
            firstName: `Hire${index}`,
            lastName: "Batch",
            email: `hire${index}@example.com`,
            jobId,
            stage: "HIRED",
          },
          key: null,
        })),
        origin: { via: "import", userId: adminId, importId: "import-1" },
      }),
    );
    // Not a new hire: applied only.
    await hire("Applied", "Person").then(({ id }) =>
      client.candidate.update({ where: { id }, data: { stage: "APPLIED" } }),
    );
    const later = createRunner(at("2030-01-20T10:05:00.000Z"));
    for (let round = 0; round < 2; round += 1) {
      later.kick();
      await later.whenIdle();
    }
    const arrived = arrivedFor("atonce@example.com").slice(before);
    expect(arrived).toHaveLength(1);
    const mail = arrived[0]!.parsed;
    // The candidate moved back to Applied within the minute no longer waits: 25, not 26.
    expect(mail.subject).toBe("Handoff: 25 new hires wait to be sent to Personio");
    expect(mail.text).toContain("Hire0 Batch");
    expect(mail.text).toContain("and 5 more new hires");
    expect(arrived[0]!.raw).toContain(`List-Unsubscribe: <${APP_URL}/account#notifications>`);
    expect(arrivedFor("atonce-interviewer@example.com")).toHaveLength(0);
  });

  it("tells admins once when the Personio connection turns from working to failing, and of failed sends", async () => {
    await client.personioIntegration.create({
      data: { clientId: "c", clientSecretEncrypted: "x", subdomain: "acme", lastSuccessAt: new Date() },
    });
    const { PersonioError } = await import("@/lib/personio/errors");
    const failure = { ok: false as const, error: new PersonioError("invalid_credentials", "rejected") };
    await recordPersonioHealth(failure);
    await recordPersonioHealth(failure);
    await recordPersonioHealth({ ok: true });
    await recordPersonioHealth(failure);
    const { id: candidateId } = await hire("Failed", "Send");
    await client.$transaction((tx) => events.notifySendFailedIn(tx, { candidateId, code: "timeout" }));
    await client.user.update({ where: { id: adminId }, data: { notifySendFailures: false } });
    await client.$transaction((tx) => events.notifySendFailedIn(tx, { candidateId, code: "timeout" }));
    const runner = createRunner(at("2030-01-21T10:00:00.000Z"));
    runner.kick();
    await runner.whenIdle();
    const subjects = arrivedFor("admin@example.com").map((email) => email.parsed.subject);
    expect(subjects.filter((subject) => subject === "Handoff: The Personio connection is failing")).toHaveLength(2);
    expect(subjects.filter((subject) => subject === "Handoff: Send to Personio failed: Failed Send")).toHaveLength(1);
  });

  it("sends the admin-chosen addresses name, position, start date and the link, and nothing more", async () => {
    await setNewEmployeeAddresses({ actorId: adminId, addresses: ["hr@example.com", "it@example.com"] });
    const { id: candidateId } = await hire("Neu", "Angestellte", "2030-03-01");
    await client.$transaction((tx) =>
      events.notifyNewEmployeeIn(tx, { candidateId, employeeUrl: "https://acme.personio.de/staff/details/42" }),
    );
    const runner = createRunner(at("2030-01-22T10:00:00.000Z"));
    runner.kick();
    await runner.whenIdle();
    for (const address of ["hr@example.com", "it@example.com"]) {
      const [email] = arrivedFor(address);
      expect(email!.parsed.subject).toBe("Handoff: New employee in Personio: Neu Angestellte");
      expect(email!.parsed.text).toContain("Position: Backend Engineer");
      expect(email!.parsed.text).toContain("Start date: March 1, 2030");
      expect(email!.parsed.text).toContain("https://acme.personio.de/staff/details/42");
      expect(email!.parsed.text).not.toContain("neu@example.com");
      expect(email!.raw).not.toContain("List-Unsubscribe");
    }
  });
});
