// The audit log's actions were renamed to one scheme (lib/audit-log/actions.ts). Entries stored
// under the earlier names must come through the migration as members of the typed list, with
// details of their action's shape, so the page describes them and the category filter finds
// them. Runs on SQLite, and on PostgreSQL in npm test's PostgreSQL run.
import { afterAll, beforeAll, expect, it } from "vitest";

import { createFreshDatabase, migrationStatements } from "@/e2e/support/test-database";
import { isAuditAction, ZAuditEntry } from "@/lib/audit-log/actions";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { databaseProvider } from "@/lib/db/provider";

const RENAME = "20261207000000_audit_action_names";

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let db: PrismaClient;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-audit-names-${process.pid}`);
  db = createPrismaClient(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

it("renames the actions and details stored before the typed list, and nothing else", async () => {
  // Rows as the earlier code wrote them (JSON.stringify, as lib/audit.ts did).
  const stored = [
    { action: "candidates.import-start", details: { fileName: "hires.csv", externalSource: "spreadsheet" } },
    {
      action: "candidates.import",
      details: { fileName: "hires.csv", rows: 2, created: 1, updated: 1, unchanged: 0, rejected: 0, keptInPersonio: 0 },
    },
    { action: "job.create", details: { via: "app" } },
    { action: "job.rename", details: { via: "app", fields: ["title"], from: "app", to: "App" } },
    { action: "job.update", details: { via: "api", apiKeyId: "k1", fields: ["office"] } },
    { action: "candidate.create", details: { via: "api", apiKeyId: "k1", externalSource: "app" } },
    { action: "handoff.send", details: { code: "timeout", field: null, outcomeUnknown: true } },
  ];
  await db.auditLog.createMany({
    data: stored.map((row) => ({
      actorId: null,
      action: row.action,
      outcome: "success",
      details: JSON.stringify(row.details),
    })),
  });

  for (const statement of migrationStatements(RENAME, databaseProvider(database.url)))
    await db.$executeRawUnsafe(statement);

  const rows = await db.auditLog.findMany({ orderBy: { id: "asc" }, select: { action: true, details: true } });
  const byAction = new Map(rows.map((row) => [row.action, JSON.parse(row.details ?? "null") as unknown]));
  expect([...byAction.keys()].sort()).toEqual(
    ["candidate.create", "handoff.send", "import.run", "import.start", "job.create", "job.rename", "job.update"].sort(),
  );
  expect(byAction.get("job.create")).toEqual({ via: "screen" });
  // Only the "via" pair: a title that happens to be "app" stays.
  expect(byAction.get("job.rename")).toEqual({ via: "screen", fields: ["title"], from: "app", to: "App" });
  expect(byAction.get("job.update")).toEqual({ via: "api", apiKeyId: "k1", fields: ["office"] });
  expect(byAction.get("candidate.create")).toEqual({ via: "api", apiKeyId: "k1", externalSource: "app" });
  for (const row of rows) {
    expect(isAuditAction(row.action), row.action).toBe(true);
    const entry = { actorId: null, outcome: "success", action: row.action, details: JSON.parse(row.details!) };
    expect(ZAuditEntry.safeParse(entry).error, row.action).toBeUndefined();
  }
});
