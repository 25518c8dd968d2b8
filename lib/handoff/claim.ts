import "server-only";

import { randomUUID } from "node:crypto";

import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { constraintViolation } from "@/lib/db/constraint-violation";
import { newRowId } from "@/lib/db/row-id";
import { NotFoundError } from "@/lib/errors";
import { isHandoffDone, type HandoffStatus } from "@/lib/handoff/status";

export type Claim = {
  claimToken: string;
  // How the previous attempt ended, if there was one: a lost or crashed attempt may have
  // created the employee in Personio, which the lookup by email then finds.
  previous: { status: HandoffStatus; lastErrorCode: string | null } | null;
};

export type ClaimRefusal = { reason: "already_sent" | "in_progress" };

// Send-once is a database fact: one Handoff row per candidate (unique candidateId), moved to
// SENDING by a conditional write. Of any number of concurrent attempts, in one process or
// many, exactly one write succeeds; the others are refused without calling Personio.
export async function claimHandoff(
  candidateId: string,
  ttlMs: number,
  options: { knownAbsent?: boolean } = {},
): Promise<Claim | ClaimRefusal> {
  const claimToken = randomUUID();
  const now = new Date();
  // `knownAbsent`: the caller just read that no row exists. A row created since makes the insert
  // fail on the unique candidate id, which is refused below as if it had been read.
  const existing = options.knownAbsent
    ? null
    : await db.handoff.findUnique({
        where: { candidateId },
        select: { status: true, claimToken: true, claimedAt: true, lastErrorCode: true },
      });

  if (!existing) {
    try {
      // A plain INSERT (see completeClaim); the unique candidate id still refuses a second one.
      await db.$executeRaw`
        INSERT INTO "Handoff" ("id", "candidateId", "status", "claimToken", "claimedAt", "attempts", "version", "createdAt", "updatedAt")
        VALUES (${newRowId()}, ${candidateId}, ${"SENDING"}, ${claimToken}, ${now}, ${1}, ${0}, ${now}, ${now})`;
      return { claimToken, previous: null };
    } catch (error) {
      const violated = constraintViolation(error);
      if (violated === "unique") return refusal(candidateId);
      // The foreign key is the check that the candidate exists (one query fewer per send).
      if (violated === "foreign_key") throw new NotFoundError("Candidate");
      throw error;
    }
  }

  const status = existing.status as HandoffStatus;
  if (isHandoffDone(status)) return { reason: "already_sent" };
  const isLiveClaim =
    status === "SENDING" && existing.claimedAt && now.getTime() - existing.claimedAt.getTime() < ttlMs;
  if (isLiveClaim) return { reason: "in_progress" };

  // A failed attempt, or a SENDING claim so old its process must have died: take it over,
  // but only if nobody else changed the row since it was read.
  const { count } = await db.handoff.updateMany({
    where: { candidateId, status, claimToken: existing.claimToken },
    data: { status: "SENDING", claimToken, claimedAt: now, attempts: { increment: 1 } },
  });
  if (count === 0) return refusal(candidateId);
  return {
    claimToken,
    previous: { status, lastErrorCode: status === "SENDING" ? "stale_claim" : existing.lastErrorCode },
  };
}

async function refusal(candidateId: string): Promise<ClaimRefusal> {
  const row = await db.handoff.findUnique({ where: { candidateId }, select: { status: true } });
  return { reason: row && isHandoffDone(row.status as HandoffStatus) ? "already_sent" : "in_progress" };
}

export function isClaim(result: Claim | ClaimRefusal): result is Claim {
  return "claimToken" in result;
}

// The claim's writes take a transaction, so a send records its state change and its audit row together.
type HandoffWriter = Pick<Prisma.TransactionClient, "handoff">;

// Gives the candidate back after a failure, with the reason, so a later attempt may claim it.
export async function releaseClaim(
  candidateId: string,
  claimToken: string,
  failure: { code: string; field?: string },
  tx: HandoffWriter = db,
) {
  await tx.handoff.updateMany({
    where: { candidateId, claimToken, status: "SENDING" },
    data: { status: "FAILED", lastErrorCode: failure.code, lastErrorField: failure.field ?? null },
  });
}

export type Completion = {
  status: "SENT" | "LINKED";
  personioEmployeeId: number;
  personioSubdomain: string;
  sentById: string | null;
  sentFields: string | null;
  /** The automatic-send rule that sent it (sentById is then null). */
  automaticRuleId?: string | null;
  personioWarnings?: string | null;
};

// Records the outcome. Personio's answer is the truth: if this claim was meanwhile taken
// over as stale (another attempt's token, SENDING or since FAILED), the employee still exists,
// so the row is completed all the same; only a row already SENT or LINKED is left as it is. The
// claim's own row is one of those states, so one conditional write covers both.
// The claim and its completion are plain statements, not Prisma model queries: Prisma compiles a
// model query's plan on every call (about half a millisecond of CPU on the event loop, more after
// the idle wait for Personio), and these two run in every send while the recruiter waits.
// Timestamps are bound as parameters, so the driver adapter writes them as it writes every other.
// Returned unawaited, so a caller can batch it with the audit row ($transaction([...])).
export function completeClaim(
  candidateId: string,
  completion: Completion,
  tx: Pick<Prisma.TransactionClient, "$executeRaw"> = db,
) {
  const now = new Date();
  return tx.$executeRaw`
    UPDATE "Handoff"
    SET "status" = ${completion.status}, "personioEmployeeId" = ${completion.personioEmployeeId},
        "personioSubdomain" = ${completion.personioSubdomain}, "sentById" = ${completion.sentById},
        "sentFields" = ${completion.sentFields}, "automaticRuleId" = ${completion.automaticRuleId ?? null},
        "personioWarnings" = ${completion.personioWarnings ?? null}, "sentAt" = ${now},
        "lastErrorCode" = NULL, "lastErrorField" = NULL, "updatedAt" = ${now}
    WHERE "candidateId" = ${candidateId} AND "status" IN (${"SENDING"}, ${"FAILED"})`;
}
