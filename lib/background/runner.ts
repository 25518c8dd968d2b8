import "server-only";

import { randomUUID } from "node:crypto";

import type { PrismaClient } from "@/generated/prisma/client";
import { logger } from "@/lib/logger";

import { systemClock, type Clock } from "./clock";
import { enqueueJob } from "./enqueue";
import { failureCode, LeaseLostError, PermanentJobError } from "./errors";
import { backoffDelayMs, type JobClient, type JobKind, type JobRegistry } from "./registry";

// The one background runner: every process runs one, and all of them share the BackgroundJob
// table. A job is claimed by a compare-and-set on what was read (status, lease token, attempts):
// of several processes exactly one wins it. The winner holds a lease it renews while working; a
// process that dies stops renewing, the lease runs out, and another process claims the job again.
// Every write a worker makes about its job names its lease token, so a worker that lost its job
// cannot finish, fail or retry it over the new owner.

export type BackgroundRunnerOptions = {
  client: PrismaClient;
  registry: JobRegistry;
  clock?: Clock;
  /** How often to look for due jobs without a kick (a job queued by another process, a retry). */
  pollMs?: number;
  /** Jobs this process runs at once. */
  slots?: number;
  random?: () => number;
};

export type BackgroundRunner = ReturnType<typeof createBackgroundRunner>;

type Claimed = { id: string; kind: string; payload: string; attempts: number; leaseToken: string };
type Running = { job: Claimed; controller: AbortController; done: Promise<void>; released: boolean };
type Recurring = { kind: string; everyMs: number; lastPeriod: number | null };

const CLAIM_BATCH = 5;

function readPayload(kind: JobKind, text: string) {
  try {
    return kind.payload.safeParse(JSON.parse(text) as unknown);
  } catch {
    return { success: false as const };
  }
}

export function createBackgroundRunner(options: BackgroundRunnerOptions) {
  const { client, registry } = options;
  const clock = options.clock ?? systemClock;
  const pollMs = options.pollMs ?? 5_000;
  const slots = options.slots ?? 2;
  const random = options.random ?? Math.random;
  const running = new Map<string, Running>();
  const recurring: Recurring[] = [];
  let timer: NodeJS.Timeout | null = null;
  let draining: Promise<void> | null = null;
  let again = false;
  let stopping = false;

  const later = (ms: number) => new Date(clock.now().getTime() + ms);

  /** Kinds this process may claim now: known here, and below their per-process limit. */
  function claimableKinds() {
    const busy = new Map<string, number>();
    for (const { job } of running.values()) busy.set(job.kind, (busy.get(job.kind) ?? 0) + 1);
    return [...registry.values()]
      .filter((kind) => (busy.get(kind.kind) ?? 0) < (kind.perProcess ?? slots))
      .map((kind) => kind.kind);
  }

  async function claimNext(): Promise<Claimed | null> {
    const kinds = claimableKinds();
    if (kinds.length === 0) return null;
    const now = clock.now();
    const due = await client.backgroundJob.findMany({
      where: {
        kind: { in: kinds },
        OR: [
          { status: "QUEUED", runAfter: { lte: now } },
          { status: "RUNNING", leaseUntil: { lt: now } },
        ],
      },
      orderBy: [{ runAfter: "asc" }, { id: "asc" }],
      take: CLAIM_BATCH,
      select: {
        id: true,
        kind: true,
        payload: true,
        status: true,
        attempts: true,
        maxAttempts: true,
        leaseToken: true,
      },
    });
    for (const candidate of due) {
      const kind = registry.get(candidate.kind)!;
      const maxAttempts = candidate.maxAttempts ?? kind.retry.maxAttempts;
      const seen = {
        id: candidate.id,
        status: candidate.status,
        leaseToken: candidate.leaseToken,
        attempts: candidate.attempts,
      };
      // A job whose runs keep dying with their process (out of memory, say) is not tried forever.
      if (candidate.status === "RUNNING" && candidate.attempts >= maxAttempts) {
        await markFailed(kind, seen, candidate.payload, "lease_expired");
        continue;
      }
      const leaseToken = randomUUID();
      const { count } = await client.backgroundJob.updateMany({
        where: seen,
        data: { status: "RUNNING", leaseToken, leaseUntil: later(kind.leaseMs), attempts: { increment: 1 } },
      });
      if (count === 1)
        return {
          id: candidate.id,
          kind: candidate.kind,
          payload: candidate.payload,
          attempts: candidate.attempts + 1,
          leaseToken,
        };
    }
    return null;
  }

  async function markFailed(
    kind: JobKind,
    where: { id: string; leaseToken: string | null; status?: string; attempts?: number },
    payload: string,
    code: string,
  ) {
    await client.$transaction(async (tx) => {
      const { count } = await tx.backgroundJob.updateMany({
        where,
        data: { status: "FAILED", lastError: code, leaseToken: null, leaseUntil: null, finishedAt: clock.now() },
      });
      if (count !== 1 || !kind.onFailed) return;
      const parsed = readPayload(kind, payload);
      if (parsed.success) await kind.onFailed(tx, parsed.data, { code });
    });
    logger.warn({ jobId: where.id, kind: kind.kind, code }, "Background job failed");
  }

  async function runJob(entry: Running) {
    const { job, controller } = entry;
    const kind = registry.get(job.kind)!;
    const mine = { id: job.id, leaseToken: job.leaseToken };
    const renewLease = async (tx?: JobClient) => {
      const { count } = await (tx ?? client).backgroundJob.updateMany({
        where: mine,
        data: { leaseUntil: later(kind.leaseMs) },
      });
      if (count !== 1) throw new LeaseLostError();
    };
    // Renewed on a timer too, so a handler that never calls renewLease keeps its job while it works.
    const heartbeat = setInterval(() => {
      renewLease().catch((error: unknown) => {
        if (error instanceof LeaseLostError) controller.abort(error);
        else logger.warn({ err: error, jobId: job.id }, "Could not renew a background job's lease");
      });
    }, kind.leaseMs / 3);
    heartbeat.unref();
    try {
      const payload = readPayload(kind, job.payload);
      if (!payload.success) throw new PermanentJobError("invalid_payload");
      await kind.run(payload.data, {
        jobId: job.id,
        attempt: job.attempts,
        signal: controller.signal,
        now: () => clock.now(),
        renewLease,
      });
      const { count } = await client.backgroundJob.updateMany({
        where: mine,
        data: { status: "DONE", lastError: null, leaseToken: null, leaseUntil: null, finishedAt: clock.now() },
      });
      if (count !== 1)
        logger.info({ jobId: job.id, kind: job.kind }, "Background job finished after its lease was lost");
    } catch (error) {
      // Taken over by another process, or released at shutdown: the job is no longer ours to mark.
      if (entry.released || error instanceof LeaseLostError) return;
      const code = failureCode(error);
      const current = await client.backgroundJob.findFirst({ where: mine, select: { maxAttempts: true } });
      if (!current) return;
      const maxAttempts = current.maxAttempts ?? kind.retry.maxAttempts;
      if (error instanceof PermanentJobError || job.attempts >= maxAttempts) {
        if (!(error instanceof PermanentJobError))
          logger.error({ err: error, jobId: job.id, kind: job.kind }, "Background job run failed");
        await markFailed(kind, mine, job.payload, code);
        return;
      }
      const runAfter = later(backoffDelayMs(kind.retry, job.attempts, random));
      logger.warn(
        { err: error, jobId: job.id, kind: job.kind, attempt: job.attempts, runAfter },
        "Background job will be retried",
      );
      await client.backgroundJob.updateMany({
        where: mine,
        data: { status: "QUEUED", lastError: code, leaseToken: null, leaseUntil: null, runAfter },
      });
    } finally {
      clearInterval(heartbeat);
    }
  }

  function start(job: Claimed) {
    const entry = { job, controller: new AbortController(), released: false } as Running;
    entry.done = runJob(entry)
      .catch((error: unknown) => logger.error({ err: error, jobId: job.id }, "Background job bookkeeping failed"))
      .finally(() => {
        running.delete(job.id);
        kick(); // a slot is free
      });
    running.set(job.id, entry);
  }

  async function enqueueRecurring() {
    const now = clock.now().getTime();
    for (const schedule of recurring) {
      const period = Math.floor(now / schedule.everyMs);
      if (period === schedule.lastPeriod) continue;
      const periodStart = new Date(period * schedule.everyMs);
      await enqueueJob(client, {
        kind: schedule.kind,
        key: periodStart.toISOString(),
        payload: { periodStart: periodStart.toISOString() },
        runAfter: periodStart,
      });
      schedule.lastPeriod = period;
    }
  }

  async function drain() {
    do {
      again = false;
      await enqueueRecurring();
      while (!stopping && running.size < slots) {
        const claimed = await claimNext();
        if (!claimed) break;
        start(claimed);
      }
    } while (again && !stopping);
  }

  /** Looks for due jobs now (after an enqueue); returns at once, the work goes on in the background. */
  function kick() {
    if (stopping) return;
    if (draining) {
      again = true;
      return;
    }
    draining = drain()
      .catch((error: unknown) => logger.error({ err: error }, "Background runner could not claim jobs"))
      .finally(() => {
        draining = null;
      });
  }

  return {
    kick,

    /** Polls every pollMs. The timer does not keep the process alive (a test, a script). */
    start() {
      if (timer || stopping) return;
      timer = setInterval(kick, pollMs);
      timer.unref();
      kick();
    },

    /**
     * Enqueues one job of `kind` per period of `everyMs` (counted from the epoch, so a daily job's
     * period is a UTC day), keyed by the period's start: any number of processes scheduling the
     * same kind make one job per period. The job's payload says which period it is for.
     */
    scheduleRecurring(kind: string, everyMs: number) {
      if (!registry.has(kind)) throw new Error(`Unknown background job kind "${kind}"`);
      recurring.push({ kind, everyMs, lastPeriod: null });
      kick();
    },

    /** Resolves when nothing is being claimed or run (tests, and a script that queued work). */
    async whenIdle() {
      while (draining || running.size > 0) {
        await Promise.all([draining, ...[...running.values()].map((entry) => entry.done)]);
      }
    },

    /**
     * Stops claiming, gives the jobs in flight up to timeoutMs to finish, then aborts the rest and
     * releases their leases (queued again, this attempt not counted), so another process takes
     * them over at once instead of after the lease runs out. Their handlers' later writes fail
     * (the lease token is gone).
     */
    async stop(timeoutMs: number) {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      await draining;
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([...running.values()].map((entry) => entry.done)),
        new Promise((resolve) => (timeout = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timeout);
      await Promise.all(
        [...running.values()].map(async (entry) => {
          entry.released = true;
          // Released first, then aborted: whatever the handler writes once it hears of the abort
          // already finds its lease gone.
          const { count } = await client.backgroundJob.updateMany({
            where: { id: entry.job.id, leaseToken: entry.job.leaseToken },
            data: {
              status: "QUEUED",
              leaseToken: null,
              leaseUntil: null,
              runAfter: clock.now(),
              attempts: { decrement: 1 },
            },
          });
          entry.controller.abort(new LeaseLostError());
          if (count === 1)
            logger.info({ jobId: entry.job.id, kind: entry.job.kind }, "Background job released at shutdown");
        }),
      );
    },
  };
}
