import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { enqueueJob } from "@/lib/background/enqueue";

export const AUTOMATIC_SEND_JOB = "handoff.automatic-send";

/**
 * In the transaction that moved candidates into a sendable stage (lib/notifications/new-hires.ts,
 * which every candidate write calls): a job per candidate whose source has a switched-on rule for
 * that stage. The job decides again when it runs; the send's claim makes any number of jobs for
 * one candidate one send.
 */
export async function queueAutomaticSendsIn(
  tx: Prisma.TransactionClient,
  arrivals: ReadonlyArray<{ candidateId: string; to: string }>,
): Promise<void> {
  if (arrivals.length === 0) return;
  const rules = await tx.automaticSendRule.findMany({
    where: { enabled: true, stage: { in: [...new Set(arrivals.map((arrival) => arrival.to))] } },
    select: { id: true, source: true, stage: true },
  });
  if (rules.length === 0) return;
  const candidates = await tx.candidate.findMany({
    where: { id: { in: arrivals.map((arrival) => arrival.candidateId) }, externalSource: { not: null } },
    select: { id: true, externalSource: true, stage: true },
  });
  for (const candidate of candidates) {
    const rule = rules.find((entry) => entry.source === candidate.externalSource && entry.stage === candidate.stage);
    if (rule)
      await enqueueJob(tx, { kind: AUTOMATIC_SEND_JOB, payload: { candidateId: candidate.id, ruleId: rule.id } });
  }
}

// A mapping saved for many waiting hires is looked at for this many at most; the rest wait for a review.
const REQUEUE_MAX = 200;

/**
 * After a value mapping is saved: the hires that wait, from sources whose rule is on for their
 * stage (never sent, so no failure a person must look at), are evaluated again. The job sends
 * those the mapping cleared and leaves the others waiting.
 */
export async function requeueWaitingAutomaticSendsIn(tx: Prisma.TransactionClient, source: string): Promise<number> {
  const rules = await tx.automaticSendRule.findMany({
    where: { enabled: true, ...(source === "*" ? {} : { source }) },
    select: { id: true, source: true, stage: true },
  });
  let queued = 0;
  for (const rule of rules) {
    if (queued >= REQUEUE_MAX) break;
    const waiting = await tx.candidate.findMany({
      where: { externalSource: rule.source, stage: rule.stage, handoff: { is: null } },
      select: { id: true },
      orderBy: { createdAt: "asc" },
      take: REQUEUE_MAX - queued,
    });
    for (const candidate of waiting) {
      await enqueueJob(tx, { kind: AUTOMATIC_SEND_JOB, payload: { candidateId: candidate.id, ruleId: rule.id } });
    }
    queued += waiting.length;
  }
  return queued;
}
