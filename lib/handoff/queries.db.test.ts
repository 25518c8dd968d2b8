// The Personio badge's data (lib/handoff/queries.ts), read in one statement for a page of
// candidates, against a real database: sent and linked candidates get a badge with the sender's
// name and the employee's link; failed, in-flight and unsent ones get none; a role that may not
// see badges reads nothing. Runs on SQLite, and on PostgreSQL when HANDOFF_TEST_DATABASE_URL names a server.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import type { Permission } from "@/lib/permissions";

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let queries: typeof import("./queries");
const ids = new Map<string, string>();
const sentAt = new Date(Date.UTC(2026, 10, 2, 9, 30));

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-badges-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.resetModules();
  vi.doMock("@/lib/db", () => ({ db: client }));
  vi.doMock("@/lib/env", () => ({
    env: { DATABASE_URL: database.url, PERSONIO_WEB_BASE_URL: "https://personio.example" },
  }));
  queries = await import("./queries");
  const job = await client.job.create({ data: { title: "Engineer", department: "R&D", office: "Berlin" } });
  const sender = await client.user.create({
    data: { name: "Rita Recruiter", email: "rita@example.com", roleId: "recruiter" },
  });
  const cases = [
    {
      name: "sent",
      handoff: { status: "SENT", sentById: sender.id, sentAt, personioEmployeeId: 4711, personioSubdomain: "acme" },
    },
    {
      name: "linked, sender gone",
      handoff: { status: "LINKED", sentAt, personioEmployeeId: 815, personioSubdomain: "acme" },
    },
    { name: "failed", handoff: { status: "FAILED" } },
    { name: "in flight", handoff: { status: "SENDING" } },
    { name: "never sent", handoff: null },
  ];
  for (const [index, entry] of cases.entries()) {
    const candidate = await client.candidate.create({
      data: {
        firstName: entry.name,
        lastName: "Case",
        email: `case${index}@example.com`,
        jobId: job.id,
        stage: "HIRED",
      },
    });
    ids.set(entry.name, candidate.id);
    if (entry.handoff) await client.handoff.create({ data: { candidateId: candidate.id, ...entry.handoff } });
  }
});

afterAll(async () => {
  vi.doUnmock("@/lib/db");
  vi.doUnmock("@/lib/env");
  await client.$disconnect();
  await database.drop();
});

const actor = (permissions: Permission[]) => ({ id: "someone", permissions: new Set(permissions) });

describe("Personio badges", () => {
  it("mark the sent and linked candidates of a page, with who sent them, when, and the employee", async () => {
    const badges = await queries.getPersonioBadges(actor(["personio:see-badge"]), [...ids.values()]);
    expect([...badges.keys()].sort()).toEqual([ids.get("sent"), ids.get("linked, sender gone")].sort());
    expect(badges.get(ids.get("sent")!)).toEqual({
      status: "SENT",
      sentByName: "Rita Recruiter",
      sentAt,
      employeeUrl: expect.stringContaining("4711"),
      automaticRule: null,
    });
    expect(badges.get(ids.get("linked, sender gone")!)).toMatchObject({ status: "LINKED", sentByName: "", sentAt });
  });

  it("are not read for a role that may not see them", async () => {
    expect((await queries.getPersonioBadges(actor(["candidates:read"]), [...ids.values()])).size).toBe(0);
  });
});
