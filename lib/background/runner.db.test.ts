// The background runner against a real database: claims, leases, retries, shutdown and recurring
// jobs. On PostgreSQL each runner has a Prisma client of its own (a connection pool, as an app
// process has), so the compare-and-set is tested between connections. Time is a clock the tests move. Runs on
// SQLite, and on PostgreSQL in npm test's PostgreSQL run (HANDOFF_TEST_DATABASE_URL).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { databaseProvider } from "@/lib/db/provider";

type Runner = typeof import("@/lib/background/runner");
type Registry = typeof import("@/lib/background/registry");
type Errors = typeof import("@/lib/background/errors");
type Enqueue = typeof import("@/lib/background/enqueue");

const isPostgres = databaseProvider(process.env.HANDOFF_TEST_DATABASE_URL ?? "file:") === "postgresql";
let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let clients: PrismaClient[];
let runnerModule: Runner;
let registryModule: Registry;
let errors: Errors;
let enqueue: Enqueue["enqueueJob"];
const started: Array<ReturnType<Runner["createBackgroundRunner"]>> = [];

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-background-${process.pid}`);
  // SQLite: one client for all, as in rate-limit.db.test.ts. Its driver waits for a lock
  // synchronously, so a second connection in the same process would block the event loop that
  // the first one needs to finish its transaction (two app processes do not share a loop).
  const first = createPrismaClient(database.url);
  clients = isPostgres
    ? [first, createPrismaClient(database.url), createPrismaClient(database.url)]
    : [first, first, first];
  vi.resetModules();
  vi.doMock("@/lib/env", () => ({ env: { DATABASE_URL: database.url, LOG_LEVEL: "silent" } }));
  runnerModule = await import("@/lib/background/runner");
  registryModule = await import("@/lib/background/registry");
  errors = await import("@/lib/background/errors");
  enqueue = (await import("@/lib/background/enqueue")).enqueueJob;
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((runner) => runner.stop(1_000)));
});

afterAll(async () => {
  await Promise.all([...new Set(clients)].map((client) => client.$disconnect()));
  await database.drop();
});

// Starts a minute ahead of the real time, so jobs queued now (runAfter: the real now) are due.
function manualClock() {
  let current = Date.now() + 60_000;
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}

type Handler = (payload: { n: number }, context: import("@/lib/background/registry").JobContext) => Promise<void>;

function testKind(kind: string, run: Handler, extra: Partial<Parameters<Registry["defineJobKind"]>[0]> = {}) {
  return registryModule.defineJobKind({ kind, payload: z.object({ n: z.number() }), run, ...extra });
}

function runnerWith(
  kinds: Array<ReturnType<typeof testKind>>,
  options: { client?: PrismaClient; clock?: ReturnType<typeof manualClock>; random?: () => number } = {},
) {
  const runner = runnerModule.createBackgroundRunner({
    client: options.client ?? clients[0]!,
    registry: registryModule.createJobRegistry(kinds),
    clock: options.clock,
    random: options.random,
  });
  started.push(runner);
  return runner;
}

async function runAll(...runners: Array<ReturnType<typeof runnerWith>>) {
  for (const runner of runners) runner.kick();
  await Promise.all(runners.map((runner) => runner.whenIdle()));
}

function jobsOf(kind: string) {
  return clients[0]!.backgroundJob.findMany({ where: { kind }, orderBy: { createdAt: "asc" } });
}

describe(`the background runner (${isPostgres ? "PostgreSQL" : "SQLite"})`, () => {
  it("three runners racing for 20 jobs: each job runs exactly once", async () => {
    const runs = new Map<number, number>();
    const kind = testKind("race", async ({ n }) => {
      runs.set(n, (runs.get(n) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    for (let n = 0; n < 20; n++) await enqueue(clients[0]!, { kind: "race", payload: { n } });
    const clock = manualClock();
    const runners = clients.map((client) => runnerWith([kind], { client, clock }));
    await runAll(...runners);
    expect([...runs.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    const jobs = await jobsOf("race");
    expect(jobs.map((job) => [job.status, job.attempts, job.leaseToken])).toEqual(
      Array.from({ length: 20 }, () => ["DONE", 1, null]),
    );
  });

  it("a job whose process died is taken over once its lease has run out, and not before", async () => {
    const clock = manualClock();
    let runs = 0;
    const kind = testKind(
      "crash",
      async () => {
        runs++;
      },
      { retry: { maxAttempts: 3 } },
    );
    const died = await enqueue(clients[0]!, { kind: "crash", payload: { n: 1 } });
    const diedEveryTime = await enqueue(clients[0]!, { kind: "crash", payload: { n: 2 } });
    const lease = {
      status: "RUNNING",
      leaseToken: "a-process-that-died",
      leaseUntil: new Date(clock.now().getTime() + 30_000),
    };
    await clients[0]!.backgroundJob.update({ where: { id: died.id }, data: { ...lease, attempts: 1 } });
    await clients[0]!.backgroundJob.update({ where: { id: diedEveryTime.id }, data: { ...lease, attempts: 3 } });
    const runner = runnerWith([kind], { client: clients[1], clock });

    await runAll(runner);
    expect(runs).toBe(0);
    expect((await jobsOf("crash")).map((job) => job.status)).toEqual(["RUNNING", "RUNNING"]);

    clock.advance(30_001);
    await runAll(runner);
    expect(runs).toBe(1);
    const [first, second] = await jobsOf("crash");
    expect(first).toMatchObject({ status: "DONE", attempts: 2, leaseToken: null });
    // Its runs kept dying with their process: no fourth try.
    expect(second).toMatchObject({ status: "FAILED", attempts: 3, lastError: "lease_expired" });
  });

  it("a failure is retried after an exponential backoff, then succeeds", async () => {
    const clock = manualClock();
    let runs = 0;
    const kind = testKind(
      "backoff",
      async () => {
        runs++;
        if (runs < 3) throw new errors.RetryableJobError("smtp_unavailable");
      },
      { retry: { baseDelayMs: 1_000 } },
    );
    // random() = 1: the longest wait the jitter allows, the exponential delay itself.
    const runner = runnerWith([kind], { clock, random: () => 1 });
    const { id } = await enqueue(clients[0]!, { kind: "backoff", payload: { n: 1 } });

    await runAll(runner);
    let job = await clients[0]!.backgroundJob.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "smtp_unavailable", leaseToken: null });
    expect(job.runAfter.getTime()).toBe(clock.now().getTime() + 1_000);

    await runAll(runner);
    expect(runs).toBe(1); // not due yet
    clock.advance(1_000);
    await runAll(runner);
    job = await clients[0]!.backgroundJob.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ status: "QUEUED", attempts: 2 });
    expect(job.runAfter.getTime()).toBe(clock.now().getTime() + 2_000); // doubled

    clock.advance(1_999);
    await runAll(runner);
    expect(runs).toBe(2);
    clock.advance(1);
    await runAll(runner);
    expect(runs).toBe(3);
    job = await clients[0]!.backgroundJob.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ status: "DONE", attempts: 3, lastError: null });
    expect(job.finishedAt?.getTime()).toBe(clock.now().getTime());
  });

  it("the jitter keeps each wait between half and all of the exponential delay, up to the maximum", () => {
    const policy = { maxAttempts: 10, baseDelayMs: 1_000, maxDelayMs: 5_000 };
    expect(registryModule.backoffDelayMs(policy, 1, () => 0)).toBe(500);
    expect(registryModule.backoffDelayMs(policy, 3, () => 0)).toBe(2_000);
    expect(registryModule.backoffDelayMs(policy, 3, () => 1)).toBe(4_000);
    expect(registryModule.backoffDelayMs(policy, 9, () => 1)).toBe(5_000);
  });

  it("a permanent failure is not retried, and the kind hears of it in the same transaction", async () => {
    const clock = manualClock();
    let runs = 0;
    const failed: Array<{ n: number; code: string; audited: number }> = [];
    const kind = testKind(
      "permanent",
      async () => {
        runs++;
        throw new errors.PermanentJobError("smtp_rejected");
      },
      {
        async onFailed(tx, payload, failure) {
          const audited = await tx.backgroundJob.count({ where: { kind: "permanent", status: "FAILED" } });
          failed.push({ n: (payload as { n: number }).n, code: failure.code, audited });
        },
      },
    );
    const runner = runnerWith([kind], { clock });
    const { id } = await enqueue(clients[0]!, { kind: "permanent", payload: { n: 7 } });
    await runAll(runner);
    clock.advance(24 * 60 * 60_000);
    await runAll(runner);
    expect(runs).toBe(1);
    // The hook saw the job already FAILED: the same transaction.
    expect(failed).toEqual([{ n: 7, code: "smtp_rejected", audited: 1 }]);
    expect(await clients[0]!.backgroundJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: "smtp_rejected",
      leaseToken: null,
    });

    // A payload the kind cannot read is a permanent failure too; the handler never sees it.
    const unreadable = await enqueue(clients[0]!, { kind: "permanent", payload: { n: "seven" } });
    await runAll(runner);
    expect(runs).toBe(1);
    expect(failed).toHaveLength(1);
    expect(await clients[0]!.backgroundJob.findUniqueOrThrow({ where: { id: unreadable.id } })).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: "invalid_payload",
    });
  });

  it("after maxAttempts failures the job is FAILED with a code, never the error's message", async () => {
    const clock = manualClock();
    let runs = 0;
    const kind = testKind("flaky", async () => {
      runs++;
      throw new Error("Unique constraint failed on ada@example.com");
    });
    const runner = runnerWith([kind], { clock });
    const { id } = await enqueue(clients[0]!, { kind: "flaky", payload: { n: 1 }, maxAttempts: 2 });
    await runAll(runner);
    expect(await clients[0]!.backgroundJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "QUEUED",
      lastError: "unexpected",
    });
    clock.advance(60 * 60_000);
    await runAll(runner);
    clock.advance(60 * 60_000);
    await runAll(runner);
    expect(runs).toBe(2);
    const job = await clients[0]!.backgroundJob.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ status: "FAILED", attempts: 2, lastError: "unexpected" });
    expect(JSON.stringify(job)).not.toContain("ada@example.com");
  });

  it("a key makes enqueueing idempotent, inside transactions and between connections", async () => {
    const first = await clients[0]!.$transaction(async (tx) => {
      const created = await enqueue(tx, { kind: "daily", key: "2026-12-07", payload: { n: 1 } });
      const again = await enqueue(tx, { kind: "daily", key: "2026-12-07", payload: { n: 2 } });
      expect(again).toEqual({ id: created.id, created: false });
      // The transaction is still usable after the duplicate (on PostgreSQL a failed insert would abort it).
      await enqueue(tx, { kind: "daily", key: "2026-12-08", payload: { n: 3 } });
      return created;
    });
    expect(first.created).toBe(true);
    const racing = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        clients[index % 3]!.$transaction((tx) => enqueue(tx, { kind: "daily", key: "2026-12-09" })),
      ),
    );
    expect(racing.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(racing.map((result) => result.id)).size).toBe(1);
    // Written with what caused it, or not at all.
    await expect(
      clients[0]!.$transaction(async (tx) => {
        await enqueue(tx, { kind: "daily", key: "2026-12-10" });
        throw new Error("the cause was rolled back");
      }),
    ).rejects.toThrow("rolled back");
    // A finished job still holds its key: the same day's job never runs twice.
    await clients[0]!.backgroundJob.updateMany({
      where: { kind: "daily", key: "2026-12-07" },
      data: { status: "DONE" },
    });
    expect((await enqueue(clients[1]!, { kind: "daily", key: "2026-12-07" })).created).toBe(false);
    // Jobs without a key are never merged.
    await enqueue(clients[0]!, { kind: "daily" });
    await enqueue(clients[0]!, { kind: "daily" });
    const jobs = await jobsOf("daily");
    expect(jobs.map((job) => job.key).sort()).toEqual(["2026-12-07", "2026-12-08", "2026-12-09", null, null]);
    expect(JSON.parse(jobs.find((job) => job.key === "2026-12-07")!.payload)).toEqual({ n: 1 });
  });

  it("stop() waits for a job that finishes in time and releases the lease of one that does not", async () => {
    const clock = manualClock();
    const order: string[] = [];
    let slowRuns = 0;
    let afterRelease: Promise<unknown> | null = null;
    const running = new Set<string>();
    const quick = testKind("stop-quick", async () => {
      running.add("quick");
      await new Promise((resolve) => setTimeout(resolve, 300));
      order.push("quick finished");
    });
    const slow = testKind("stop-slow", async (_payload, context) => {
      slowRuns++;
      if (slowRuns > 1) return; // the next process finishes it
      running.add("slow");
      await new Promise((resolve) => context.signal.addEventListener("abort", resolve));
      order.push("slow aborted");
      // A write after the release is refused: the lease token is gone.
      afterRelease = context.renewLease().catch((error: unknown) => error);
      await afterRelease;
    });
    const runner = runnerWith([quick, slow], { clock });
    const { id: quickId } = await enqueue(clients[0]!, { kind: "stop-quick", payload: { n: 1 } });
    const { id: slowId } = await enqueue(clients[0]!, { kind: "stop-slow", payload: { n: 2 } });
    runner.kick();
    await vi.waitFor(() => expect(running.size).toBe(2), { timeout: 10_000, interval: 20 });

    await runner.stop(1_500);
    order.push("stopped");
    expect(order).toEqual(["quick finished", "slow aborted", "stopped"]);
    expect(await clients[0]!.backgroundJob.findUniqueOrThrow({ where: { id: quickId } })).toMatchObject({
      status: "DONE",
    });
    // Queued again at once, this attempt not counted.
    const released = await clients[0]!.backgroundJob.findUniqueOrThrow({ where: { id: slowId } });
    expect(released).toMatchObject({ status: "QUEUED", attempts: 0, leaseToken: null, leaseUntil: null });
    expect(await afterRelease).toBeInstanceOf(errors.LeaseLostError);
    // A stopped runner claims nothing more.
    runner.kick();
    await runner.whenIdle();
    expect(slowRuns).toBe(1);

    // Another instance takes it over at once, without waiting for a lease to run out.
    const other = runnerWith([quick, slow], { client: clients[1], clock });
    await runAll(other);
    expect(slowRuns).toBe(2);
    expect(await clients[0]!.backgroundJob.findUniqueOrThrow({ where: { id: slowId } })).toMatchObject({
      status: "DONE",
      attempts: 1,
    });
  });

  it("a recurring job is enqueued once per period, however many processes schedule it", async () => {
    const clock = manualClock();
    const DAY = 24 * 60 * 60_000;
    const periods: string[] = [];
    const kind = registryModule.defineJobKind({
      kind: "retention.test",
      payload: z.object({ periodStart: z.string() }),
      run: async ({ periodStart }) => {
        periods.push(periodStart);
      },
    });
    const runners = [0, 1].map((index) => {
      const runner = runnerModule.createBackgroundRunner({
        client: clients[index]!,
        registry: registryModule.createJobRegistry([kind]),
        clock,
      });
      started.push(runner);
      return runner;
    });
    for (const runner of runners) runner.scheduleRecurring("retention.test", DAY);
    await runAll(...runners);
    await runAll(...runners);
    const today = new Date(Math.floor(clock.now().getTime() / DAY) * DAY).toISOString();
    expect(periods).toEqual([today]);

    clock.advance(DAY);
    await runAll(...runners);
    await runAll(...runners);
    const tomorrow = new Date(Math.floor(clock.now().getTime() / DAY) * DAY).toISOString();
    expect(periods).toEqual([today, tomorrow]);
    expect((await jobsOf("retention.test")).map((job) => [job.key, job.status])).toEqual([
      [today, "DONE"],
      [tomorrow, "DONE"],
    ]);
  });
});
