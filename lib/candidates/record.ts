import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { CandidateValues } from "@/lib/candidates/fields";
import { db } from "@/lib/db";
import { isInPersonioStatus } from "@/lib/handoff/status";

/** What a write compares the given values with: the stored values and the handoff's status. */
export const STORED_VALUES_SELECT = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  stage: true,
  startDate: true,
  jobId: true,
  department: true,
  office: true,
  source: true,
  notes: true,
  externalSource: true,
  externalId: true,
  handoff: { select: { status: true } },
} satisfies Prisma.CandidateSelect;

export type StoredCandidate = Prisma.CandidateGetPayload<{ select: typeof STORED_VALUES_SELECT }>;

/** The candidate as the API returns it. */
export const CANDIDATE_RECORD_SELECT = {
  ...STORED_VALUES_SELECT,
  createdAt: true,
  updatedAt: true,
  job: { select: { id: true, title: true, department: true, office: true } },
} satisfies Prisma.CandidateSelect;

export type CandidateRecord = Prisma.CandidateGetPayload<{ select: typeof CANDIDATE_RECORD_SELECT }>;

export function isInPersonio(record: { handoff: { status: string } | null }) {
  return isInPersonioStatus(record.handoff?.status);
}

export function storedValues(record: CandidateValues): CandidateValues {
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

export async function getCandidateRecord(id: string) {
  return db.candidate.findUnique({ where: { id }, select: CANDIDATE_RECORD_SELECT });
}
