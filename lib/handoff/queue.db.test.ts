// The "To send" queue's rule against a real database: in a sendable stage and not done in
// Personio. The nav count runs on every page, so its query is written for speed (one join);
// this pins down that it still means the same. Runs on SQLite, and on PostgreSQL when
// HANDOFF_TEST_DATABASE_URL names a server.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";

type Queue = typeof import("./queue");

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let queue: Queue;
const names = new Map<string, string>();

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-queue-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.resetModules();
  vi.doMock("@/lib/db", () => ({ db: client }));
  queue = await import("./queue");
  const job = await client.job.create({ data: { title: "Engineer", department: "R&D", office: "Berlin" } });
  const cases = [
    { name: "hired, never sent", stage: "HIRED", status: null },
    { name: "hired, send failed", stage: "HIRED", status: "FAILED" },
    { name: "hired, send in flight", stage: "HIRED", status: "SENDING" },
    { name: "hired, sent", stage: "HIRED", status: "SENT" },
    { name: "hired, linked", stage: "HIRED", status: "LINKED" },
    { name: "offer, never sent", stage: "OFFER", status: null },
    { name: "offer, send failed", stage: "OFFER", status: "FAILED" },
  ];
  for (const [index, entry] of cases.entries()) {
    const candidate = await client.candidate.create({
      data: {
        firstName: entry.name,
        lastName: "Case",
        email: `case${index}@example.com`,
        jobId: job.id,
        stage: entry.stage,
      },
    });
    names.set(candidate.id, entry.name);
    if (entry.status) await client.handoff.create({ data: { candidateId: candidate.id, status: entry.status } });
  }
});

afterAll(async () => {
  await client.$disconnect();
  await database.drop();
});

describe("the To send queue", () => {
  it("holds hired candidates not in Personio: never sent, failed, or still in flight", async () => {
    const listed = await queue.listToSend(1);
    expect(listed.rows.map((row) => names.get(row.id)).sort()).toEqual([
      "hired, never sent",
      "hired, send failed",
      "hired, send in flight",
    ]);
    expect(listed.total).toBe(3);
    // The nav's count (its own SQL) agrees, and counts no further than it is asked to.
    expect(await queue.countToSend(100)).toBe(3);
    expect(await queue.countToSend(2)).toBe(2);
  });

  it("follows the sendable stages an admin chose", async () => {
    await client.handoffSettings.create({ data: { id: "handoff", sendableStages: "OFFER,HIRED" } });
    const listed = await queue.listToSend(1);
    expect(listed.total).toBe(5);
    expect(await queue.countToSend(100)).toBe(5);
    expect(listed.rows.map((row) => names.get(row.id))).toEqual(
      expect.arrayContaining(["offer, never sent", "offer, send failed"]),
    );
  });

  it("a Review & send batch keeps the waiting ones and tells this person's own sends from the rest", async () => {
    const [me, colleague] = await Promise.all(
      ["me", "colleague"].map((name) =>
        client.user.create({ data: { name, email: `${name}@example.com`, roleId: "recruiter" }, select: { id: true } }),
      ),
    );
    const idOf = (name: string) => [...names].find(([, value]) => value === name)![0];
    await client.handoff.update({ where: { candidateId: idOf("hired, sent") }, data: { sentById: me!.id } });
    await client.handoff.update({ where: { candidateId: idOf("hired, linked") }, data: { sentById: colleague!.id } });
    const batch = await queue.getReviewBatch({ candidateIds: [...names.keys(), "no-such-candidate"], userId: me!.id });
    expect(batch.candidates.map((candidate) => names.get(candidate.id)).sort()).toEqual([
      "hired, never sent",
      "hired, send failed",
      "hired, send in flight",
      "offer, never sent",
      "offer, send failed",
    ]);
    // Sent by me: not "sent meanwhile". Linked by a colleague, and an id that is not there: left out.
    expect(batch.sentByYou).toBe(1);
    expect(batch.leftOutOtherwise).toBe(2);
  });
});
