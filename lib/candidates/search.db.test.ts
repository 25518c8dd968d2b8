// Search on the real database: SQLite's FTS5 trigram table, or PostgreSQL's pg_trgm index in
// npm test's PostgreSQL run (HANDOFF_TEST_DATABASE_URL). Through listCandidates, as the list
// page calls it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { backfillCandidateSearch } from "@/lib/candidates/search-backfill";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";

type QueriesModule = typeof import("@/lib/candidates/queries");

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let queries: QueriesModule;
let jobId: string;
let otherJobId: string;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-search-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.doMock("@/lib/db", () => ({ db: client }));
  vi.doMock("@/lib/env", () => ({ env: { DATABASE_URL: database.url } }));
  queries = await import("@/lib/candidates/queries");
  jobId = (await client.job.create({ data: { title: "Engineer", department: "R&D", office: "Berlin" } })).id;
  otherJobId = (await client.job.create({ data: { title: "Designer", department: "Design", office: "Munich" } })).id;
  const people = [
    ["Jürgen", "Müller", "jurgen.muller@example.com", jobId],
    ["Ayşe", "Öztürk", "ayse.ozturk@example.com", jobId],
    ["Alexander", "Bergmann", "alexander.bergmann@example.com", otherJobId],
    ["Anna", "Mueller", "anna.mueller@example.org", otherJobId],
    ["Søren", "Weiß", "soren.weiss@example.net", jobId],
    ["Percent", "Sign", "per_cent%@example.com", jobId],
  ] as const;
  for (const [index, [firstName, lastName, email, job]] of people.entries()) {
    await client.candidate.create({
      data: {
        firstName,
        lastName,
        email,
        jobId: job,
        stage: "HIRED",
        createdAt: new Date(Date.UTC(2026, 0, 1 + index)),
      },
    });
  }
});

afterAll(async () => {
  vi.doUnmock("@/lib/db");
  vi.doUnmock("@/lib/env");
  await client.$disconnect();
  await database.drop();
});

async function names(q: string, extra: { job?: string; stage?: string } = {}) {
  const result = await queries.listCandidates({ q, job: extra.job ?? "", stage: (extra.stage ?? "") as "", page: 1 });
  expect(result.total).toBe(result.rows.length);
  return result.rows.map((row) => `${row.firstName} ${row.lastName}`);
}

describe("candidate search", () => {
  it("gives each match the columns the list shows, as the unfiltered list gives them", async () => {
    const [found] = (await queries.listCandidates({ q: "bergmann", job: "", stage: "", page: 1 })).rows;
    const listed = (await queries.listCandidates({ q: "", job: "", stage: "", page: 1 })).rows.find(
      (row) => row.id === found?.id,
    );
    expect(found).toEqual({
      id: expect.any(String),
      firstName: "Alexander",
      lastName: "Bergmann",
      email: "alexander.bergmann@example.com",
      stage: "HIRED",
      createdAt: new Date(Date.UTC(2026, 0, 3)),
      job: { title: "Designer" },
    });
    expect(found).toEqual(listed);
  });

  it("ignores case, accents and umlaut spellings", async () => {
    expect(await names("muller")).toEqual(["Jürgen Müller"]);
    expect(await names("MÜLLER")).toEqual(["Anna Mueller", "Jürgen Müller"]);
    expect(await names("mueller")).toEqual(["Anna Mueller", "Jürgen Müller"]);
    expect(await names("ozturk")).toEqual(["Ayşe Öztürk"]);
    expect(await names("ÖZTÜRK")).toEqual(["Ayşe Öztürk"]);
    expect(await names("weiss")).toEqual(["Søren Weiß"]);
    expect(await names("soeren")).toEqual(["Søren Weiß"]);
  });

  it("finds inside names and emails, newest first", async () => {
    expect(await names("ller")).toEqual(["Anna Mueller", "Jürgen Müller"]);
    expect(await names("bergmann@")).toEqual(["Alexander Bergmann"]);
    expect(await names("example.org")).toEqual(["Anna Mueller"]);
    expect(await names("anna mueller")).toEqual(["Anna Mueller"]);
  });

  it("treats LIKE's wildcards and quotes as letters", async () => {
    expect(await names("per_cent%")).toEqual(["Percent Sign"]);
    expect(await names("n_muller")).toEqual([]); // "_" would match the "." of jurgen.muller as a wildcard
    expect(await names('"ller')).toEqual([]);
  });

  it("matches one or two letters as the start of a name or email", async () => {
    expect(await names("ö")).toEqual(["Ayşe Öztürk"]);
    expect(await names("mu")).toEqual(["Anna Mueller", "Jürgen Müller"]);
    expect(await names("ll")).toEqual([]);
    expect(await names("ll mu")).toEqual([]);
    expect(await names("an ller")).toEqual(["Anna Mueller"]);
  });

  it("combines with the job and stage filters", async () => {
    expect(await names("ller", { job: jobId })).toEqual(["Jürgen Müller"]);
    expect(await names("ller", { stage: "OFFER" })).toEqual([]);
  });

  it("counts every match whichever page is asked for, past the last one too", async () => {
    const many = Array.from({ length: 25 }, (_, index) => ({
      firstName: "Paging",
      lastName: `Zebrafinch${String(index).padStart(2, "0")}`,
      email: `paging.${index}@example.com`,
      jobId,
      stage: "APPLIED",
      createdAt: new Date(Date.UTC(2025, 5, 1 + index)),
    }));
    for (const data of many) await client.candidate.create({ data });
    const page = (number: number) => queries.listCandidates({ q: "zebrafinch", job: "", stage: "", page: number });
    const first = await page(1);
    expect(first.total).toBe(25);
    expect(first.pages).toBe(2);
    expect(first.rows[0]?.lastName).toBe("Zebrafinch24");
    const second = await page(2);
    expect(second.total).toBe(25);
    expect(second.rows.map((row) => row.lastName)).toEqual([
      "Zebrafinch04",
      "Zebrafinch03",
      "Zebrafinch02",
      "Zebrafinch01",
      "Zebrafinch00",
    ]);
    const beyond = await page(3);
    expect(beyond).toMatchObject({ total: 25, pages: 2, rows: [] });
    // Without words or filters the total is every candidate (counted without Prisma's subquery).
    const everyone = await queries.listCandidates({ q: "", job: "", stage: "", page: 1 });
    expect(everyone.total).toBe(await client.candidate.count());
    expect(everyone.total).toBeGreaterThan(25);
    await client.candidate.deleteMany({ where: { firstName: "Paging" } });
  });

  it("counts a broad one- or two-letter search up to 2,000 and pages through those", async () => {
    const broad = Array.from({ length: queries.BROAD_SEARCH_MATCHES + 10 }, (_, index) => ({
      firstName: "Broad",
      lastName: `Qx${String(index).padStart(4, "0")}`,
      email: `broad.${index}@example.com`,
      jobId,
      stage: "APPLIED",
      createdAt: new Date(Date.UTC(2024, 0, 1) + index * 60_000),
    }));
    await client.candidate.createMany({ data: broad });
    const first = await queries.listCandidates({ q: "qx", job: "", stage: "", page: 1 });
    expect(first).toMatchObject({ total: 2_000, moreThanTotal: true, pages: 100 });
    expect(first.rows.map((row) => row.lastName).slice(0, 2)).toEqual(["Qx2009", "Qx2008"]);
    // Past the 2,000th match the list stays on its last page.
    const past = await queries.listCandidates({ q: "qx", job: "", stage: "", page: 150 });
    expect(past.rows[0]?.lastName).toBe("Qx0029");
    // Narrowed below the cap, the count is exact again.
    const narrow = await queries.listCandidates({ q: "qx", job: otherJobId, stage: "", page: 1 });
    expect(narrow).toMatchObject({ total: 0, moreThanTotal: false, rows: [] });
    expect((await queries.listCandidates({ q: "ju", job: "", stage: "", page: 1 })).moreThanTotal).toBe(false);
    await client.candidate.deleteMany({ where: { firstName: "Broad" } });
  });

  it("follows a change of name and a deletion", async () => {
    const candidate = await client.candidate.create({
      data: { firstName: "Zoë", lastName: "Brontë", email: "zoe.bronte@example.com", jobId, stage: "OFFER" },
    });
    expect(await names("bronte")).toEqual(["Zoë Brontë"]);
    await client.candidate.update({
      where: { id: candidate.id },
      data: { firstName: "Zoë", lastName: "Gärtner", email: "zoe.gaertner@example.com" },
    });
    expect(await names("bronte")).toEqual([]);
    expect(await names("gartner")).toEqual(["Zoë Gärtner"]);
    await expect(
      client.candidate.update({ where: { id: candidate.id }, data: { lastName: "Brontë" } }),
    ).rejects.toThrow(/together/);
    await client.candidate.delete({ where: { id: candidate.id } });
    expect(await names("gartner")).toEqual([]);
  });

  it("fills rows written without their search text (raw SQL, rows from before the migration)", async () => {
    await client.$executeRaw`INSERT INTO "Candidate" ("id", "firstName", "lastName", "email", "jobId", "stage", "createdAt", "updatedAt")
      VALUES ('raw-row-1', 'Björn', 'Ångström', 'bjorn@example.com', ${jobId}, 'HIRED', ${new Date(Date.UTC(2025, 0, 1))}, ${new Date(Date.UTC(2025, 0, 1))})`;
    expect(await names("angstrom")).toEqual([]);
    expect(await backfillCandidateSearch(client)).toBe(1);
    expect(await names("angstrom")).toEqual(["Björn Ångström"]);
    const row = await client.candidate.findUniqueOrThrow({ where: { id: "raw-row-1" }, select: { updatedAt: true } });
    expect(row.updatedAt.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(await backfillCandidateSearch(client)).toBe(0);
  });
});
