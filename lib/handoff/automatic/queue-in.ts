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
