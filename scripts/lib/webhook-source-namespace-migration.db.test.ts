// Each webhook source got its own namespace of external ids (WebhookSource.externalSource):
// sources and candidates stored before that migration must come through it with every match
// kept. Runs on SQLite, and on PostgreSQL in npm test's PostgreSQL run.
import { afterAll, beforeAll, expect, it } from "vitest";

import { createFreshDatabase, migrationStatements } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { databaseProvider } from "@/lib/db/provider";

const TABLES_CREATED_IN = "20261130014500_webhook_sources";
const NAMESPACES = "20261207002600_webhook_source_namespace";

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let db: PrismaClient;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-source-namespace-${process.pid}`);
  db = createPrismaClient(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

it("keeps the oldest source of a vendor under the vendor's name and moves later sources' candidates to their own", async () => {
  const provider = databaseProvider(database.url);
  const placeholders = (count: number) =>
    Array.from({ length: count }, (_, index) => (provider === "postgresql" ? `$${index + 1}` : "?")).join(", ");
  // The two tables as the earlier migration made them, without the namespace column.
  await db.$executeRawUnsafe('DROP TABLE "WebhookDelivery"');
  await db.$executeRawUnsafe('DROP TABLE "WebhookSource"');
  for (const statement of migrationStatements(TABLES_CREATED_IN, provider).filter(
    (sql) => /"Webhook(Source|Delivery)"/.test(sql) && !sql.includes('"WebhookReplayKey"'),
  )) {
    await db.$executeRawUnsafe(statement);
  }
  const sources = [
    ["src-gh-1", "greenhouse", "2026-01-01T00:00:00.000Z"],
    ["src-gh-2", "greenhouse", "2026-02-01T00:00:00.000Z"],
    ["src-gh-3", "greenhouse", "2026-03-01T00:00:00.000Z"],
    ["src-ashby", "ashby", "2026-01-15T00:00:00.000Z"],
    ["src-own", "handoff", "2026-01-20T00:00:00.000Z"],
  ];
  for (const [id, kind, createdAt] of sources) {
    await db.$executeRawUnsafe(
      `INSERT INTO "WebhookSource" ("id", "kind", "name", "pathToken", "secretEncrypted", "createdAt", "updatedAt") VALUES (${placeholders(7)})`,
      id,
      kind,
      kind,
      `path-${id}`,
      "x",
      provider === "postgresql" ? new Date(createdAt!) : createdAt,
      provider === "postgresql" ? new Date(createdAt!) : createdAt,
    );
  }
  await db.role.upsert({ where: { id: "admin" }, create: { id: "admin", name: "Admin" }, update: {} });
  const job = await db.job.create({ data: { title: "Developer", department: "", office: "" } });
  const candidate = (externalSource: string, externalId: string) =>
    db.candidate.create({
      data: {
        firstName: "A",
        lastName: externalId,
        email: `${externalId}@example.com`,
        jobId: job.id,
        stage: "HIRED",
        externalSource,
        externalId,
      },
    });
  const fromFirst = await candidate("greenhouse", "100");
  const fromSecond = await candidate("greenhouse", "200");
  const imported = await candidate("greenhouse", "300"); // a spreadsheet import that named the vendor
  const fromAshby = await candidate("ashby", "100");
  const fromOwn = await candidate("handoff.src-own", "100");
  const deliveries = [
    ["d1", "src-gh-1", "created", fromFirst.id],
    ["d2", "src-gh-2", "created", fromSecond.id],
    ["d3", "src-gh-1", "updated", fromSecond.id], // the first source rewrote it later: the creator decides
    ["d4", "src-ashby", "created", fromAshby.id],
    ["d5", "src-own", "created", fromOwn.id],
  ];
  for (const [id, sourceId, outcome, candidateId] of deliveries) {
    await db.$executeRawUnsafe(
      `INSERT INTO "WebhookDelivery" ("id", "sourceId", "outcome", "candidateId") VALUES (${placeholders(4)})`,
      id,
      sourceId,
      outcome,
      candidateId,
    );
  }

  for (const statement of migrationStatements(NAMESPACES, provider)) await db.$executeRawUnsafe(statement);

  const namespaces = Object.fromEntries(
    (await db.webhookSource.findMany({ select: { id: true, externalSource: true } })).map((row) => [
      row.id,
      row.externalSource,
    ]),
  );
  expect(namespaces).toEqual({
    "src-gh-1": "greenhouse",
    "src-gh-2": "greenhouse-2",
    "src-gh-3": "greenhouse-3",
    "src-ashby": "ashby",
    "src-own": "handoff.src-own",
  });
  const keyOf = async (id: string) => {
    const row = await db.candidate.findUniqueOrThrow({
      where: { id },
      select: { externalSource: true, externalId: true },
    });
    return `${row.externalSource}/${row.externalId}`;
  };
  expect(await keyOf(fromFirst.id)).toBe("greenhouse/100");
  expect(await keyOf(fromSecond.id)).toBe("greenhouse-2/200");
  expect(await keyOf(imported.id)).toBe("greenhouse/300");
  expect(await keyOf(fromAshby.id)).toBe("ashby/100");
  expect(await keyOf(fromOwn.id)).toBe("handoff.src-own/100");
  // The deliveries still belong to their sources (the SQLite table was rebuilt under them).
  expect(await db.webhookDelivery.count({ where: { sourceId: "src-gh-1" } })).toBe(2);
});
