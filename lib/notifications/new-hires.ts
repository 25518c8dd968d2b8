import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { enqueueJob } from "@/lib/background/enqueue";
import type { HireSummary } from "@/lib/email/templates";
import { queueAutomaticSendsIn } from "@/lib/handoff/automatic/queue-in";
import { getSendableStages } from "@/lib/handoff/send-settings";
import { DONE_STATUSES, IN_PERSONIO_STATUSES } from "@/lib/handoff/status";

// New hires waiting to be sent. Whatever writes a candidate (API, webhook, import, a stage move)
// goes through lib/candidates/write.ts, which calls noteNewHiresIn in its transaction when a
// candidate enters a sendable stage while not in Personio: a NewHireNotice row, and a flush job
// for the minute. The flush (new-hires-job.ts) tells the "at once" recipients of all notices of
// that minute in one email each; the daily digest (digest-job.ts) reads the same rows.

type Tx = Prisma.TransactionClient;

/** The "at once" emails go out at most once a minute: an import of thousands makes a few emails, not thousands. */
export const FLUSH_EVERY_MS = 60_000;
/** An email lists this many new hires by name, and counts the rest. */
export const LISTED_HIRES = 20;
export const NEW_HIRES_JOB = "notifications.new-hires";

/** A candidate's stage before (null: created now) and after a write. */
export type StageChange = { candidateId: string; from: string | null; to: string };

/** Notes the candidates that just became sendable, and queues the flush of this minute. */
export async function noteNewHiresIn(tx: Tx, changes: StageChange[]): Promise<void> {
  const moved = changes.filter((change) => change.from !== change.to);
  if (moved.length === 0) return;
  const sendable: readonly string[] = await getSendableStages(tx);
  let became = moved.filter(
    (change) => sendable.includes(change.to) && !(change.from !== null && sendable.includes(change.from)),
  );
  // A candidate moved back into a sendable stage after its send is no new hire waiting.
  const existing = became.filter((change) => change.from !== null).map((change) => change.candidateId);
  if (existing.length > 0) {
    const inPersonio = await tx.handoff.findMany({
      where: { candidateId: { in: existing }, status: { in: [...IN_PERSONIO_STATUSES] } },
      select: { candidateId: true },
    });
    const sent = new Set(inPersonio.map((handoff) => handoff.candidateId));
    became = became.filter((change) => !sent.has(change.candidateId));
  }
  if (became.length === 0) return;
  // A source whose rule sends these without review (off by default): queued with the notices.
  await queueAutomaticSendsIn(tx, became);
  await tx.newHireNotice.createMany({ data: became.map(({ candidateId }) => ({ candidateId })) });
  const flushAt = new Date(Math.ceil((Date.now() + 1) / FLUSH_EVERY_MS) * FLUSH_EVERY_MS);
  const flush = await enqueueJob(tx, { kind: NEW_HIRES_JOB, key: flushAt.toISOString(), runAfter: flushAt });
  if (flush.created) return;
  // This minute's flush ran already (another instance's clock is ahead): one more, so these
  // notices do not wait for the next new hire.
  const flushJob = await tx.backgroundJob.findUnique({ where: { id: flush.id }, select: { status: true } });
  if (flushJob && flushJob.status !== "QUEUED" && flushJob.status !== "RUNNING")
    await enqueueJob(tx, { kind: NEW_HIRES_JOB, runAfter: flushAt });
}

/** Notices whose candidate still waits: in a sendable stage, not sent or linked meanwhile. */
export async function stillWaiting(tx: Tx): Promise<Prisma.NewHireNoticeWhereInput> {
  return {
    candidate: {
      stage: { in: await getSendableStages(tx) },
      NOT: { handoff: { is: { status: { in: [...DONE_STATUSES] } } } },
    },
  };
}

/** The first LISTED_HIRES of the notices, one per candidate, and how many more there are. */
export async function summariseHires(
  tx: Tx,
  where: Prisma.NewHireNoticeWhereInput,
): Promise<{ hires: HireSummary[]; more: number }> {
  const [notices, total] = await Promise.all([
    tx.newHireNotice.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      distinct: ["candidateId"],
      take: LISTED_HIRES,
      select: {
        candidate: {
          select: { id: true, firstName: true, lastName: true, startDate: true, job: { select: { title: true } } },
        },
      },
    }),
    tx.newHireNotice.groupBy({ by: ["candidateId"], where }).then((groups) => groups.length),
  ]);
  const hires = notices.map(({ candidate }) => ({
    candidateId: candidate.id,
    name: `${candidate.firstName} ${candidate.lastName}`,
    position: candidate.job.title,
    startDate: candidate.startDate,
  }));
  return { hires, more: Math.max(0, total - hires.length) };
}
