// Automatic-send rules and value mappings against a real database: which arrivals queue a send,
// and which mappings are saved. Runs on SQLite, and on PostgreSQL when HANDOFF_TEST_DATABASE_URL
// names a server.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let queueIn: typeof import("./queue-in");
let mappings: typeof import("@/lib/mappings/store");
let jobId: string;
let actorId: string;
const kickBackgroundRunner = vi.fn();

const LISTS = {
  fetchedAt: new Date().toISOString(),
  noRead: false,
  readable: ["department", "office"],
  attributes: [],
  department: ["Product Engineering"],
  office: ["Berlin"],
  subcompany: [],
  supervisor: [],
  truncated: false,
};

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-automatic-send-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.resetModules();
  vi.doMock("@/lib/db", () => ({ db: client }));
  // Personio's lists as the cache would hold them: no Personio in this test.
  vi.doMock("@/lib/personio/integration/options", () => ({
    getPersonioOptions: async () => ({ ok: true, lists: LISTS, fromCache: true }),
    refreshPersonioOptions: async () => ({ ok: true, lists: LISTS, fromCache: false }),
  }));
  vi.doMock("@/lib/background/process-runner", () => ({ kickBackgroundRunner }));
  queueIn = await import("./queue-in");
  mappings = await import("@/lib/mappings/store");
  jobId = (await client.job.create({ data: { title: "Engineer", department: "R&D", office: "Berlin" } })).id;
  actorId = (
    await client.user.create({
      data: { email: "admin@example.com", name: "Admin", roleId: "admin", passwordHash: "x" },
    })
  ).id;
});

afterAll(async () => {
  await client.$disconnect();
  await database.drop();
});

async function candidate(externalSource: string | null, stage = "HIRED") {
  const row = await client.candidate.create({
    data: { firstName: "Ada", lastName: "L", email: `${Math.random()}@example.com`, jobId, stage, externalSource },
  });
  return row.id;
}

describe("automatic-send rules", () => {
  it("queue a send only for a source and stage whose rule is on", async () => {
    await client.automaticSendRule.create({ data: { source: "greenhouse", stage: "HIRED", enabled: true } });
    await client.automaticSendRule.create({ data: { source: "workable", stage: "HIRED", enabled: false } });
    const [matching, switchedOff, otherStage, noSource] = [
      await candidate("greenhouse"),
      await candidate("workable"),
      await candidate("greenhouse", "OFFER"),
      await candidate(null),
    ];
    await client.$transaction((tx) =>
      queueIn.queueAutomaticSendsIn(tx, [
        { candidateId: matching, to: "HIRED" },
        { candidateId: switchedOff, to: "HIRED" },
        { candidateId: otherStage, to: "OFFER" },
        { candidateId: noSource, to: "HIRED" },
      ]),
    );
    const jobs = await client.backgroundJob.findMany({ where: { kind: queueIn.AUTOMATIC_SEND_JOB } });
    expect(jobs.map((job) => JSON.parse(job.payload).candidateId)).toEqual([matching]);
  });
});

describe("value mappings", () => {
  it("are saved only to a value Personio has, and a second save of one ATS value changes the first", async () => {
    const input = { source: "greenhouse", fieldKey: "office", atsValue: "Berlin HQ", personioValue: "Atlantis" };
    await expect(mappings.saveValueMapping({ actorId, input })).rejects.toMatchObject({
      reason: "unknown_personio_value",
    });
    expect(await client.valueMapping.count()).toBe(0);
    const first = await mappings.saveValueMapping({ actorId, input: { ...input, personioValue: "Berlin" } });
    const again = await mappings.saveValueMapping({
      actorId,
      input: { ...input, atsValue: " berlin hq ", personioValue: "Berlin" },
    });
    expect(again).toEqual({ mappingId: first.mappingId, created: false });
    // The Greenhouse hire the rule above left waiting is looked at again after each save.
    const requeued = await client.backgroundJob.findMany({ where: { kind: queueIn.AUTOMATIC_SEND_JOB } });
    expect(requeued.length).toBe(3);
    expect(new Set(requeued.map((job) => JSON.parse(job.payload).candidateId)).size).toBe(1);
    expect(kickBackgroundRunner).toHaveBeenCalled();
    expect(await client.valueMapping.count()).toBe(1);
    expect(await client.auditLog.count({ where: { action: "mapping.save" } })).toBe(2);
  });

  it("are flagged when Personio no longer has their value, and deleted with an audit entry", async () => {
    const { mappingId } = await mappings.saveValueMapping({
      actorId,
      input: { source: "*", fieldKey: "department", atsValue: "Engineering", personioValue: "Product Engineering" },
    });
    LISTS.department = ["Platform"];
    const listed = await mappings.listValueMappings({ search: "engineering" });
    expect(listed.mappings.map((row) => [row.atsValue, row.isStale])).toEqual([["Engineering", true]]);
    await mappings.deleteValueMapping({ actorId, id: mappingId });
    expect(await client.valueMapping.findUnique({ where: { id: mappingId } })).toBeNull();
    expect(await client.auditLog.count({ where: { action: "mapping.delete", targetId: mappingId } })).toBe(1);
  });
});
