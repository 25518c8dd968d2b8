// The review form's default fields changed (hire date, department and office besides the job
// title): a fresh installation gets them, one set up before keeps the job title only, written down
// by a migration. Runs on SQLite, and on PostgreSQL in npm test's PostgreSQL run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFreshDatabase, migrationStatements } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { databaseProvider } from "@/lib/db/provider";
import { DEFAULT_FIELD_CONFIG, parseFieldConfig } from "@/lib/personio-fields/config";

const MIGRATION = "20261207120000_keep_field_choice_of_existing_installations";

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let db: PrismaClient;

async function runMigration() {
  for (const statement of migrationStatements(MIGRATION, databaseProvider(database.url))) {
    await db.$executeRawUnsafe(statement);
  }
}

async function storedConfig() {
  const row = await db.personioFieldConfig.findUnique({ where: { id: "personio" }, select: { fields: true } });
  return row ? parseFieldConfig(row.fields) : null;
}

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-field-defaults-${process.pid}`);
  db = createPrismaClient(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe("the field defaults' migration", () => {
  it("leaves a new database without a choice, so it gets the new defaults", async () => {
    expect(await storedConfig()).toBeNull();
    expect(DEFAULT_FIELD_CONFIG.fields.map((field) => field.key)).toEqual([
      "hireDate",
      "department",
      "office",
      "position",
    ]);
  });

  it("gives an installation set up before the job title only, and never overwrites an admin's choice", async () => {
    await db.installation.create({ data: { id: "installation", setupBy: "cli" } });
    await runMigration();
    expect(await storedConfig()).toEqual({ fields: [{ key: "position", source: "jobTitle" }] });

    const chosen = { fields: [{ key: "office", source: "jobOffice" }] };
    await db.personioFieldConfig.update({ where: { id: "personio" }, data: { fields: JSON.stringify(chosen) } });
    await runMigration();
    expect(await storedConfig()).toEqual(chosen);
  });
});
