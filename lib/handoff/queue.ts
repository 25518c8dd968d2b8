import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { getSendableStages } from "@/lib/handoff/send-settings";
import { DONE_STATUSES } from "@/lib/handoff/status";

export const QUEUE_PAGE_SIZE = 50;
/** At most this many candidates go through one Review & send. */
export const REVIEW_BATCH_MAX = 25;

// The "To send" queue: in a stage that may be sent (Hired unless an admin chose others,
// lib/handoff/send-settings.ts), not yet in Personio (never sent, or a send that failed or is
// waiting to be linked). A send in flight stays in the queue: it may still fail.
async function queueWhere(): Promise<Prisma.CandidateWhereInput> {
  return {
    stage: { in: await getSendableStages() },
    // "No handoff, or one not done", written as NOT done: one join instead of two.
    NOT: { handoff: { is: { status: { in: [...DONE_STATUSES] } } } },
  };
}

/** The nav's count says how many wait up to this number, and "99+" beyond it. */
export const NAV_COUNT_MAX = 99;

/**
 * How many wait in the queue, counted up to `upTo`. The nav asks for one more than it shows:
 * counting a long queue to its end is a pass over every candidate in a sendable stage (the
 * largest query on every page at 100k candidates), and the nav would only say "99+" anyway.
 */
export async function countToSend(upTo: number): Promise<number> {
  // The same rule as queueWhere() in SQL (queue.db.test.ts holds the two to the same answers):
  // Prisma orders a count({ take }) or findMany({ take }) by id, so the database would sort the
  // whole queue before stopping; unordered, it stops at the `upTo`th candidate it finds.
  const [row] = await db.$queryRaw<Array<{ waiting: number | bigint }>>`
    SELECT COUNT(*) AS "waiting" FROM (
      SELECT 1 FROM "Candidate" c
      WHERE c."stage" IN (${Prisma.join(await getSendableStages())})
        AND NOT EXISTS (SELECT 1 FROM "Handoff" h WHERE h."candidateId" = c."id" AND h."status" IN (${Prisma.join([...DONE_STATUSES])}))
      LIMIT ${upTo}
    ) AS "queue"`;
  return Number(row?.waiting ?? 0);
}

/** One page of the queue, newest first. */
export async function listToSend(page: number) {
  const where = await queueWhere();
  const total = await db.candidate.count({ where });
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const current = Math.min(page, pages);
  const rows = await db.candidate.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      createdAt: true,
      startDate: true,
      department: true,
      office: true,
      externalSource: true,
      job: { select: { title: true, department: true, office: true } },
      handoff: { select: { status: true, lastErrorCode: true } },
    },
  });
  return { total, page: current, pages, rows };
}

/**
 * The chosen candidates that are still in the queue, in queue order (newest first), with what
 * the review form starts from. The others drop out: the page tells the ones this person sent
 * themselves (coming back to a Review & send after it) from the ones that left the queue
 * otherwise (sent by someone else meanwhile, moved to another stage).
 */
export async function getReviewBatch({ candidateIds, userId }: { candidateIds: string[]; userId: string }) {
  const ids = [...new Set(candidateIds)].slice(0, REVIEW_BATCH_MAX);
  const [rows, sentByYou] = await Promise.all([
    db.candidate.findMany({
      where: { AND: [{ id: { in: ids } }, await queueWhere()] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, firstName: true, lastName: true, email: true },
    }),
    db.handoff.count({
      where: { candidateId: { in: ids }, sentById: userId, status: { in: [...DONE_STATUSES] } },
    }),
  ]);
  // A done handoff is never in the queue, so the ones sent by this person are among those left out.
  return {
    candidates: rows.map((row) => ({
      id: row.id,
      defaults: { firstName: row.firstName, lastName: row.lastName, email: row.email },
    })),
    sentByYou,
    leftOutOtherwise: ids.length - rows.length - sentByYou,
  };
}

export type ReviewBatch = Awaited<ReturnType<typeof getReviewBatch>>;
