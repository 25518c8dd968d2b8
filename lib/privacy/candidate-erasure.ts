import "server-only";

import { randomUUID } from "node:crypto";

import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { DONE_STATUSES } from "@/lib/handoff/status";

// Deleting and erasing candidates, for the retention rules and for an erasure request alike.
// Never a candidate whose send is in flight (a claimed handoff, SENDING): Personio may be creating
// the employee this moment, and the send's own writes must find their candidate.

type Tx = Prisma.TransactionClient;
export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKindOf(client: PrismaClient): DatabaseKind {
  return (client as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

export type LockedCandidate = {
  id: string;
  updatedAt: Date;
  erasedAt: Date | null;
  handoff: { status: string; sentAt: Date | null } | null;
};

/**
 * Locks the candidates for the rest of the transaction and reads their handoffs as they are now.
 * On PostgreSQL, FOR UPDATE on the candidate rows makes a claim's insert of a new handoff (its
 * foreign key check) wait for this transaction, and taking over the claim token of a FAILED
 * handoff makes a retry's compare-and-set fail; a claim that won before is SENDING in the read
 * that follows. On SQLite the transaction holds the write lock from its start (BEGIN IMMEDIATE).
 */
export async function lockCandidates(tx: Tx, kind: DatabaseKind, ids: string[]): Promise<LockedCandidate[]> {
  if (ids.length === 0) return [];
  if (kind === "postgresql")
    await tx.$queryRaw`SELECT "id" FROM "Candidate" WHERE "id" IN (${Prisma.join(ids)}) FOR UPDATE`;
  await tx.handoff.updateMany({
    where: { candidateId: { in: ids }, status: "FAILED" },
    data: { claimToken: `privacy-${randomUUID()}` },
  });
  return tx.candidate.findMany({
    where: { id: { in: ids } },
    select: { id: true, updatedAt: true, erasedAt: true, handoff: { select: { status: true, sentAt: true } } },
  });
}

export function isInFlight(candidate: LockedCandidate) {
  return candidate.handoff?.status === "SENDING";
}

export function isSentOrLinked(candidate: LockedCandidate) {
  return (DONE_STATUSES as readonly string[]).includes(candidate.handoff?.status ?? "");
}

const SEARCH_TRIGGERS = ["CandidateSearch_update", "CandidateSearch_delete"];

/**
 * SQLite: runs `work` (which removes or blanks these candidates' search text) with the search
 * index's row triggers set aside, and removes the index rows of the whole batch in one statement.
 * The triggers find one candidate's row in the FTS5 table by a query each (its candidateId is not
 * indexed there), milliseconds per row on 100k candidates; in a batch that blocked the server's
 * event loop for seconds. The triggers are dropped and re-created from their own stored SQL in
 * the same transaction, which holds SQLite's write lock: no other write runs without them.
 */
async function withBatchSearchIndex<T>(tx: Tx, kind: DatabaseKind, ids: string[], work: () => Promise<T>) {
  if (kind !== "sqlite" || ids.length === 0) return work();
  const triggers = await tx.$queryRawUnsafe<Array<{ name: string; sql: string }>>(
    `SELECT "name", "sql" FROM "sqlite_master" WHERE "type" = 'trigger' AND "name" IN (${SEARCH_TRIGGERS.map(() => "?").join(", ")})`,
    ...SEARCH_TRIGGERS,
  );
  for (const { name } of triggers) await tx.$executeRawUnsafe(`DROP TRIGGER "${name}"`);
  await tx.$executeRaw`DELETE FROM "CandidateSearch" WHERE "candidateId" IN (${Prisma.join(ids)})`;
  const result = await work();
  for (const { sql } of triggers) await tx.$executeRawUnsafe(sql);
  return result;
}

/** Deletes never-sent candidates (their failed handoff goes with them). */
export async function deleteCandidates(tx: Tx, ids: string[], kind: DatabaseKind) {
  if (ids.length === 0) return 0;
  return withBatchSearchIndex(tx, kind, ids, async () => {
    const { count } = await tx.candidate.deleteMany({ where: { id: { in: ids } } });
    return count;
  });
}

/**
 * Erases a sent or linked candidate's personal data; the row and its handoff record (Personio id,
 * who sent it and when) stay, shown as an erased person. What was sent (sentFields) and what
 * Personio ignored (values too) go with the rest; the external id too, so the ATS's next delivery
 * for this person cannot fill the erased row again.
 */
export async function eraseSentCandidates(tx: Tx, ids: string[], erasedAt: Date, kind: DatabaseKind) {
  if (ids.length === 0) return 0;
  const { count } = await withBatchSearchIndex(tx, kind, ids, () =>
    tx.candidate.updateMany({
      where: { id: { in: ids } },
      data: {
        firstName: "",
        lastName: "",
        email: "",
        phone: null,
        notes: null,
        source: null,
        startDate: null,
        department: null,
        office: null,
        externalSource: null,
        externalId: null,
        erasedAt,
      },
    }),
  );
  await tx.handoff.updateMany({
    where: { candidateId: { in: ids } },
    data: { sentFields: null, personioWarnings: null, lastErrorField: null },
  });
  // Their documents go too; the files follow with the orphan scan (lib/documents/orphans.ts).
  await tx.candidateDocument.deleteMany({ where: { candidateId: { in: ids } } });
  return count;
}
