// Limits counted in the database hold when attempts arrive together. On PostgreSQL, two Prisma
// clients (two connection pools) stand for two app instances; on SQLite one client serves both,
// as in send-once-claim.db.test.ts. Runs on PostgreSQL in npm test's PostgreSQL run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { databaseProvider } from "@/lib/db/provider";
import { createDatabaseLimiter } from "@/lib/rate-limit";

const isPostgres = databaseProvider(process.env.HANDOFF_TEST_DATABASE_URL ?? "file:") === "postgresql";
let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let clients: PrismaClient[];

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-rate-limit-${process.pid}`);
  const first = createPrismaClient(database.url);
  clients = [first, isPostgres ? createPrismaClient(database.url) : first];
});

afterAll(async () => {
  await Promise.all([...new Set(clients)].map((client) => client.$disconnect()));
  await database.drop();
});

describe(`limits counted in the database (${isPostgres ? "PostgreSQL, two clients" : "SQLite"})`, () => {
  it("30 simultaneous attempts over two instances: exactly 5 allowed", async () => {
    const rule = { name: "test-burst", points: 5, windowSeconds: 60 };
    const instances = clients.map((client) => createDatabaseLimiter(client, rule));
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, index) => instances[index % 2]!.take("ada@example.com")),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(5);
    const row = await clients[0]!.rateLimitCounter.findUnique({ where: { key: "test-burst:ada@example.com" } });
    expect(row?.points).toBe(30);
    // Another key has its own count.
    expect((await instances[0]!.take("bob@example.com")).allowed).toBe(true);
  });

  it("a new limiter (a restarted process) sees the same count", async () => {
    const rule = { name: "test-restart", points: 3, windowSeconds: 60 };
    const before = createDatabaseLimiter(clients[0]!, rule);
    for (let index = 0; index < 3; index += 1) expect((await before.take("key")).allowed).toBe(true);
    const after = createDatabaseLimiter(clients[1]!, rule);
    expect((await after.take("key")).allowed).toBe(false);
  });

  it("gives an attempt back, and a new window starts with a new count", async () => {
    const rule = { name: "test-window", points: 2, windowSeconds: 1 };
    const limiter = createDatabaseLimiter(clients[0]!, rule);
    expect((await limiter.take("key")).allowed).toBe(true);
    await limiter.giveBack("key");
    expect((await limiter.take("key")).allowed).toBe(true);
    expect((await limiter.take("key")).allowed).toBe(true);
    const refused = await limiter.take("key");
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs + 50));
    expect((await limiter.take("key")).allowed).toBe(true);
  });

  it("stores a long key (what a visitor typed) as its hash", async () => {
    const limiter = createDatabaseLimiter(clients[0]!, { name: "test-long", points: 1, windowSeconds: 60 });
    const long = `${"a".repeat(5000)}@example.com`;
    expect((await limiter.take(long)).allowed).toBe(true);
    expect((await limiter.take(long)).allowed).toBe(false);
    const rows = await clients[0]!.rateLimitCounter.findMany({ where: { key: { startsWith: "test-long:" } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key.length).toBeLessThan(100);
  });
});
