import "server-only";

import { cache } from "react";

import type { Prisma } from "@/generated/prisma/client";
import { CANDIDATES_PAGE_SIZE, type TCandidateListParams } from "@/lib/candidates/list-params";
import { countPrefixMatchesUpTo, searchCandidates } from "@/lib/candidates/search-query";
import { searchWords, type TSearchWord } from "@/lib/candidates/search-text";
import { db } from "@/lib/db";

// Above any character a name can continue with, so [word, word + END) holds exactly the keys
// that start with word (SQLite compares text as UTF-8 bytes, i.e. by code point; PostgreSQL's
// keys are COLLATE "C").
const PREFIX_END = "\u{10FFFF}";

// Beyond this many matches a prefix search is broad (one letter can match a fifth of all
// candidates): seeking the key indexes would fetch and sort every match for one page of 20,
// while walking the date index finds a page after a few dozen rows. Its matches are counted only
// this far: the list says "more than 2,000" and pages through the first 2,000.
export const BROAD_SEARCH_MATCHES = 2_000;

const LIST_SELECT = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  stage: true,
  createdAt: true,
  job: { select: { title: true } },
} satisfies Prisma.CandidateSelect;

// A short word (one or two letters) must start a first name, last name or email: ranges on
// the indexed, folded key columns (see schema.prisma). As LIKE on the same keys the matches
// are the same, but SQLite walks the date index instead, which is what a broad search needs.
function prefixFilter(word: TSearchWord, shape: "range" | "like"): Prisma.CandidateWhereInput {
  return {
    OR: word.forms.flatMap((form) => {
      const match = shape === "like" ? { startsWith: form } : { gte: form, lt: form + PREFIX_END };
      return [{ firstNameKey: match }, { lastNameKey: match }, { emailKey: match }];
    }),
  };
}

/**
 * The ids of up to `limit` candidates (newest first) the words find, as the list's search finds
 * them; null when the text holds no words to search for. For filters elsewhere (the audit log).
 */
export async function findCandidateIdsMatching(
  text: string,
  limit: number,
): Promise<{ ids: string[]; total: number } | null> {
  const words = searchWords(text);
  if (words.length === 0) return null;
  const longWords = words.filter((word) => !word.isShort);
  const shortWords = words.filter((word) => word.isShort);
  if (longWords.length > 0) {
    const { total, rows } = await searchCandidates({ longWords, shortWords, job: "", stage: "", skip: 0, limit });
    return { total, ids: rows.map((row) => row.id) };
  }
  const where = { AND: shortWords.map((word) => prefixFilter(word, "range")) };
  const [total, rows] = await Promise.all([
    db.candidate.count({ where }),
    db.candidate.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true },
    }),
  ]);
  return { total, ids: rows.map((row) => row.id) };
}

export async function listCandidates(params: TCandidateListParams) {
  const words = searchWords(params.q);
  const filters: Prisma.CandidateWhereInput[] = [
    ...(params.job ? [{ jobId: params.job }] : []),
    ...(params.stage ? [{ stage: params.stage }] : []),
  ];
  const longWords = words.filter((word) => !word.isShort);
  const shortWords = words.filter((word) => word.isShort);
  const skip = (params.page - 1) * CANDIDATES_PAGE_SIZE;

  if (longWords.length > 0) {
    // Any word of three letters or more is found inside names and emails through the trigram
    // index (raw SQL: Prisma has no MATCH or trigram operator); the rest filter those matches.
    const found = await searchCandidates({ longWords, shortWords, job: params.job, stage: params.stage, skip });
    const rows = found.rows.map(({ jobTitle, ...row }) => ({ ...row, job: { title: jobTitle } }));
    return {
      total: found.total,
      moreThanTotal: false,
      rows,
      pages: Math.max(1, Math.ceil(found.total / CANDIDATES_PAGE_SIZE)),
    };
  }

  const whereFor = (shape: "range" | "like"): Prisma.CandidateWhereInput => ({
    AND: [...shortWords.map((word) => prefixFilter(word, shape)), ...filters],
  });
  const unfiltered = shortWords.length === 0 && filters.length === 0;
  if (shortWords.length > 0) {
    const counted = await countPrefixMatchesUpTo(
      { shortWords, job: params.job, stage: params.stage },
      BROAD_SEARCH_MATCHES + 1,
    );
    const broad = counted > BROAD_SEARCH_MATCHES;
    const total = broad ? BROAD_SEARCH_MATCHES : counted;
    const pages = Math.max(1, Math.ceil(total / CANDIDATES_PAGE_SIZE));
    const rows = await db.candidate.findMany({
      where: whereFor(broad ? "like" : "range"),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      // A broad search pages through its first 2,000 matches only (its pages end there).
      skip: broad ? Math.min(skip, (pages - 1) * CANDIDATES_PAGE_SIZE) : skip,
      take: CANDIDATES_PAGE_SIZE,
      select: LIST_SELECT,
    });
    return { total, moreThanTotal: broad, rows, pages };
  }
  const total = unfiltered ? await countAllCandidates() : await db.candidate.count({ where: whereFor("range") });
  const rows = await db.candidate.findMany({
    where: whereFor("range"),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take: CANDIDATES_PAGE_SIZE,
    select: LIST_SELECT,
  });
  return { total, moreThanTotal: false, rows, pages: Math.max(1, Math.ceil(total / CANDIDATES_PAGE_SIZE)) };
}

// The list's first page, the page everyone opens: Prisma counts through a subquery, which keeps
// SQLite from its fast whole-table count (4 ms against 1 ms at 100k candidates).
async function countAllCandidates(): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ total: number | bigint }>>`SELECT COUNT(*) AS "total" FROM "Candidate"`;
  return Number(row?.total ?? 0);
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
