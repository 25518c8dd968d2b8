import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";
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

/** The candidates' external source for a webhook source: the ATS's name, so a spreadsheet
 * import of the same ATS's ids meets the same candidates; the Handoff webhook's ids belong to
 * whatever system sends them, so each such source has its own namespace. */
export function externalSourceFor(source: { id: string; kind: SourceKind }) {
  return source.kind === "handoff" ? `handoff.${source.id}` : source.kind;
}

// A candidate whose send has started or finished is in Personio (or about to be): Handoff never
// changes Personio on an ATS's say-so, and keeps what was sent.
const IN_PERSONIO = new Set(["SENDING", "SENT", "LINKED"]);

type Applied = {
  outcome: DeliveryOutcome;
  reason: string | null;
  candidateId: string | null;
  attention: string | null;
};
// What a delivery will write: the candidate change (if any) and what the log says about it.
type Plan = Applied & {
  write: ((tx: Tx) => Promise<{ id: string }>) | null;
  audit?: Parameters<typeof writeAuditLog>[1];
};

// Reads first, then one short transaction with every write (a busy SQLite database is locked for
// the writes only, not across reads and the job lookup). What the reads saw can be overtaken by a
// concurrent delivery; the unique keys catch that (see applyDelivery).
async function planHire(source: { id: string; kind: SourceKind }, hire: MappedHire): Promise<Plan> {
  const externalSource = externalSourceFor(source);
  const existing = await db.candidate.findUnique({
    where: { externalSource_externalId: { externalSource, externalId: hire.externalId } },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      phone: true,
      jobId: true,
      stage: true,
      startDate: true,
      department: true,
      office: true,
      handoff: { select: { status: true } },
    },
  });
  // Outside the transaction: a job created for a delivery that then fails is still a right job.
  const { job } = await findOrCreateJob({ title: hire.jobTitle, department: hire.department, office: hire.office });
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
    return {
      outcome: "created",
      reason: null,
      candidateId: null,
      attention: null,
      write: (tx) =>
        tx.candidate.create({ data: { ...values, externalSource, externalId: hire.externalId }, select: { id: true } }),
    };
  }
  // Already in Personio: only what is missing is added (as a re-import does); the rest of the
  // profile stays as it was sent.
  const isSent = existing.handoff ? IN_PERSONIO.has(existing.handoff.status) : false;
  const changes: Prisma.CandidateUncheckedUpdateInput = {};
  for (const [key, value] of Object.entries(values) as [keyof typeof values, string | null][]) {
    const current = existing[key];
    if (value === null || value === current) continue;
    if (isSent && current !== null && current !== "") continue;
    changes[key] = value;
  }
  if (Object.keys(changes).length === 0)
    return { outcome: "updated", reason: "no_change", candidateId: existing.id, attention: null, write: null };
  return {
    outcome: "updated",
    reason: isSent ? "sent_fill_missing" : null,
    candidateId: existing.id,
    attention: null,
    write: (tx) => tx.candidate.update({ where: { id: existing.id }, data: changes, select: { id: true } }),
  };
}

async function planUnhire(source: { id: string; kind: SourceKind }, externalId: string, stage: string): Promise<Plan> {
  const candidate = await db.candidate.findUnique({
    where: { externalSource_externalId: { externalSource: externalSourceFor(source), externalId } },
    select: { id: true, stage: true, handoff: { select: { status: true } } },
  });
  if (!candidate || candidate.stage !== "HIRED")
    return {
      outcome: "ignored",
      reason: "not_hired",
      candidateId: candidate?.id ?? null,
      attention: null,
      write: null,
    };
  const write = (tx: Tx) => tx.candidate.update({ where: { id: candidate.id }, data: { stage }, select: { id: true } });
  const isSent = candidate.handoff ? IN_PERSONIO.has(candidate.handoff.status) : false;
  if (!isSent) return { outcome: "updated", reason: "unhired", candidateId: candidate.id, attention: null, write };
  // The employee exists in Personio: an admin decides there what happens to them.
  return {
    outcome: "updated",
    reason: "unhired",
    candidateId: candidate.id,
    attention: "unhired_after_send",
    write,
    audit: {
      actorId: null,
      action: "webhook.unhired-after-send",
      targetType: "candidate",
      targetId: candidate.id,
      outcome: "success",
      details: { sourceId: source.id, kind: source.kind, externalId, handoffStatus: candidate.handoff!.status },
    },
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
  source: { id: string; kind: SourceKind };
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
        const written = plan.write ? await plan.write(tx) : null;
        const applied: Applied = {
          outcome: plan.outcome,
          reason: plan.reason,
          candidateId: written?.id ?? plan.candidateId,
          attention: plan.attention,
        };
        if (plan.audit) await writeAuditLog(tx, plan.audit);
        const delivery = await writeDelivery(tx, { ...base, ...applied });
        return { ...applied, deliveryId: delivery.id, replay: false };
      });
    } catch (error) {
      const violated = uniqueViolation(error);
      if (violated === "replay") {
        const delivery = await writeDelivery(db, {
          ...base,
          outcome: "rejected",
          reason: "replay",
          candidateId: null,
          attention: null,
        });
        return {
          outcome: "rejected",
          reason: "replay",
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
