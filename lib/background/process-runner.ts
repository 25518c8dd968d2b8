import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { RETENTION_EVERY_MS, RETENTION_JOB } from "@/lib/privacy/retention-job";

import { systemClock, type Clock } from "./clock";
import { APP_JOB_KINDS } from "./kinds";
import { createBackgroundRunner, type BackgroundRunner } from "./runner";

// This process's runner: one per server process, kept across hot reloads in development.
// instrumentation-node.ts starts its polling; anything that queues work kicks it.
const globalForRunner = globalThis as unknown as { backgroundRunner?: BackgroundRunner; retentionScheduled?: boolean };

// Ahead of the system's only in a test's own server (HANDOFF_TEST_CLOCK_OFFSET_DAYS, refused by
// the configuration check anywhere else): there is no other way to move it, and no request can.
function runnerClock(): Clock {
  const offsetMs = (env.HANDOFF_TEST_CLOCK_OFFSET_DAYS ?? 0) * RETENTION_EVERY_MS;
  return offsetMs === 0 ? systemClock : { now: () => new Date(Date.now() + offsetMs) };
}

function processRunner() {
  return (globalForRunner.backgroundRunner ??= createBackgroundRunner({
    client: db,
    registry: APP_JOB_KINDS,
    clock: runnerClock(),
  }));
}

/** Starts polling for due jobs (once per server process, from instrumentation-node.ts), and the daily retention run. */
export function startBackgroundRunner() {
  processRunner().start();
  if (globalForRunner.retentionScheduled) return;
  globalForRunner.retentionScheduled = true;
  processRunner().scheduleRecurring(RETENTION_JOB, RETENTION_EVERY_MS);
}

/** Looks for due jobs at once, after a transaction that queued one has committed. */
export function kickBackgroundRunner() {
  processRunner().kick();
}

/**
 * For the server's shutdown (SIGTERM): stops claiming, lets jobs in flight finish within
 * timeoutMs, releases the leases of the rest so another instance takes them over at once.
 */
export async function stopBackgroundRunner(timeoutMs: number) {
  await globalForRunner.backgroundRunner?.stop(timeoutMs);
}

/** One job of `kind` per period of everyMs, however many processes schedule it (runner.ts). */
export function scheduleRecurringJob(kind: string, everyMs: number) {
  processRunner().scheduleRecurring(kind, everyMs);
}
