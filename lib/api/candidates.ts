import "server-only";

import type { z } from "zod";

import type { Prisma } from "@/generated/prisma/client";
import { ApiProblem } from "@/lib/api/problem";
import type { ApiCandidate, ApiJob, ZCandidateListQuery } from "@/lib/api/schemas";
import { CANDIDATE_RECORD_SELECT, isInPersonio, type CandidateRecord } from "@/lib/candidates/record";
import { foldPlain } from "@/lib/candidates/search-text";
import type { Stage } from "@/lib/candidates/stages";
import { db } from "@/lib/db";

export function toApiJob(job: { id: string; title: string; department: string; office: string }): ApiJob {
  return { id: job.id, title: job.title, department: job.department, office: job.office };
}

export function toApiCandidate(record: CandidateRecord): ApiCandidate {
  return {
    id: record.id,
    firstName: record.firstName,
    lastName: record.lastName,
    email: record.email,
    phone: record.phone,
    stage: record.stage as Stage,
    startDate: record.startDate,
    job: toApiJob(record.job),
    department: record.department,
    office: record.office,
    source: record.source,
    notes: record.notes,
    externalSource: record.externalSource,
    externalId: record.externalId,
    inPersonio: isInPersonio(record),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

// The cursor is the last row's (createdAt, id): stable under inserts, unlike an offset.
function encodeCursor(record: { createdAt: Date; id: string }) {
  return Buffer.from(JSON.stringify([record.createdAt.toISOString(), record.id])).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const createdAt = new Date(String(at));
    if (typeof id !== "string" || Number.isNaN(createdAt.getTime())) throw new Error("bad cursor");
    return { createdAt, id };
  } catch {
    throw new ApiProblem("invalid_query", "The cursor is not one this API returned.", [
      { pointer: "#/cursor", detail: "Unknown cursor." },
    ]);
  }
}

export async function listCandidatesPage(query: z.output<typeof ZCandidateListQuery>) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.CandidateWhereInput = {
    AND: [
      query.stage ? { stage: query.stage } : {},
      query.jobId ? { jobId: query.jobId } : {},
      // The indexed search key: the email folded as lib/candidates/search-text.ts folds it.
      query.email ? { emailKey: foldPlain(query.email) } : {},
      query.externalSource ? { externalSource: query.externalSource } : {},
      query.externalId ? { externalId: query.externalId } : {},
      query.updatedSince ? { updatedAt: { gte: new Date(query.updatedSince) } } : {},
      // Rows after the cursor in (createdAt desc, id desc). The redundant createdAt <= bound gives
      // the createdAt index a range to walk; the OR alone made SQLite scan the table.
      after
        ? {
            createdAt: { lte: after.createdAt },
            OR: [{ createdAt: { lt: after.createdAt } }, { id: { lt: after.id } }],
          }
        : {},
    ],
  };
  const rows = await db.candidate.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: CANDIDATE_RECORD_SELECT,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { data: page.map(toApiCandidate), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}
