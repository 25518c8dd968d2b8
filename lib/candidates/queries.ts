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

// Every word must start a first name, last name or email. Each is a range on an indexed key
// column (see schema.prisma), so a search costs an index seek plus its matches, not a scan.
function searchFilter(q: string): Prisma.CandidateWhereInput[] {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5)
    .map((word) => {
      const range = { gte: searchKey(word), lt: searchKey(word) + PREFIX_END };
      return { OR: [{ firstNameKey: range }, { lastNameKey: range }, { emailKey: range }] };
    });
}

export async function listCandidates(params: TCandidateListParams) {
  const where: Prisma.CandidateWhereInput = {
    AND: [
      ...searchFilter(params.q),
      ...(params.job ? [{ jobId: params.job }] : []),
      ...(params.stage ? [{ stage: params.stage }] : []),
    ],
  };
  const [total, rows] = await Promise.all([
    db.candidate.count({ where }),
    db.candidate.findMany({
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
    }),
  ]);
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
      createdAt: true,
      updatedAt: true,
      job: { select: { id: true, title: true, department: true, office: true } },
    },
  }),
);

export type CandidateProfile = NonNullable<Awaited<ReturnType<typeof getCandidate>>>;
