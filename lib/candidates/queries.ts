import "server-only";

import { cache } from "react";

import type { Prisma } from "@/generated/prisma/client";
import { CANDIDATES_PAGE_SIZE, type TCandidateListParams } from "@/lib/candidates/list-params";
import { db } from "@/lib/db";

// Above any character a name can continue with, so [word, word + END) holds exactly the keys
// that start with word (SQLite compares text as UTF-8 bytes, i.e. by code point).
const PREFIX_END = "\u{10FFFF}";

// Folds case as the search keys do (SQLite's lower(): ASCII letters only), so results match
// what a case-insensitive LIKE 'word%' found, accents compared as typed.
function searchKey(word: string) {
  return word.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

// Beyond this many matches a search is broad (one letter can match a fifth of all candidates):
// seeking the key indexes would fetch and sort every match for one page of 20, while walking
// the date index finds a page after a few dozen rows.
const BROAD_SEARCH_MATCHES = 2_000;

// Every word must start a first name, last name or email. As ranges on the indexed key columns
// (see schema.prisma) a search costs an index seek plus its matches, not a scan. As LIKE on the
// same keys the matches are the same (the keys and the words are already lowercase; LIKE folds
// ASCII case only), but SQLite cannot use the key indexes and walks the date index instead,
// which is what a broad search needs. Words with LIKE's wildcards always use ranges.
function searchFilter(q: string, shape: "range" | "like"): Prisma.CandidateWhereInput[] {
  return searchWords(q).map((word) => {
    const key = searchKey(word);
    const match = shape === "like" ? { startsWith: key } : { gte: key, lt: key + PREFIX_END };
    return { OR: [{ firstNameKey: match }, { lastNameKey: match }, { emailKey: match }] };
  });
}

function searchWords(q: string) {
  return q.split(/\s+/).filter(Boolean).slice(0, 5);
}

export async function listCandidates(params: TCandidateListParams) {
  const whereFor = (shape: "range" | "like"): Prisma.CandidateWhereInput => ({
    AND: [
      ...searchFilter(params.q, shape),
      ...(params.job ? [{ jobId: params.job }] : []),
      ...(params.stage ? [{ stage: params.stage }] : []),
    ],
  });
  const total = await db.candidate.count({ where: whereFor("range") });
  const isBroad = total > BROAD_SEARCH_MATCHES && !searchWords(params.q).some((word) => /[%_]/.test(word));
  const where = whereFor(isBroad ? "like" : "range");
  const rows = await db.candidate.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (params.page - 1) * CANDIDATES_PAGE_SIZE,
    take: CANDIDATES_PAGE_SIZE,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      stage: true,
      updatedAt: true,
      job: { select: { title: true } },
    },
  });
  return { total, rows, pages: Math.max(1, Math.ceil(total / CANDIDATES_PAGE_SIZE)) };
}

export type CandidateListRow = Awaited<ReturnType<typeof listCandidates>>["rows"][number];

export function listJobs() {
  return db.job.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true } });
}

// Once per request: the profile's generateMetadata and the page both ask for it.
export const getCandidate = cache((candidateId: string) =>
  db.candidate.findUnique({
    where: { id: candidateId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      phone: true,
      stage: true,
      source: true,
      notes: true,
      startDate: true,
      department: true,
      office: true,
      externalSource: true,
      externalId: true,
      createdAt: true,
      updatedAt: true,
      job: { select: { id: true, title: true, department: true, office: true } },
    },
  }),
);

export type CandidateProfile = NonNullable<Awaited<ReturnType<typeof getCandidate>>>;
