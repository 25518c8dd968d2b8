import "server-only";

import { db } from "@/lib/db";

import { APP_JOB_KINDS } from "./kinds";
import { createBackgroundRunner, type BackgroundRunner } from "./runner";

// This process's runner: one per server process, kept across hot reloads in development.
// instrumentation-node.ts starts its polling; anything that queues work kicks it.
const globalForRunner = globalThis as unknown as { backgroundRunner?: BackgroundRunner };

function processRunner() {
  return (globalForRunner.backgroundRunner ??= createBackgroundRunner({ client: db, registry: APP_JOB_KINDS }));
}

/** Starts polling for due jobs (once per server process, from instrumentation-node.ts). */
export function startBackgroundRunner() {
  processRunner().start();
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
