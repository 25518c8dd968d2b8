import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";
import { planCandidateChange, type CandidateField } from "@/lib/candidates/change-plan";
import type { CandidateValues } from "@/lib/candidates/fields";
import type { Stage } from "@/lib/candidates/stages";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { findOrCreateJob, type JobRef } from "@/lib/jobs/service";

// Writes candidates for every entry point that is not a person in the app: the REST API and
// (through the same change plan) the import. Each write and its audit row share a transaction.

/** Who writes: a signed-in person (the import) or an API key (its id, and who created it). */
export type CandidateWriter = { userId: string | null; apiKeyId?: string; via: "api" | "import" | "webhook" };

/** A job by id, or by title (created on the fly when unknown). */
export type JobInput = { id: string } | { title: string; department?: string | null; office?: string | null };

export type CandidateInput = {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string | null;
  stage?: Stage;
  startDate?: string | null;
  job: JobInput;
  department?: string | null;
  office?: string | null;
  source?: string | null;
  notes?: string | null;
  externalSource?: string | null;
  externalId?: string | null;
};

export type CandidatePatchInput = Partial<Omit<CandidateInput, "job" | "externalSource" | "externalId">> & {
  job?: JobInput;
};

// Handoff statuses after which Personio holds the person (SENDING: it may, any moment now).
const IN_PERSONIO_STATUSES = ["SENDING", "SENT", "LINKED"];

export const CANDIDATE_RECORD_SELECT = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  stage: true,
  startDate: true,
  department: true,
  office: true,
  source: true,
  notes: true,
  externalSource: true,
  externalId: true,
  createdAt: true,
  updatedAt: true,
  jobId: true,
  job: { select: { id: true, title: true, department: true, office: true } },
  handoff: { select: { status: true } },
} satisfies Prisma.CandidateSelect;

export type CandidateRecord = Prisma.CandidateGetPayload<{ select: typeof CANDIDATE_RECORD_SELECT }>;

export function isInPersonio(record: Pick<CandidateRecord, "handoff">) {
  return record.handoff !== null && IN_PERSONIO_STATUSES.includes(record.handoff.status);
}

export function storedValues(record: CandidateRecord): CandidateValues {
  return {
    firstName: record.firstName,
    lastName: record.lastName,
    email: record.email,
    phone: record.phone,
    stage: record.stage,
    startDate: record.startDate,
    jobId: record.jobId,
    department: record.department,
    office: record.office,
    source: record.source,
    notes: record.notes,
  };
}

type Tx = Prisma.TransactionClient;

async function resolveJob(tx: Tx, job: JobInput, cache?: Map<string, JobRef>): Promise<JobRef> {
  if ("id" in job) {
    const found = await tx.job.findUnique({
      where: { id: job.id },
      select: { id: true, title: true, department: true, office: true },
    });
    if (!found) throw new ConflictError("unknown_job");
    return found;
  }
  return (await findOrCreateJob(job, { client: tx, cache })).job;
}

async function givenValues(tx: Tx, input: CandidatePatchInput): Promise<Partial<CandidateValues>> {
  const { job, ...rest } = input;
  const values: Partial<CandidateValues> = { ...rest };
  if (job) values.jobId = (await resolveJob(tx, job)).id;
  return values;
}

function auditDetails<Extra extends object>(writer: CandidateWriter, extra?: Extra) {
  return { via: writer.via, ...(writer.apiKeyId ? { apiKeyId: writer.apiKeyId } : {}), ...(extra as Extra) };
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function getCandidateRecord(id: string) {
  return db.candidate.findUnique({ where: { id }, select: CANDIDATE_RECORD_SELECT });
}

export async function createCandidate(input: CandidateInput, writer: CandidateWriter): Promise<CandidateRecord> {
  try {
    return await db.$transaction(async (tx) => {
      const values = await givenValues(tx, input);
      const candidate = await tx.candidate.create({
        data: {
          ...(values as CandidateValues),
          stage: input.stage ?? "APPLIED",
          externalSource: input.externalSource ?? null,
          externalId: input.externalId ?? null,
        },
        select: CANDIDATE_RECORD_SELECT,
      });
      await writeAuditLog(tx, {
        actorId: writer.userId,
        action: "candidate.create",
        targetType: "candidate",
        targetId: candidate.id,
        outcome: "success",
        details: auditDetails(writer),
      });
      return candidate;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("external_id_taken");
    throw error;
  }
}

export type UpsertOutcome = "created" | "updated" | "unchanged";

export type UpsertResult = { candidate: CandidateRecord; outcome: UpsertOutcome; kept: CandidateField[] };

async function applyPlan(tx: Tx, current: CandidateRecord, given: Partial<CandidateValues>, writer: CandidateWriter) {
  const inPersonio = isInPersonio(current);
  const plan = planCandidateChange(storedValues(current), given, { inPersonio });
  if (Object.keys(plan.data).length === 0) return { candidate: current, changed: false, kept: plan.kept };
  const candidate = await tx.candidate.update({
    where: { id: current.id },
    data: plan.data,
    select: CANDIDATE_RECORD_SELECT,
  });
  await writeAuditLog(tx, {
    actorId: writer.userId,
    action: "candidate.update",
    targetType: "candidate",
    targetId: current.id,
    outcome: "success",
    details: auditDetails(writer, {
      fields: Object.keys(plan.data),
      ...(plan.kept.length ? { keptInPersonio: plan.kept } : {}),
    }),
  });
  return { candidate, changed: true, kept: plan.kept };
}

/**
 * Creates or updates the candidate with this source and external id. A candidate already in
 * Personio is only completed (planCandidateChange); the result says which fields were kept.
 */
export async function upsertCandidateByExternalId(
  key: { externalSource: string; externalId: string },
  input: Omit<CandidateInput, "externalSource" | "externalId">,
  writer: CandidateWriter,
): Promise<UpsertResult> {
  const attempt = () =>
    db.$transaction(async (tx): Promise<UpsertResult> => {
      const current = await tx.candidate.findUnique({
        where: { externalSource_externalId: key },
        select: CANDIDATE_RECORD_SELECT,
      });
      if (!current) {
        const values = await givenValues(tx, input);
        const candidate = await tx.candidate.create({
          data: { ...(values as CandidateValues), stage: input.stage ?? "APPLIED", ...key },
          select: CANDIDATE_RECORD_SELECT,
        });
        await writeAuditLog(tx, {
          actorId: writer.userId,
          action: "candidate.create",
          targetType: "candidate",
          targetId: candidate.id,
          outcome: "success",
          details: auditDetails(writer, { externalSource: key.externalSource }),
        });
        return { candidate, outcome: "created", kept: [] };
      }
      const result = await applyPlan(tx, current, await givenValues(tx, input), writer);
      return { candidate: result.candidate, outcome: result.changed ? "updated" : "unchanged", kept: result.kept };
    });
  try {
    return await attempt();
  } catch (error) {
    // Two upserts of a new external id at once: one created it, the other now updates it.
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}

export async function updateCandidate(id: string, patch: CandidatePatchInput, writer: CandidateWriter) {
  return db.$transaction(async (tx) => {
    const current = await tx.candidate.findUnique({ where: { id }, select: CANDIDATE_RECORD_SELECT });
    if (!current) throw new NotFoundError("Candidate");
    return applyPlan(tx, current, await givenValues(tx, patch), writer);
  });
}

/** A stage move is deliberate, so unlike a sync it also applies to a candidate in Personio. */
export async function moveCandidateStage(id: string, stage: Stage, writer: CandidateWriter) {
  return db.$transaction(async (tx) => {
    const current = await tx.candidate.findUnique({ where: { id }, select: { stage: true } });
    if (!current) throw new NotFoundError("Candidate");
    if (current.stage === stage) {
      return {
        candidate: await tx.candidate.findUniqueOrThrow({ where: { id }, select: CANDIDATE_RECORD_SELECT }),
        changed: false,
      };
    }
    const candidate = await tx.candidate.update({ where: { id }, data: { stage }, select: CANDIDATE_RECORD_SELECT });
    await writeAuditLog(tx, {
      actorId: writer.userId,
      action: "candidate.move-stage",
      targetType: "candidate",
      targetId: id,
      outcome: "success",
      details: auditDetails(writer, { from: current.stage, to: stage }),
    });
    return { candidate, changed: true };
  });
}
