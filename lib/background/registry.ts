import type { z } from "zod";

import type { Prisma } from "@/generated/prisma/client";

// A kind of background job: what runs it, how its payload is read, and how it is retried. The
// app's kinds are listed in lib/background/kinds.ts; a process claims only jobs of kinds it knows.

export type JobClient = Pick<Prisma.TransactionClient, "backgroundJob">;

export type JobContext = {
  jobId: string;
  /** 1 on the first run, counting every claim (a run whose process died counts too). */
  attempt: number;
  /** Aborted when the process shuts down or the lease is lost: stop soon, the job runs again. */
  signal: AbortSignal;
  /** The runner's time (lib/background/clock.ts). */
  now(): Date;
  /**
   * Extends the lease, or throws LeaseLostError when the job is no longer this process's. Given a
   * transaction, the renewal commits with the handler's writes, so they commit only while the
   * job is still this process's (an import's batch).
   */
  renewLease(tx?: JobClient): Promise<void>;
};

export type RetryPolicy = {
  maxAttempts: number;
  /** The wait after the first failure; doubled after each further one, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 60 * 60_000 };

export type JobKind<Payload = unknown> = {
  kind: string;
  payload: z.ZodType<Payload>;
  run(payload: Payload, context: JobContext): Promise<void>;
  retry: RetryPolicy;
  /** How long a claim holds without renewal; the runner also renews it every third of this. */
  leaseMs: number;
  /** Jobs of this kind one process runs at once (an import holds much memory: one). */
  perProcess?: number;
  /** In the transaction that marks the job FAILED (no more attempts, or a permanent failure). */
  onFailed?(tx: Prisma.TransactionClient, payload: Payload, failure: { code: string }): Promise<void>;
  /** In the transaction of an admin's "Retry now", before the job is queued again. */
  onRetry?(tx: Prisma.TransactionClient, payload: Payload): Promise<void>;
};

const DEFAULT_LEASE_MS = 60_000;

export function defineJobKind<Payload>(
  definition: Omit<JobKind<Payload>, "retry" | "leaseMs"> & { retry?: Partial<RetryPolicy>; leaseMs?: number },
): JobKind<Payload> {
  return {
    ...definition,
    retry: { ...DEFAULT_RETRY, ...definition.retry },
    leaseMs: definition.leaseMs ?? DEFAULT_LEASE_MS,
  };
}

/**
 * The wait before attempt `failedAttempts + 1`: exponential, with "equal jitter" (half fixed,
 * half random), so jobs that failed together (a mail server down) do not all come back at once.
 */
export function backoffDelayMs(policy: RetryPolicy, failedAttempts: number, random: () => number = Math.random) {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

export type JobRegistry = ReadonlyMap<string, JobKind>;

export function createJobRegistry(kinds: ReadonlyArray<JobKind<unknown>>): JobRegistry {
  const registry = new Map<string, JobKind>();
  for (const kind of kinds) {
    if (registry.has(kind.kind)) throw new Error(`Background job kind "${kind.kind}" is defined twice`);
    registry.set(kind.kind, kind);
  }
  return registry;
}
