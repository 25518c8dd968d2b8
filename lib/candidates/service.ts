import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { CandidateField } from "@/lib/candidates/change-plan";
import type { CandidateValues } from "@/lib/candidates/fields";
import type { CandidateOrigin } from "@/lib/candidates/origin";
import { CANDIDATE_RECORD_SELECT, STORED_VALUES_SELECT, type CandidateRecord } from "@/lib/candidates/record";
import type { Stage } from "@/lib/candidates/stages";
import { changeCandidateIn, createCandidateIn, moveStageIn, type ExternalKey } from "@/lib/candidates/write";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { findOrCreateJob, type JobRef } from "@/lib/jobs/service";

// One candidate written on its own, each in its own transaction (the REST API): the steps are
// lib/candidates/write.ts's, which the import and the webhooks run inside their transactions.

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

type Tx = Prisma.TransactionClient;

async function resolveJob(tx: Tx, job: JobInput): Promise<JobRef> {
  if ("id" in job) {
    const found = await tx.job.findUnique({
      where: { id: job.id },
      select: { id: true, title: true, department: true, office: true },
    });
    if (!found) throw new ConflictError("unknown_job");
    return found;
  }
  return (await findOrCreateJob(job, { client: tx })).job;
}

async function givenValues(tx: Tx, input: CandidatePatchInput): Promise<Partial<CandidateValues>> {
  const { job, ...rest } = input;
  const values: Partial<CandidateValues> = { ...rest };
  if (job) values.jobId = (await resolveJob(tx, job)).id;
  return values;
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function readRecord(tx: Tx, id: string) {
  return tx.candidate.findUniqueOrThrow({ where: { id }, select: CANDIDATE_RECORD_SELECT });
}

export async function createCandidate(input: CandidateInput, origin: CandidateOrigin): Promise<CandidateRecord> {
  const { externalSource, externalId, ...rest } = input;
  const key = externalSource && externalId ? { externalSource, externalId } : null;
  try {
    return await db.$transaction(async (tx) => {
      const values = (await givenValues(tx, rest)) as CandidateValues;
      const { id } = await createCandidateIn(tx, { values, key, origin });
      return readRecord(tx, id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("external_id_taken");
    throw error;
  }
}

export type UpsertOutcome = "created" | "updated" | "unchanged";

export type UpsertResult = { candidate: CandidateRecord; outcome: UpsertOutcome; kept: CandidateField[] };

/**
 * Creates or updates the candidate with this source and external id. A candidate already in
 * Personio is only completed; the result says which fields were kept.
 */
export async function upsertCandidateByExternalId(
  key: ExternalKey,
  input: Omit<CandidateInput, "externalSource" | "externalId">,
  origin: CandidateOrigin,
): Promise<UpsertResult> {
  const attempt = () =>
    db.$transaction(async (tx): Promise<UpsertResult> => {
      const current = await tx.candidate.findUnique({
        where: { externalSource_externalId: key },
        select: STORED_VALUES_SELECT,
      });
      const values = await givenValues(tx, input);
      const change = current
        ? await changeCandidateIn(tx, { current, given: values, origin })
        : await createCandidateIn(tx, { values: values as CandidateValues, key, origin });
      return { candidate: await readRecord(tx, change.id), outcome: change.outcome, kept: change.kept };
    });
  try {
    return await attempt();
  } catch (error) {
    // Two upserts of a new external id at once: one created it, the other now updates it.
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}

export async function updateCandidate(id: string, patch: CandidatePatchInput, origin: CandidateOrigin) {
  return db.$transaction(async (tx) => {
    const current = await tx.candidate.findUnique({ where: { id }, select: STORED_VALUES_SELECT });
    if (!current) throw new NotFoundError("Candidate");
    const change = await changeCandidateIn(tx, { current, given: await givenValues(tx, patch), origin });
    return { candidate: await readRecord(tx, id), changed: change.outcome === "updated", kept: change.kept };
  });
}

export async function moveCandidateStage(id: string, stage: Stage, origin: CandidateOrigin) {
  return db.$transaction(async (tx) => {
    const current = await tx.candidate.findUnique({ where: { id }, select: { id: true, stage: true } });
    if (!current) throw new NotFoundError("Candidate");
    const change = await moveStageIn(tx, { current, stage, origin });
    return { candidate: await readRecord(tx, id), changed: change.outcome === "updated" };
  });
}
