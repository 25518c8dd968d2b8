import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";

import { APP_JOB_KINDS } from "./kinds";
import { kickBackgroundRunner } from "./process-runner";

// The admin page's view of the background jobs: what waits, runs and failed. Never the payload:
// it holds ids only, but the page has no use for them and stays clear of what they point to.

const LIST_LIMIT = 100;
const LISTED = ["QUEUED", "RUNNING", "FAILED"] as const;

export type BackgroundJobRow = {
  id: string;
  kind: string;
  status: (typeof LISTED)[number];
  attempts: number;
  maxAttempts: number;
  runAfter: string;
  /** Waiting for a free runner, not for its time. */
  isDue: boolean;
  leaseUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
};

export async function listBackgroundJobs(): Promise<Record<"waiting" | "running" | "failed", BackgroundJobRow[]>> {
  const now = new Date();
  const lists = await Promise.all(
    LISTED.map((status) =>
      db.backgroundJob.findMany({
        where: { status },
        // Waiting: the next one first; running and failed: the latest first.
        orderBy: status === "QUEUED" ? [{ runAfter: "asc" }, { id: "asc" }] : [{ updatedAt: "desc" }, { id: "desc" }],
        take: LIST_LIMIT,
        select: {
          id: true,
          kind: true,
          status: true,
          attempts: true,
          maxAttempts: true,
          runAfter: true,
          leaseUntil: true,
          lastError: true,
          createdAt: true,
          updatedAt: true,
          finishedAt: true,
        },
      }),
    ),
  );
  const [waiting, running, failed] = lists.map((jobs) =>
    jobs.map((job): BackgroundJobRow => ({
      ...job,
      status: job.status as BackgroundJobRow["status"],
      maxAttempts: job.maxAttempts ?? APP_JOB_KINDS.get(job.kind)?.retry.maxAttempts ?? job.attempts,
      runAfter: job.runAfter.toISOString(),
      isDue: job.runAfter <= now,
      leaseUntil: job.leaseUntil?.toISOString() ?? null,
      createdAt: job.createdAt.toISOString(),
      updatedAt: job.updatedAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
    })),
  );
  return { waiting: waiting!, running: running!, failed: failed! };
}

/**
 * "Retry now" for a failed job: queued again at once with a fresh count of attempts (the kind
 * may prepare what it works on, e.g. an import goes on after its last batch), audited, and
 * this process's runner kicked. A job that is no longer FAILED is left alone.
 */
export async function retryBackgroundJob({ actorId, jobId }: { actorId: string; jobId: string }) {
  await db.$transaction(async (tx) => {
    const job = await tx.backgroundJob.findUnique({ where: { id: jobId }, select: { kind: true, payload: true } });
    const { count } = await tx.backgroundJob.updateMany({
      where: { id: jobId, status: "FAILED" },
      data: { status: "QUEUED", attempts: 0, runAfter: new Date(), finishedAt: null },
    });
    if (!job || count !== 1) throw new ConflictError("job_not_failed");
    const kind = APP_JOB_KINDS.get(job.kind);
    const payload = kind?.payload.safeParse(JSON.parse(job.payload) as unknown);
    if (kind?.onRetry && payload?.success) await kind.onRetry(tx, payload.data);
    await writeAuditLog(tx, {
      actorId,
      action: "background-job.retry",
      targetType: "background-job",
      targetId: jobId,
      outcome: "success",
      details: { jobKind: job.kind },
    });
  });
  kickBackgroundRunner();
}

/** Jobs waiting (queued, due or not) and failed, for the metrics endpoint's gauge. */
export async function countBackgroundJobs(): Promise<{ waiting: number; failed: number }> {
  const [waiting, failed] = await Promise.all([
    db.backgroundJob.count({ where: { status: "QUEUED" } }),
    db.backgroundJob.count({ where: { status: "FAILED" } }),
  ]);
  return { waiting, failed };
}
