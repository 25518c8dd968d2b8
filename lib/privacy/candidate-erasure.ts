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

/** Deletes never-sent candidates (their failed handoff goes with them). */
export async function deleteCandidates(tx: Tx, ids: string[]) {
  if (ids.length === 0) return 0;
  const { count } = await tx.candidate.deleteMany({ where: { id: { in: ids } } });
  return count;
}

/**
 * Erases a sent or linked candidate's personal data; the row and its handoff record (Personio id,
 * who sent it and when) stay, shown as an erased person. What was sent (sentFields) and what
 * Personio ignored (values too) go with the rest; the external id too, so the ATS's next delivery
 * for this person cannot fill the erased row again.
 */
export async function eraseSentCandidates(tx: Tx, ids: string[], erasedAt: Date) {
  if (ids.length === 0) return 0;
  const { count } = await tx.candidate.updateMany({
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
  });
  await tx.handoff.updateMany({
    where: { candidateId: { in: ids } },
    data: { sentFields: null, personioWarnings: null, lastErrorField: null },
  });
  return count;
}
