// Send-once is a database fact. On PostgreSQL, two Prisma clients (two connection pools) stand
// for two app instances; on SQLite, whose driver is synchronous (two connections in one process
// would wait on each other's locks while blocking the event loop), both instances share one
// client, as requests in one app do. Runs on SQLite, and on PostgreSQL in npm test's PostgreSQL
// run (HANDOFF_TEST_DATABASE_URL); the two-process case is e2e/reliability/concurrency.spec.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { databaseProvider } from "@/lib/db/provider";

type ClaimModule = typeof import("@/lib/handoff/claim");

// claim.ts uses the app's `db`; each "instance" loads its own copy bound to its own client.
async function loadInstance(client: PrismaClient): Promise<ClaimModule> {
  vi.resetModules();
  vi.doMock("@/lib/db", () => ({ db: client }));
  const instance = await import("@/lib/handoff/claim");
  vi.doUnmock("@/lib/db");
  return instance;
}

const isPostgres = databaseProvider(process.env.HANDOFF_TEST_DATABASE_URL ?? "file:") === "postgresql";
let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let clients: PrismaClient[];
let instances: ClaimModule[];

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-claim-${process.pid}`);
  const first = createPrismaClient(database.url);
  clients = [first, isPostgres ? createPrismaClient(database.url) : first];
  instances = [await loadInstance(clients[0]!), await loadInstance(clients[1]!)];
});

afterAll(async () => {
  await Promise.all([...new Set(clients)].map((client) => client.$disconnect()));
  await database.drop();
});

async function createCandidate() {
  const suffix = Math.random().toString(36).slice(2, 10);
  const job = await clients[0]!.job.create({ data: { title: "Engineer", department: "R&D", office: "Berlin" } });
  return clients[0]!.candidate.create({
    data: {
      firstName: "Ada",
      lastName: `Claim-${suffix}`,
      email: `ada.${suffix}@example.com`,
      stage: "HIRED",
      jobId: job.id,
    },
  });
}

async function claimConcurrently(candidateId: string, attempts: number, options?: { knownAbsent?: boolean }) {
  const results = await Promise.all(
    Array.from({ length: attempts }, (_, index) =>
      instances[index % instances.length]!.claimHandoff(candidateId, 60_000, options),
    ),
  );
  return results.filter((result) => "claimToken" in result);
}

describe(`send-once claim, two instances (${isPostgres ? "PostgreSQL, two clients" : "SQLite, one client"})`, () => {
  it("the instances are separate module copies, on separate clients on PostgreSQL", () => {
    expect(instances[0]).not.toBe(instances[1]);
    expect(database.url.startsWith(isPostgres ? "postgresql://" : "file:")).toBe(true);
    if (isPostgres) expect(clients[0]).not.toBe(clients[1]);
  });

  it("50 simultaneous first claims → exactly one wins, one row", async () => {
    const candidate = await createCandidate();
    const winners = await claimConcurrently(candidate.id, 50);
    expect(winners).toHaveLength(1);
    const rows = await clients[1]!.handoff.findMany({ where: { candidateId: candidate.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "SENDING", claimToken: winners[0]!.claimToken, attempts: 1 });
  });

  it("50 simultaneous first claims that each read no row before (knownAbsent) → exactly one wins, the others refused", async () => {
    const candidate = await createCandidate();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        instances[index % instances.length]!.claimHandoff(candidate.id, 60_000, { knownAbsent: true }),
      ),
    );
    const winners = results.filter((result) => "claimToken" in result);
    expect(winners).toHaveLength(1);
    expect(results.filter((result) => "reason" in result && result.reason === "in_progress")).toHaveLength(49);
    expect(await clients[1]!.handoff.count({ where: { candidateId: candidate.id } })).toBe(1);
  });

  it("50 simultaneous retries of a failed send → exactly one takes it over", async () => {
    const candidate = await createCandidate();
    const [first] = await claimConcurrently(candidate.id, 1);
    await instances[0]!.releaseClaim(candidate.id, first!.claimToken, { code: "personio_unavailable" });

    const winners = await claimConcurrently(candidate.id, 50);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.previous).toEqual({ status: "FAILED", lastErrorCode: "personio_unavailable" });
    const row = await clients[1]!.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } });
    expect(row).toMatchObject({ status: "SENDING", claimToken: winners[0]!.claimToken, attempts: 2 });
  });

  it("a completed send refuses every later claim as already sent", async () => {
    const candidate = await createCandidate();
    const role = await clients[0]!.role.upsert({
      where: { id: "recruiter" },
      create: { id: "recruiter", name: "Recruiter" },
      update: {},
    });
    const sender = await clients[0]!.user.create({
      data: { name: "Rita", email: `rita.${candidate.id}@example.com`, passwordHash: "x", roleId: role.id },
    });
    const [claim] = await claimConcurrently(candidate.id, 1);
    expect(claim).toBeDefined();
    await instances[1]!.completeClaim(candidate.id, {
      status: "SENT",
      personioEmployeeId: 42,
      personioSubdomain: "acme",
      sentById: sender.id,
      sentFields: null,
    });
    const refusals = await Promise.all(instances.map((instance) => instance.claimHandoff(candidate.id, 60_000)));
    expect(refusals).toEqual([{ reason: "already_sent" }, { reason: "already_sent" }]);
    // The claim and its completion are plain SQL: Prisma reads back what its model queries write.
    const row = await clients[0]!.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } });
    expect(row).toMatchObject({
      status: "SENT",
      personioEmployeeId: 42,
      personioSubdomain: "acme",
      sentById: sender.id,
      attempts: 1,
      version: 0,
      automaticRuleId: null,
      personioWarnings: null,
      lastErrorCode: null,
    });
    for (const at of [row.claimedAt, row.sentAt, row.createdAt, row.updatedAt]) {
      expect(at).toBeInstanceOf(Date);
      expect(Math.abs(at!.getTime() - Date.now())).toBeLessThan(60_000);
    }
    expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(row.claimedAt!.getTime());
  });

  it("a claim for a candidate that does not exist is refused as not found, and writes nothing", async () => {
    for (const knownAbsent of [true, false]) {
      // By name: each instance has its own copy of lib/errors (loadInstance resets the modules).
      await expect(instances[0]!.claimHandoff("no-such-candidate", 60_000, { knownAbsent })).rejects.toMatchObject({
        name: "NotFoundError",
      });
    }
    expect(await clients[0]!.handoff.count({ where: { candidateId: "no-such-candidate" } })).toBe(0);
  });
});
