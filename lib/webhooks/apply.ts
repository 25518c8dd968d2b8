import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";
import type { CandidateValues } from "@/lib/candidates/fields";
import { isInPersonio, STORED_VALUES_SELECT } from "@/lib/candidates/record";
import { changeCandidateIn, createCandidateIn, moveStageIn } from "@/lib/candidates/write";
import { db } from "@/lib/db";
import { findOrCreateJob } from "@/lib/jobs/service";

import type { Interpretation, MappedHire } from "./interpretation";
import type { DeliveryOutcome, SourceKind } from "./kinds";

type Tx = Prisma.TransactionClient;

export type DeliveryRecord = {
  sourceId: string;
  eventType: string | null;
  eventId: string | null;
  outcome: DeliveryOutcome;
  reason: string | null;
  externalId: string | null;
  candidateId: string | null;
  mapped: Partial<MappedHire> | null;
  attention: string | null;
  startedAt: number;
};

export function writeDelivery(client: Pick<Tx, "webhookDelivery">, record: DeliveryRecord) {
  return client.webhookDelivery.create({
    data: {
      sourceId: record.sourceId,
      eventType: record.eventType?.slice(0, 100) ?? null,
      eventId: record.eventId?.slice(0, 200) ?? null,
      outcome: record.outcome,
      reason: record.reason,
      externalId: record.externalId,
      candidateId: record.candidateId,
      mappedFields: record.mapped ? JSON.stringify(record.mapped) : null,
      attention: record.attention,
      durationMs: Date.now() - record.startedAt,
    },
    select: { id: true },
  });
}

/** The source a delivery came to: its id, vendor and the namespace of its external ids. */
export type DeliverySource = { id: string; kind: SourceKind; externalSource: string };

type Applied = {
  outcome: DeliveryOutcome;
  reason: string | null;
  candidateId: string | null;
  attention: string | null;
};
// What a delivery writes, inside the transaction with its replay keys and intake-log row.
type Plan = (tx: Tx) => Promise<Applied>;

// Reads first, then one short transaction with every write (a busy SQLite database is locked for
// the writes only, not across reads and the job lookup). What the reads saw can be overtaken by a
// concurrent delivery; the unique keys catch that (see applyDelivery).
async function planHire(source: DeliverySource, hire: MappedHire): Promise<Plan> {
  const key = { externalSource: source.externalSource, externalId: hire.externalId };
  const existing = await db.candidate.findUnique({
    where: { externalSource_externalId: key },
    select: STORED_VALUES_SELECT,
  });
  // Outside the transaction: a job created for a delivery that then fails is still a right job.
  const { job } = await findOrCreateJob({ title: hire.jobTitle, department: hire.department, office: hire.office });
  const origin = { via: "webhook", sourceId: source.id } as const;
  const values = {
    firstName: hire.firstName,
    lastName: hire.lastName,
    email: hire.email,
    phone: hire.phone,
    jobId: job.id,
    stage: "HIRED",
    startDate: hire.startDate,
    department: hire.department,
    office: hire.office,
  };
  if (!existing) {
    return async (tx) => {
      const created = await createCandidateIn(tx, { values: { ...values, source: null, notes: null }, key, origin });
      return { outcome: "created", reason: null, candidateId: created.id, attention: null };
    };
  }
  // What the ATS left out (null) is not given: a delivery adds and changes, it never clears.
  const given: Partial<CandidateValues> = Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== null),
  );
  return async (tx) => {
    const change = await changeCandidateIn(tx, { current: existing, given, origin });
    const reason = change.outcome === "unchanged" ? "no_change" : isInPersonio(existing) ? "sent_fill_missing" : null;
    return { outcome: "updated", reason, candidateId: existing.id, attention: null };
  };
}

async function planUnhire(source: DeliverySource, externalId: string, stage: string): Promise<Plan> {
  const candidate = await db.candidate.findUnique({
    where: { externalSource_externalId: { externalSource: source.externalSource, externalId } },
    select: { id: true, stage: true, handoff: { select: { status: true } } },
  });
  if (!candidate || candidate.stage !== "HIRED") {
    return async () => ({
      outcome: "ignored",
      reason: "not_hired",
      candidateId: candidate?.id ?? null,
      attention: null,
    });
  }
  const origin = { via: "webhook", sourceId: source.id } as const;
  return async (tx) => {
    await moveStageIn(tx, { current: candidate, stage, origin });
    if (!isInPersonio(candidate))
      return { outcome: "updated", reason: "unhired", candidateId: candidate.id, attention: null };
    // The employee exists in Personio: an admin decides there what happens to them.
    await writeAuditLog(tx, {
      actorId: null,
      action: "webhook.unhired-after-send",
      targetType: "candidate",
      targetId: candidate.id,
      outcome: "success",
      details: { sourceId: source.id, kind: source.kind, externalId, handoffStatus: candidate.handoff!.status },
    });
    return { outcome: "updated", reason: "unhired", candidateId: candidate.id, attention: "unhired_after_send" };
  };
}

export function replayKeys(eventId: string | null, bodyHash: string) {
  return [...(eventId ? [`event:${eventId.slice(0, 200)}`] : []), `body:${bodyHash}`];
}

// Which unique key a write ran into. Prisma names the model (and, through the driver adapter,
// the fields) in the error's meta; both databases report it so.
function uniqueViolation(error: unknown): "replay" | "candidate" | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const meta = JSON.stringify(error.meta ?? {});
  if (meta.includes("WebhookReplayKey") || /"key"/.test(meta)) return "replay";
  if (meta.includes("externalId")) return "candidate";
  return null;
}

/**
 * Applies a verified, interpreted hire or unhire in one transaction with its replay keys and its
 * intake-log row: either all of it happens or none (a failure leaves the delivery retryable).
 * Two copies of one delivery arriving at once meet at the replay key's primary key: one applies,
 * the other is refused as a replay. Two different events for one new candidate meet at the
 * (externalSource, externalId) unique key: the loser runs again and updates.
 */
export async function applyDelivery(input: {
  source: DeliverySource;
  interpretation: Extract<Interpretation, { kind: "hire" | "unhire" }>;
  bodyHash: string;
  startedAt: number;
}): Promise<Applied & { deliveryId: string; replay: boolean }> {
  const { source, interpretation } = input;
  const keys = replayKeys(interpretation.eventId, input.bodyHash);
  const base = {
    sourceId: source.id,
    eventType: interpretation.eventType,
    eventId: interpretation.eventId,
    externalId: interpretation.kind === "hire" ? interpretation.hire.externalId : interpretation.externalId,
    mapped: interpretation.kind === "hire" ? interpretation.hire : null,
    startedAt: input.startedAt,
  };
  for (let attempt = 1; ; attempt += 1) {
    const plan =
      interpretation.kind === "hire"
        ? await planHire(source, interpretation.hire)
        : await planUnhire(source, interpretation.externalId, interpretation.stage);
    try {
      return await db.$transaction(async (tx) => {
        await tx.webhookReplayKey.createMany({ data: keys.map((key) => ({ sourceId: source.id, key })) });
        const applied = await plan(tx);
        const delivery = await writeDelivery(tx, { ...base, ...applied });
        return { ...applied, deliveryId: delivery.id, replay: false };
      });
    } catch (error) {
      const violated = uniqueViolation(error);
      if (violated === "replay") {
        const delivery = await writeDelivery(db, {
          ...base,
          outcome: "duplicate",
          reason: "already_received",
          candidateId: null,
          attention: null,
        });
        return {
          outcome: "duplicate",
          reason: "already_received",
          candidateId: null,
          attention: null,
          deliveryId: delivery.id,
          replay: true,
        };
      }
      // Another delivery created this candidate since we looked: plan again, as an update.
      if (violated === "candidate" && attempt < 3) continue;
      throw error;
    }
  }
}
