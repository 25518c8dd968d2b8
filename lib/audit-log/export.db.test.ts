// The audit export below the route: it reads the log in batches (keyset paging, ties on the time
// included), applies the same filters as the page, and audits itself. Runs on SQLite, and on
// PostgreSQL when HANDOFF_TEST_DATABASE_URL names a server.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";

import type { AuditTranslator, AuditWords } from "./describe";
import { ZAuditListParams } from "./params";

type Queries = typeof import("./queries");
type Export = typeof import("./export");

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let queries: Queries;
let exporter: Export;
let actorId: string;
let otherId: string;

// Ids for entries that share one timestamp: the keyset must page through ties without losing or repeating any.
const ROWS = 1_203;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-audit-export-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.resetModules();
  vi.doMock("@/lib/db", () => ({ db: client }));
  // The candidate filter's search picks its SQL by the configured database, as in the app.
  vi.doMock("@/lib/env", () => ({ env: { DATABASE_URL: database.url } }));
  queries = await import("./queries");
  exporter = await import("./export");
  await client.role.upsert({ where: { id: "admin" }, create: { id: "admin", name: "Admin" }, update: {} });
  actorId = (
    await client.user.create({
      data: { name: "Admin", email: "admin@example.com", passwordHash: "x", roleId: "admin" },
    })
  ).id;
  otherId = (
    await client.user.create({
      data: { name: "=Other", email: "other@example.com", passwordHash: "x", roleId: "admin" },
    })
  ).id;
  const tie = new Date("2025-06-01T10:00:00Z");
  await client.auditLog.createMany({
    data: Array.from({ length: ROWS }, (_, index) => ({
      at: index % 3 === 0 ? tie : new Date(tie.getTime() - index * 60_000),
      actorId: index % 2 === 0 ? actorId : otherId,
      action: "integration.test",
      outcome: index % 5 === 0 ? "failure" : "success",
      details: JSON.stringify(
        index % 5 === 0
          ? { reason: "credentials_disabled" }
          : { scopes: ["employees:write"], writePermission: "write_only" },
      ),
    })),
  });
});

afterAll(async () => {
  vi.doUnmock("@/lib/env");
  await client.$disconnect();
  await database.drop();
});

const plainWords: AuditWords = {
  t: Object.assign((key: string) => key, { has: () => false }) as AuditTranslator,
  roleName: (id) => id,
  stageName: (stage) => stage,
  dateTime: (date) => date.toISOString(),
};

describe("the audit export", () => {
  it("reads every matching entry once, newest first, in batches", async () => {
    const filters = ZAuditListParams.parse({});
    const batches: string[][] = [];
    let previous: { at: number; id: string } | null = null;
    for await (const batch of queries.readAuditEntriesInBatches(filters, "UTC")) {
      batches.push(batch.map((entry) => entry.id));
      for (const entry of batch) {
        const current = { at: entry.at.getTime(), id: entry.id };
        if (previous)
          expect(current.at < previous.at || (current.at === previous.at && current.id < previous.id)).toBe(true);
        previous = current;
      }
    }
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 203]);
    expect(new Set(batches.flat()).size).toBe(ROWS);
  });

  it("applies the page's filters: person, outcome and the viewer's days", async () => {
    const count = async (query: Record<string, string>, timeZone = "UTC") => {
      let total = 0;
      for await (const batch of queries.readAuditEntriesInBatches(ZAuditListParams.parse(query), timeZone))
        total += batch.length;
      return total;
    };
    expect(await count({ person: actorId })).toBe(Math.ceil(ROWS / 2));
    expect(await count({ outcome: "failure" })).toBe(Math.ceil(ROWS / 5));
    // The tie rows sit at 10:00 UTC on 1 June: 12:00 in Berlin the same day, still 1 June in New York (06:00).
    const onFirstJune = await count({ from: "2025-06-01", to: "2025-06-01" });
    expect(onFirstJune).toBeGreaterThan(Math.floor(ROWS / 3));
    expect(await count({ from: "2025-06-02" })).toBe(0);
    expect(await count({ to: "2025-05-31" }, "UTC")).toBe(ROWS - onFirstJune);
    // A candidate filter that finds nobody matches nothing (no candidate rows here at all).
    expect(await count({ candidate: "nobody" })).toBe(0);
    const page = await queries.listAuditEntries(ZAuditListParams.parse({ person: otherId, page: "2" }), "UTC");
    expect(page.total).toBe(Math.floor(ROWS / 2));
    expect(page.page).toBe(2);
    expect(page.entries).toHaveLength(50);
  });

  it("writes a header, one neutralised line per entry, and an audit entry of the download", async () => {
    const filters = ZAuditListParams.parse({ person: otherId, outcome: "failure" });
    const { page, ...rest } = filters;
    void page; // the export holds every page
    let csv = "";
    for await (const chunk of exporter.auditLogCsv({
      actorId,
      filters: rest,
      timeZone: "Europe/Berlin",
      words: plainWords,
      delimiter: ",",
      columns: {
        at: "When",
        timeZone: "Time zone",
        actor: "Who",
        action: "What",
        target: "Target",
        outcome: "Outcome",
        details: "Details",
      },
    })) {
      csv += chunk;
    }
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("When,Time zone,Who,What,Target,Outcome,Details");
    const expected = Array.from({ length: ROWS }, (_, index) => index).filter(
      (index) => index % 2 === 1 && index % 5 === 0,
    ).length;
    expect(lines).toHaveLength(1 + expected);
    // The actor "=Other" is written as text, never as a formula.
    for (const line of lines.slice(1)) expect(line.split(",")[2]).toBe("'=Other");
    const recorded = await client.auditLog.findFirstOrThrow({ where: { action: "audit.export" } });
    expect(recorded.actorId).toBe(actorId);
    expect(JSON.parse(recorded.details!)).toEqual({ outcome: "failure", person: otherId });
  });
});
