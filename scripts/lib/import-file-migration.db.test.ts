// The parts of an import's file moved from a bytes column to hex text (see CandidateImportFileChunk
// in schema.prisma): a file uploaded before that migration must come through it byte for byte, so
// its import still runs. Runs on SQLite, and on PostgreSQL in npm test's PostgreSQL run.
import { afterAll, beforeAll, expect, it } from "vitest";

import { createFreshDatabase, migrationStatements } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { databaseProvider } from "@/lib/db/provider";

const TABLE_CREATED_IN = "20261130004222_candidates_import_and_api";
const TO_TEXT = "20261130072106_import_file_as_text";

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let db: PrismaClient;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-import-file-${process.pid}`);
  db = createPrismaClient(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

it("converts a file stored as bytes before the migration into the same bytes as hex", async () => {
  const provider = databaseProvider(database.url);
  // The table as the earlier migration made it, with the bytes column.
  await db.$executeRawUnsafe('DROP TABLE "CandidateImportFileChunk"');
  for (const statement of migrationStatements(TABLE_CREATED_IN, provider).filter((sql) =>
    sql.includes('"CandidateImportFileChunk"'),
  )) {
    await db.$executeRawUnsafe(statement);
  }
  const user = await db.user.create({
    data: { name: "Admin", email: "admin@example.com", passwordHash: "x", roleId: "admin" },
  });
  const upload = await db.candidateImport.create({
    data: {
      fileName: "alt.csv",
      fileSize: 4,
      fileSha256: "x",
      format: "csv",
      externalSource: "spreadsheet",
      headers: "[]",
      status: "UPLOADED",
      totalRows: 1,
      createdById: user.id,
    },
  });
  // Every byte value, as a Windows-1252 file or an .xlsx (a zip) holds them.
  const bytes = Buffer.from(Array.from({ length: 512 }, (_, index) => index % 256));
  await db.$executeRawUnsafe(
    provider === "postgresql"
      ? `INSERT INTO "CandidateImportFileChunk" ("importId", "index", "content") VALUES ($1, 0, decode($2, 'base64'))`
      : `INSERT INTO "CandidateImportFileChunk" ("importId", "index", "content") VALUES (?, 0, unhex(?))`,
    upload.id,
    provider === "postgresql" ? bytes.toString("base64") : bytes.toString("hex"),
  );

  for (const statement of migrationStatements(TO_TEXT, provider)) await db.$executeRawUnsafe(statement);

  const part = await db.candidateImportFileChunk.findUniqueOrThrow({
    where: { importId_index: { importId: upload.id, index: 0 } },
  });
  expect(part.content).toMatch(/^[0-9a-f]+$/);
  expect(Buffer.from(part.content, "hex").equals(bytes)).toBe(true);
});
