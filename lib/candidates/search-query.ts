import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { CANDIDATES_PAGE_SIZE } from "@/lib/candidates/list-params";
import type { TSearchWord } from "@/lib/candidates/search-text";
import { db } from "@/lib/db";
import { databaseProvider } from "@/lib/db/provider";
import { env } from "@/lib/env";

const PREFIX_END = "\u{10FFFF}";

type TSearchInput = {
  /** Words of three letters or more: found anywhere in names and emails, by trigram index. */
  longWords: TSearchWord[];
  /** One- or two-letter words: must start a first name, last name or email. */
  shortWords: TSearchWord[];
  job: string;
  stage: string;
  skip: number;
  /** Ids per page; the list's page size unless given. */
  limit?: number;
};

// FTS5 query: each word a quoted string (with the trigram tokenizer, a substring), its forms
// OR-ed, the words AND-ed: ("muller" OR "mueller") AND "anna". Quotes inside are doubled.
function ftsQuery(words: TSearchWord[]): string {
  return words
    .map((word) => `(${word.forms.map((form) => `"${form.replaceAll('"', '""')}"`).join(" OR ")})`)
    .join(" AND ");
}

function likeContains(form: string): string {
  return `%${form.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function prefixCondition(word: TSearchWord): Prisma.Sql {
  const ranges = word.forms.flatMap((form) =>
    (["firstNameKey", "lastNameKey", "emailKey"] as const).map(
      (column) =>
        Prisma.sql`(c.${Prisma.raw(`"${column}"`)} >= ${form} AND c.${Prisma.raw(`"${column}"`)} < ${form + PREFIX_END})`,
    ),
  );
  return Prisma.sql`(${Prisma.join(ranges, " OR ")})`;
}

type TPrefixInput = Pick<TSearchInput, "shortWords" | "job" | "stage">;

// The short words as key prefixes, and the job and stage filters: the part of a search both the
// page and the capped count apply.
function prefixAndFilterConditions(input: TPrefixInput): Prisma.Sql[] {
  const conditions = input.shortWords.map(prefixCondition);
  if (input.job) conditions.push(Prisma.sql`c."jobId" = ${input.job}`);
  if (input.stage) conditions.push(Prisma.sql`c."stage" = ${input.stage}`);
  return conditions;
}

/** One row of the list, as the list shows it. */
export type TSearchRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  stage: string;
  createdAt: Date;
  jobTitle: string;
};

// The list's columns with the job's title, read with the matches: a second query for the rows
// by id (and a third for their jobs) cost more than the search itself on a narrow match.
const ROW_COLUMNS = Prisma.sql`c."id", c."firstName", c."lastName", c."email", c."stage", c."createdAt", j."title" AS "jobTitle"`;
const FROM_CANDIDATES = Prisma.sql`FROM "Candidate" c JOIN "Job" j ON j."id" = c."jobId"`;

/**
 * How many candidates the one- and two-letter words (and the job and stage filters) find,
 * counted up to `upTo`. One letter starts a fifth of all names: counting every match took
 * 5 ms on SQLite and 36 ms on PostgreSQL at 100k candidates (a scan), for a total that the
 * list shows as "more than 2,000" anyway.
 */
export async function countPrefixMatchesUpTo(input: TPrefixInput, upTo: number): Promise<number> {
  const conditions = prefixAndFilterConditions(input);
  const where = conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`1 = 1`;
  const [row] = await db.$queryRaw<Array<{ total: number | bigint }>>(
    Prisma.sql`SELECT COUNT(*) AS "total" FROM (SELECT 1 FROM "Candidate" c WHERE ${where} LIMIT ${upTo}) AS "matches"`,
  );
  return Number(row?.total ?? 0);
}

// One page of matches, newest first, and how many match in all. The same filters as the
// Prisma query in queries.ts, with the substring words through each database's own index:
// SQLite's FTS5 trigram table "CandidateSearch", PostgreSQL's pg_trgm GIN index on searchText.
export async function searchCandidates(input: TSearchInput): Promise<{ total: number; rows: TSearchRow[] }> {
  const postgres = databaseProvider(env.DATABASE_URL) === "postgresql";
  const conditions: Prisma.Sql[] = [];
  if (postgres) {
    for (const word of input.longWords) {
      conditions.push(
        Prisma.sql`(${Prisma.join(
          word.forms.map((form) => Prisma.sql`c."searchText" LIKE ${likeContains(form)}`),
          " OR ",
        )})`,
      );
    }
  } else {
    conditions.push(
      Prisma.sql`c."id" IN (SELECT "candidateId" FROM "CandidateSearch" WHERE "CandidateSearch" MATCH ${ftsQuery(input.longWords)})`,
    );
  }
  conditions.push(...prefixAndFilterConditions(input));
  const where = Prisma.join(conditions, " AND ");
  const limit = input.limit ?? CANDIDATES_PAGE_SIZE;
  const count = async () =>
    Number(
      (
        await db.$queryRaw<Array<{ total: number | bigint }>>(
          Prisma.sql`SELECT COUNT(*) AS "total" FROM "Candidate" c WHERE ${where}`,
        )
      )[0]?.total ?? 0,
    );

  if (postgres) {
    // The count and the page at once, on two of the pool's connections.
    const [total, rows] = await Promise.all([
      count(),
      db.$queryRaw<TSearchRow[]>(
        Prisma.sql`SELECT ${ROW_COLUMNS} ${FROM_CANDIDATES} WHERE ${where} ORDER BY c."createdAt" DESC, c."id" DESC LIMIT ${limit} OFFSET ${input.skip}`,
      ),
    ]);
    return { total, rows };
  }
  // SQLite's driver runs one statement after the other: one pass over the matches gives both
  // the page and the total (a window count), so the trigram search runs once, not twice. The
  // pass sorts only ids and dates; the page's 20 rows are read by id afterwards (sorting the
  // matches with all their columns took half as long again: 3.4 against 2.6 ms for "ller" at 100k).
  const page = await db.$queryRaw<Array<TSearchRow & { total: number | bigint }>>(
    Prisma.sql`SELECT ${ROW_COLUMNS}, p."total"
      FROM (SELECT c."id", c."createdAt", COUNT(*) OVER () AS "total" FROM "Candidate" c WHERE ${where}
            ORDER BY c."createdAt" DESC, c."id" DESC LIMIT ${limit} OFFSET ${input.skip}) p
      JOIN "Candidate" c ON c."id" = p."id" JOIN "Job" j ON j."id" = c."jobId"
      ORDER BY p."createdAt" DESC, p."id" DESC`,
  );
  const rows = page.map(({ total: _total, ...row }) => row);
  if (page.length > 0 || input.skip === 0) return { total: Number(page[0]?.total ?? 0), rows };
  // A page past the last one has no row to carry the total: count on its own.
  return { total: await count(), rows: [] };
}
