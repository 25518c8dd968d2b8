// Imports queued or running when the background runner is installed become background jobs
// (the runner's lease replaced CandidateImport.leaseUntil), so they go on after the upgrade. The
// migration's INSERT is run here on imports in every state. Runs on SQLite, and on PostgreSQL
// in npm test's PostgreSQL run.
import { afterAll, beforeAll, expect, it } from "vitest";

import { createFreshDatabase, migrationStatements } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { databaseProvider } from "@/lib/db/provider";

const MIGRATION = "20261209000000_background_jobs";

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let db: PrismaClient;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-background-migration-${process.pid}`);
  db = createPrismaClient(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

it("queues one import job per import that was waiting or running, due at once, and none for the others", async () => {
  const createdAt = new Date("2026-12-01T08:00:00.000Z");
  for (const status of ["UPLOADED", "QUEUED", "RUNNING", "DONE", "FAILED"]) {
    await db.candidateImport.create({
      data: {
        id: `import-${status.toLowerCase()}`,
        fileName: "a.csv",
        fileSize: 1,
        fileSha256: "0",
        format: "csv",
        externalSource: "spreadsheet",
        headers: "[]",
        status,
        createdAt,
      },
    });
  }
  const inserts = migrationStatements(MIGRATION, databaseProvider(database.url)).filter((sql) =>
    sql.startsWith('INSERT INTO "BackgroundJob"'),
  );
  expect(inserts).toHaveLength(1);
  await db.$executeRawUnsafe(inserts[0]!);

  const jobs = await db.backgroundJob.findMany({ orderBy: { key: "asc" } });
  expect(jobs.map((job) => [job.kind, job.key, JSON.parse(job.payload), job.status, job.attempts])).toEqual([
    ["import", "import-queued", { importId: "import-queued" }, "QUEUED", 0],
    ["import", "import-running", { importId: "import-running" }, "QUEUED", 0],
  ]);
  // Stored as Prisma stores dates, so the runner's claim (runAfter ≤ now) finds them.
  expect(jobs.every((job) => job.runAfter.getTime() === createdAt.getTime())).toBe(true);
  expect(await db.backgroundJob.count({ where: { status: "QUEUED", runAfter: { lte: new Date() } } })).toBe(2);
});
