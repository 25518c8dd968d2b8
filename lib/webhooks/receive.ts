import "server-only";

import { after } from "next/server";

import { kickBackgroundRunner } from "@/lib/background/process-runner";
import { db } from "@/lib/db";
import { importLinkedAttachments } from "@/lib/documents/attachments";
import { env } from "@/lib/env";
import { isBodyTooLarge, readLimitedBody, tooLargeHeaders } from "@/lib/http/read-limited-body";
import { metrics } from "@/lib/metrics/registry";
import { createDatabaseLimiter, type DatabaseLimiter } from "@/lib/rate-limit";
import { decryptAtRest } from "@/lib/secrets/at-rest";

import { applyDelivery, replayKeys, writeDelivery } from "./apply";
import { interpretDelivery } from "./interpret";
import {
  DISABLED_RETRY_AFTER_SECONDS,
  isSourceKind,
  MAX_BODY_BYTES,
  type DeliveryOutcome,
  type SourceKind,
} from "./kinds";
import { sha256Hex, verifySignature } from "./signatures";

// One delivery from an ATS, from the raw request to the answer: find the source by its path,
// bound the rate, read at most MAX_BODY_BYTES, verify the signature over those exact bytes,
// interpret, refuse replays, apply. Every delivery to a known source is logged with its outcome.

export type ReceiveResult = {
  status: number;
  body: { status: DeliveryOutcome; reason?: string; deliveryId?: string };
  retryAfterSeconds?: number;
  headers?: Record<string, string>;
};

// Flood bound per source, counted in the database (lib/rate-limit.ts) so it holds across restarts
// and every instance: a misbehaving or hostile sender costs at most this many log rows and
// verifications a minute. Made on first use: configuration is not read while the app is built.
let limiter: DatabaseLimiter | null = null;
function sourceLimiter() {
  limiter ??= createDatabaseLimiter(db, {
    name: "webhook-source",
    points: env.WEBHOOK_RATE_LIMIT_PER_MINUTE,
    windowSeconds: 60,
  });
  return limiter;
}

function acceptedSecrets(
  source: { secretEncrypted: string; previousSecretEncrypted: string | null; previousSecretExpiresAt: Date | null },
  now: Date,
) {
  const secrets = [decryptAtRest(source.secretEncrypted)];
  if (source.previousSecretEncrypted && source.previousSecretExpiresAt && source.previousSecretExpiresAt > now) {
    secrets.push(decryptAtRest(source.previousSecretEncrypted));
  }
  return secrets;
}

// What each vendor retries decides these (README, "What each ATS retries"): a refusal that can
// succeed later without a change at the ATS (a disabled source) is a 503 every vendor retries;
// Ashby never retries 401, 403, 404, 405 or 410, so those are kept for what a retry cannot fix.
const REJECT_STATUS: Record<string, number> = {
  source_disabled: 503,
  too_large: 413,
  missing_signature: 401,
  malformed_signature: 401,
  bad_signature: 401,
  stale_timestamp: 401,
  malformed_json: 400,
  invalid_payload: 422,
  missing_email: 422,
  missing_job: 422,
};

function findSource(pathToken: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(pathToken)) return Promise.resolve(null);
  return db.webhookSource.findUnique({
    where: { pathToken },
    select: {
      id: true,
      kind: true,
      externalSource: true,
      enabled: true,
      secretEncrypted: true,
      previousSecretEncrypted: true,
      previousSecretExpiresAt: true,
    },
  });
}

/** Receives one delivery and counts it by source kind and outcome (lib/metrics). */
export async function receiveDelivery(pathToken: string, request: Request): Promise<ReceiveResult> {
  const { sourceKind, ...result } = await receive(pathToken, request);
  metrics.webhookDeliveries.inc({
    source: sourceKind ?? "unknown",
    outcome: result.body.status,
    reason: result.body.status === "rejected" ? (result.body.reason ?? "") : "",
  });
  return result;
}

async function receive(pathToken: string, request: Request): Promise<ReceiveResult & { sourceKind?: SourceKind }> {
  const startedAt = Date.now();
  const source = await findSource(pathToken);
  if (!source || !isSourceKind(source.kind))
    return { status: 404, body: { status: "rejected", reason: "unknown_source" } };
  const kind: SourceKind = source.kind;
  return { ...(await receiveFromSource({ ...source, kind }, request, startedAt)), sourceKind: kind };
}

type KnownSource = NonNullable<Awaited<ReturnType<typeof findSource>>> & { kind: SourceKind };

async function receiveFromSource(source: KnownSource, request: Request, startedAt: number): Promise<ReceiveResult> {
  const { kind } = source;

  const allowance = await sourceLimiter().take(source.id);
  if (!allowance.allowed) {
    // Not logged one by one: a flood would otherwise become a flood of log rows.
    return {
      status: 429,
      body: { status: "rejected", reason: "rate_limited" },
      retryAfterSeconds: Math.max(1, Math.ceil(allowance.retryAfterMs / 1000)),
    };
  }

  const reject = async (
    reason: string,
    extra: {
      eventType?: string | null;
      eventId?: string | null;
      mapped?: Record<string, unknown> | null;
      externalId?: string | null;
    } = {},
    answer: Pick<ReceiveResult, "retryAfterSeconds" | "headers"> = {},
  ): Promise<ReceiveResult> => {
    const delivery = await writeDelivery(db, {
      sourceId: source.id,
      eventType: extra.eventType ?? null,
      eventId: extra.eventId ?? null,
      outcome: "rejected",
      reason,
      externalId: extra.externalId ?? null,
      candidateId: null,
      mapped: extra.mapped ?? null,
      attention: null,
      startedAt,
    });
    return {
      status: REJECT_STATUS[reason] ?? 400,
      body: { status: "rejected", reason, deliveryId: delivery.id },
      ...answer,
    };
  };

  // "Not now", not "never": the ATS keeps the hire and delivers it again once enabled.
  if (!source.enabled) return reject("source_disabled", {}, { retryAfterSeconds: DISABLED_RETRY_AFTER_SECONDS });
  // Streamed up to the limit, so a body without a Content-Length (or a lying one) stops there.
  const rawBody = await readLimitedBody(request, MAX_BODY_BYTES);
  if (isBodyTooLarge(rawBody)) return reject("too_large", {}, { headers: tooLargeHeaders(rawBody) });

  const now = new Date();
  const check = verifySignature({
    kind,
    rawBody,
    headers: request.headers,
    secrets: acceptedSecrets(source, now),
    nowMs: now.getTime(),
  });
  // Nothing from an unverified body is parsed or kept.
  if (!check.ok) return reject(check.reason);

  const interpretation = interpretDelivery(kind, rawBody, request.headers);
  const meta = { eventType: interpretation.eventType, eventId: interpretation.eventId };
  if (interpretation.kind === "reject") {
    return reject(interpretation.reason, {
      ...meta,
      mapped: interpretation.mapped ?? null,
      externalId: interpretation.mapped?.externalId ?? null,
    });
  }
  if (interpretation.kind === "ignore") {
    const delivery = await writeDelivery(db, {
      sourceId: source.id,
      ...meta,
      outcome: "ignored",
      reason: interpretation.reason,
      externalId: null,
      candidateId: null,
      mapped: null,
      attention: null,
      startedAt,
    });
    return { status: 200, body: { status: "ignored", reason: interpretation.reason, deliveryId: delivery.id } };
  }

  const bodyHash = sha256Hex(rawBody);
  // A delivery seen before is normally the ATS retrying because our first answer got lost: nothing
  // is applied again, it is logged as a duplicate and answered 200, so the ATS stops retrying.
  const duplicate = (deliveryId: string): ReceiveResult => ({
    status: 200,
    body: { status: "duplicate", reason: "already_received", deliveryId },
  });
  const seen = await db.webhookReplayKey.findFirst({
    where: { sourceId: source.id, key: { in: replayKeys(interpretation.eventId, bodyHash) } },
    select: { key: true },
  });
  if (seen) {
    const delivery = await writeDelivery(db, {
      sourceId: source.id,
      ...meta,
      outcome: "duplicate",
      reason: "already_received",
      externalId: null,
      candidateId: null,
      mapped: null,
      attention: null,
      startedAt,
    });
    return duplicate(delivery.id);
  }
  const applied = await applyDelivery({
    source: { id: source.id, kind, externalSource: source.externalSource },
    interpretation,
    bodyHash,
    startedAt,
  });
  if (applied.replay) return duplicate(applied.deliveryId);
  // A new hire may have queued an automatic send (lib/handoff/automatic/): start it now.
  if (applied.outcome === "created" || applied.outcome === "updated") kickBackgroundRunner();
  const { attachments } = interpretation.kind === "hire" ? interpretation : { attachments: undefined };
  const candidateId = applied.candidateId;
  if (attachments && candidateId) {
    // Fetched right after the answer (their URLs expire), so a slow file host never makes the
    // ATS's delivery time out and be sent again.
    after(() => importLinkedAttachments({ candidateId, sourceId: source.id, attachments }));
  }
  return {
    status: 200,
    body: {
      status: applied.outcome,
      ...(applied.reason ? { reason: applied.reason } : {}),
      deliveryId: applied.deliveryId,
    },
  };
}
