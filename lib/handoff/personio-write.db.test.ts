// Send and update against the Personio sandbox (the real client) and a migrated database: the
// refusals come in one order, permission → stage → integration → fields → Personio, so a refused
// send makes no Personio call at all, not even the list reads a cold cache would need (the
// sandbox's request counters); an update takes names under the send's limits; an update whose
// answer is lost says it may have been applied, records what was sent, and can be sent again.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { setupSandbox, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from "@/e2e/support/personio-sandbox-vitest";
import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import type { Actor, Permission } from "@/lib/permissions";
import type { PersonioClient } from "@/lib/personio/client";

const context = setupSandbox();
let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let personio: PersonioClient;
let enabled = true;
let healthIsFresh = true;
// What the services told connection health, in order ("ok" or the error's code).
const recordedHealth: string[] = [];
let send: typeof import("@/lib/handoff/send");
let update: typeof import("@/lib/handoff/update");
const actor: Actor = { id: "", permissions: new Set<Permission>(["personio:send", "personio:update"]) };

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-write-order-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.resetModules();
  vi.doMock("@/lib/db", () => ({ db: client }));
  vi.doMock("@/lib/env", () => ({ env: { HANDOFF_CLAIM_TTL_MS: 60_000 } }));
  // The connection is the sandbox's client whatever the stored row holds: a send builds it from
  // the row its one read finds (toConnectedPersonio), an update asks for it (getConnectedPersonioClient).
  const connected = () => ({ client: personio, subdomain: "acme", enabled, healthIsFresh });
  vi.doMock("@/lib/personio/integration/connection", () => ({
    PERSONIO_INTEGRATION_ID: "personio",
    getConnectedPersonioClient: async () => connected(),
    toConnectedPersonio: connected,
    recordPersonioHealth: async (outcome: { ok: true } | { ok: false; error: { code?: string } }) => {
      recordedHealth.push(outcome.ok ? "ok" : (outcome.error.code ?? "?"));
    },
    personioEmployeeLink: () => null,
  }));
  send = await import("@/lib/handoff/send");
  update = await import("@/lib/handoff/update");
  // From the same module copies as the services, so its errors are the PersonioError they recognise.
  const { createPersonioClient, clearPersonioTokenCache } = await import("@/lib/personio/client");
  clearPersonioTokenCache();
  personio = createPersonioClient({
    baseUrl: context.sandbox.url,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    appId: "HANDOFF_TEST",
    timeoutMs: 1_000,
    retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 200 },
  });
  const user = await client.user.create({
    data: { name: "Rita Recruiter", email: `rita.${process.pid}@example.com`, passwordHash: null, roleId: "recruiter" },
  });
  (actor as { id: string }).id = user.id;
  await client.personioIntegration.create({
    data: { clientId: TEST_CLIENT_ID, clientSecretEncrypted: "(built by the mock above)", subdomain: "acme" },
  });
  // The job title as installations have it, and a list field, which needs Personio's lists.
  await client.personioFieldConfig.create({
    data: {
      id: "personio",
      fields: JSON.stringify({
        fields: [
          { key: "position", source: "jobTitle" },
          { key: "department", source: "department" },
        ],
      }),
    },
  });
});

afterAll(async () => {
  vi.doUnmock("@/lib/db");
  vi.doUnmock("@/lib/env");
  vi.doUnmock("@/lib/personio/integration/connection");
  await client.$disconnect();
  await database.drop();
});

beforeEach(async () => {
  enabled = true;
  healthIsFresh = true;
  recordedHealth.length = 0;
  // Cold lists: a send that got as far as its fields would have to read them from Personio.
  await client.personioOptionCache.deleteMany();
  await context.admin.seedEmployees([
    { firstName: "Greta", lastName: "Lind", email: "greta@personio.example", department: "Engineering" },
  ]);
});

async function candidate(stage: string) {
  const suffix = Math.random().toString(36).slice(2, 10);
  const job = await client.job.create({ data: { title: `Engineer ${suffix}`, department: "Engineering", office: "" } });
  return client.candidate.create({
    data: { firstName: "Lea", lastName: `Novak-${suffix}`, email: `lea.${suffix}@example.com`, stage, jobId: job.id },
  });
}

function request(row: { id: string; firstName: string; lastName: string; email: string }, department = "Engineering") {
  const { firstName, lastName, email } = row;
  return {
    actor,
    candidateId: row.id,
    fields: { firstName, lastName, email },
    extra: { position: "Engineer", department },
  };
}

async function audits(candidateId: string, action: string) {
  const rows = await client.auditLog.findMany({
    where: { targetId: candidateId, action },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ outcome: row.outcome, ...(JSON.parse(row.details ?? "{}") as Record<string, unknown>) }));
}

describe("a send's refusals", () => {
  it("refused for permission, stage or a disabled integration: no Personio call at all, with cold lists", async () => {
    await context.admin.clearRequests();
    const hired = await candidate("HIRED");
    const noPermission = { ...actor, permissions: new Set<Permission>(["candidates:read"]) };
    await expect(send.sendCandidateToPersonio({ ...request(hired), actor: noPermission })).rejects.toThrow(/Forbidden/);

    const applied = await candidate("APPLIED");
    expect(await send.sendCandidateToPersonio(request(applied))).toMatchObject({
      outcome: "failed",
      code: "stage_not_sendable",
    });

    enabled = false;
    expect(await send.sendCandidateToPersonio(request(hired))).toEqual({
      outcome: "failed",
      code: "integration_disabled",
    });

    expect(await context.admin.counters()).toEqual({});
    expect(await audits(applied.id, "handoff.send")).toEqual([
      expect.objectContaining({ outcome: "denied", code: "stage_not_sendable" }),
    ]);
    expect(await audits(hired.id, "handoff.send")).toEqual([{ outcome: "failure", code: "integration_disabled" }]);
  });

  it("past those checks, the fields are checked against Personio's lists: an unknown department is refused and audited, a known one sent", async () => {
    const hired = await candidate("HIRED");
    expect(await send.sendCandidateToPersonio(request(hired, "Finanzen"))).toEqual({
      outcome: "failed",
      code: "unknown_option",
      field: "department",
    });
    const counters = await context.admin.counters();
    // The lists were read (the counters count), nothing was created.
    expect(counters["GET /v1/company/employees"]).toBeGreaterThan(0);
    expect(counters["POST /v1/company/employees"]).toBeUndefined();
    expect(await audits(hired.id, "handoff.send")).toEqual([
      { outcome: "failure", code: "unknown_option", field: "department" },
    ]);
    expect(await client.handoff.count({ where: { candidateId: hired.id } })).toBe(0);

    expect(await send.sendCandidateToPersonio(request(hired))).toMatchObject({ outcome: "sent" });
    const handoff = await client.handoff.findUniqueOrThrow({ where: { candidateId: hired.id } });
    expect(JSON.parse(handoff.sentFields!)).toMatchObject({ position: "Engineer", department: "Engineering" });
  });
});

describe("an update", () => {
  async function sentCandidate() {
    const row = await candidate("HIRED");
    const result = await send.sendCandidateToPersonio(request(row));
    expect(result).toMatchObject({ outcome: "sent" });
    const values = {
      firstName: row.firstName,
      lastName: row.lastName,
      position: "Engineer",
      department: "Engineering",
    };
    return { row, values, employeeId: (result as { employeeId: number }).employeeId };
  }

  it("refuses a 256-character name as a send does, audited, without calling Personio", async () => {
    const { row, values } = await sentCandidate();
    const before = await context.admin.counters();
    const result = await update.updateCandidateInPersonio({
      actor,
      candidateId: row.id,
      version: 0,
      values: { ...values, firstName: "L".repeat(256) },
    });
    expect(result).toEqual({ outcome: "failed", code: "invalid_field", field: "firstName" });
    expect(await context.admin.counters()).toEqual(before);
    expect((await audits(row.id, "handoff.update")).at(-1)).toMatchObject({
      outcome: "failure",
      code: "invalid_field",
      field: "firstName",
    });
    // The same name in a send is refused too (the send's schema is the one rule).
    const other = await candidate("HIRED");
    expect(
      await send.sendCandidateToPersonio({
        ...request(other),
        fields: { ...request(other).fields, lastName: "N".repeat(256) },
      }),
    ).toEqual({ outcome: "failed", code: "invalid_field", field: "lastName" });
  });

  it("whose answer never comes says it may have been applied, records what was sent, and sends the same PATCH again", async () => {
    const { row, values, employeeId } = await sentCandidate();
    // Personio applies the PATCH, then the answer never arrives: the client's timeout fires.
    await context.admin.addFault({
      endpoint: "PATCH /v1/company/employees/{id}",
      kind: "hang-after-processing",
      times: 1,
    });
    const changed = { ...values, position: "Senior Engineer" };
    const result = await update.updateCandidateInPersonio({ actor, candidateId: row.id, version: 0, values: changed });
    expect(result).toEqual({ outcome: "uncertain", code: "timeout", changed: ["position"], version: 1 });
    const handoff = await client.handoff.findUniqueOrThrow({ where: { candidateId: row.id } });
    expect(handoff.version).toBe(1);
    expect(JSON.parse(handoff.sentFields!)).toMatchObject({ position: "Senior Engineer" });
    expect((await audits(row.id, "handoff.update")).at(-1)).toMatchObject({
      outcome: "failure",
      code: "timeout",
      outcomeUnknown: true,
      fields: ["position"],
    });

    // The same values are no change any more; sent again on purpose, the PATCH goes out once more.
    expect(await update.updateCandidateInPersonio({ actor, candidateId: row.id, version: 1, values: changed })).toEqual(
      {
        outcome: "no_changes",
      },
    );
    const again = await update.updateCandidateInPersonio({
      actor,
      candidateId: row.id,
      version: 1,
      values: changed,
      repeat: ["position"],
    });
    expect(again).toEqual({ outcome: "updated", changed: ["position"], version: 2 });
    expect((await context.admin.counters())["PATCH /v1/company/employees/{id}"]).toBe(2);
    const [employee] = (await context.admin.employees()).filter((candidate) => candidate.id === employeeId);
    expect(employee?.position).toBe("Senior Engineer");
  });
});

describe("connection health after a write", () => {
  it("an outage's 503 on the create records the connection as failing; a rate limit does not; the next success clears it", async () => {
    const hired = await candidate("HIRED");
    await context.admin.addFault({ endpoint: "POST /v1/company/employees", kind: "status", status: 503, times: 1 });
    expect(await send.sendCandidateToPersonio(request(hired))).toMatchObject({
      outcome: "failed",
      code: "unavailable",
    });
    expect(recordedHealth).toEqual(["unavailable"]);

    const limited = await candidate("HIRED");
    await context.admin.addFault({ endpoint: "POST /v1/company/employees", kind: "status", status: 429, times: 1 });
    expect(await send.sendCandidateToPersonio(request(limited))).toMatchObject({
      outcome: "failed",
      code: "rate_limited",
    });
    expect(recordedHealth).toEqual(["unavailable"]);

    // The services read "fresh" as false after a recorded failure (connection.ts): the next
    // success is written, and the state is healthy again.
    healthIsFresh = false;
    expect(await send.sendCandidateToPersonio(request(hired))).toMatchObject({ outcome: "sent" });
    expect(recordedHealth).toEqual(["unavailable", "ok"]);
  });

  it("an update that Personio answers with 503 records the connection as failing too", async () => {
    const row = await candidate("HIRED");
    expect(await send.sendCandidateToPersonio(request(row))).toMatchObject({ outcome: "sent" });
    await context.admin.addFault({ endpoint: "PATCH /v1/company/employees/{id}", kind: "status", status: 503 });
    const result = await update.updateCandidateInPersonio({
      actor,
      candidateId: row.id,
      version: 0,
      values: { firstName: row.firstName, lastName: row.lastName, position: "Staff Engineer" },
    });
    expect(result).toMatchObject({ code: "unavailable" });
    expect(recordedHealth).toEqual(["unavailable"]);
  });
});
