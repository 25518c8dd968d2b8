import "server-only";

import { createHash } from "node:crypto";

import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

// Idempotency-Key for POST (as in the IETF httpapi draft and Stripe's API): the first answer is
// kept 24 hours per API key and key; a retry with the same request gets it again, a different
// request with the same key is refused, and so is a retry while the first is still running.
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type StoredAnswer = { status: number; body: string; location: string | null };

export type IdempotencyClaim =
  | { kind: "claimed"; recordId: string }
  | { kind: "replay"; answer: StoredAnswer }
  | { kind: "mismatch" }
  | { kind: "in_progress" };

export function requestFingerprint(method: string, path: string, body: Uint8Array) {
  return createHash("sha256").update(`${method} ${path}\n`).update(body).digest("hex");
}

export function isValidIdempotencyKey(key: string) {
  return key.length >= 1 && key.length <= 255 && /^[\x21-\x7e]+$/.test(key);
}

let lastSweep = 0;

async function sweepExpired(now: number) {
  if (now - lastSweep < 60_000) return;
  lastSweep = now;
  await db.apiIdempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(now - IDEMPOTENCY_TTL_MS) } } });
}

export async function claimIdempotencyKey(
  apiKeyId: string,
  key: string,
  requestHash: string,
): Promise<IdempotencyClaim> {
  const now = Date.now();
  await sweepExpired(now);
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await db.apiIdempotencyRecord.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
    if (existing && existing.createdAt.getTime() <= now - IDEMPOTENCY_TTL_MS) {
      await db.apiIdempotencyRecord.deleteMany({ where: { id: existing.id } });
    } else if (existing) {
      if (existing.requestHash !== requestHash) return { kind: "mismatch" };
      if (existing.status === null) return { kind: "in_progress" };
      return {
        kind: "replay",
        answer: { status: existing.status, body: existing.responseBody ?? "", location: existing.location },
      };
    }
    try {
      const record = await db.apiIdempotencyRecord.create({
        data: { apiKeyId, key, requestHash },
        select: { id: true },
      });
      return { kind: "claimed", recordId: record.id };
    } catch (error) {
      // Another request with this key got there first: read what it stored.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  return { kind: "in_progress" };
}

export async function completeIdempotencyKey(recordId: string, answer: StoredAnswer) {
  await db.apiIdempotencyRecord.update({
    where: { id: recordId },
    data: { status: answer.status, responseBody: answer.body, location: answer.location },
  });
}

/** A failure on our side is not an answer to keep: the client may retry with the same key. */
export async function releaseIdempotencyKey(recordId: string) {
  await db.apiIdempotencyRecord.deleteMany({ where: { id: recordId } });
}
