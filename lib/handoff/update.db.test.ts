// Update in Personio against a migrated database (SQLite here; PostgreSQL in npm test's
// PostgreSQL run) and a recording stand-in for Personio: only changed fields go out, the email
// never, unknown list values are refused before anything is sent, one of two simultaneous
// updates wins, and the audit entry names the fields and the values Handoff sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import type { Actor, Permission } from "@/lib/permissions";
import type { PersonioEmployeeUpdate } from "@/lib/personio/client";
import type { PersonioOptionLists } from "@/lib/personio/integration/options";

type UpdateModule = typeof import("@/lib/handoff/update");

const patches: Array<{ id: number; update: PersonioEmployeeUpdate }> = [];
let patchMeta: string[] = [];
let patchGate: Promise<void> | null = null;

const lists: PersonioOptionLists = {
  fetchedAt: new Date().toISOString(),
  noRead: false,
  readable: ["first_name", "last_name", "department", "office", "subcompany", "position", "hire_date"],
  attributes: [],
  department: ["Engineering", "Finance"],
  office: ["Berlin", "Munich"],
  subcompany: [],
  supervisor: [],
  truncated: false,
};

const fakeClient = {
  updateEmployee: async (id: number, update: PersonioEmployeeUpdate) => {
    if (patchGate) await patchGate;
    patches.push({ id, update });
    return { id, warnings: patchMeta };
  },
};

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let service: UpdateModule;
const actor: Actor = {
  id: "",
  permissions: new Set<Permission>(["personio:update", "personio:send", "candidates:read"]),
};

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-update-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.resetModules();
  vi.doMock("@/lib/db", () => ({ db: client }));
  vi.doMock("@/lib/personio/integration/connection", () => ({
    getConnectedPersonioClient: async () => ({
      client: fakeClient,
      subdomain: "acme",
      enabled: true,
      healthIsFresh: true,
    }),
    recordPersonioHealth: async () => undefined,
    personioEmployeeLink: () => null,
  }));
  vi.doMock("@/lib/personio/integration/options", () => ({
    getPersonioOptions: async () => ({ ok: true, lists, fromCache: true }),
  }));
  service = await import("@/lib/handoff/update");
  const user = await client.user.create({
    data: { name: "Rita Recruiter", email: `rita.${process.pid}@example.com`, passwordHash: null, roleId: "recruiter" },
  });
  (actor as { id: string }).id = user.id;
  await client.personioFieldConfig.create({
    data: {
      id: "personio",
      fields: JSON.stringify({
        fields: [
          { key: "hireDate", source: "startDate" },
          { key: "department", source: "department" },
          { key: "position", source: "jobTitle" },
        ],
      }),
    },
  });
});

afterAll(async () => {
  vi.doUnmock("@/lib/db");
  vi.doUnmock("@/lib/personio/integration/connection");
  vi.doUnmock("@/lib/personio/integration/options");
  await client.$disconnect();
  await database.drop();
});

beforeEach(() => {
  patches.length = 0;
  patchMeta = [];
  patchGate = null;
});

async function sentCandidate(sent: Record<string, string>, status: "SENT" | "LINKED" = "SENT") {
  const suffix = Math.random().toString(36).slice(2, 10);
  const job = await client.job.create({
    data: { title: `Engineer ${suffix}`, department: "Engineering", office: "Berlin" },
  });
  const candidate = await client.candidate.create({
    data: {
      firstName: "Lea",
      lastName: `Novak-${suffix}`,
      email: `lea.${suffix}@example.com`,
      stage: "HIRED",
      jobId: job.id,
      startDate: "2027-04-01",
    },
  });
  await client.handoff.create({
    data: {
      candidateId: candidate.id,
      status,
      personioEmployeeId: 4711,
      personioSubdomain: "acme",
      sentFields: JSON.stringify({ email: candidate.email, ...sent }),
    },
  });
  return candidate;
}

const base = {
  firstName: "Lea",
  lastName: "Novak",
  position: "Engineer",
  hireDate: "2027-04-01",
  department: "Engineering",
};

describe("Update in Personio", () => {
  it("the form starts from what Handoff sent, the email apart", async () => {
    const candidate = await sentCandidate(base);
    const form = await service.getUpdateFormData(candidate.id);
    expect(form).toMatchObject({ employeeId: 4711, version: 0, status: "SENT", email: candidate.email });
    expect(form!.defaults).toEqual(base);
    expect(form!.fields.map((field) => field.key)).toEqual(["hireDate", "department", "position"]);
  });

  it("sends only the changed fields as one PATCH, never the email, and audits the field names and values sent", async () => {
    const candidate = await sentCandidate(base);
    const result = await service.updateCandidateInPersonio({
      actor,
      candidateId: candidate.id,
      version: 0,
      values: { ...base, position: "Senior Engineer", email: "other@example.com", subcompany: "ACME GmbH" },
    });
    expect(result).toEqual({ outcome: "updated", changed: ["position"], version: 1 });
    expect(patches).toEqual([{ id: 4711, update: expect.objectContaining({ position: "Senior Engineer" }) }]);
    const update = patches[0]!.update as Record<string, unknown>;
    expect(Object.entries(update).filter(([, value]) => value !== undefined && value !== "")).toEqual([
      ["position", "Senior Engineer"],
    ]);

    const handoff = await client.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } });
    expect(handoff.version).toBe(1);
    expect(JSON.parse(handoff.sentFields!)).toMatchObject({ position: "Senior Engineer", email: candidate.email });
    const audit = await client.auditLog.findFirstOrThrow({
      where: { action: "handoff.update", targetId: candidate.id },
    });
    expect(audit.outcome).toBe("success");
    expect(JSON.parse(audit.details!)).toEqual({
      employeeId: 4711,
      fields: ["position"],
      sent: ["position=Senior Engineer"],
    });
  });

  it("nothing changed: no call to Personio", async () => {
    const candidate = await sentCandidate(base);
    expect(
      await service.updateCandidateInPersonio({ actor, candidateId: candidate.id, version: 0, values: base }),
    ).toEqual({ outcome: "no_changes" });
    expect(patches).toHaveLength(0);
  });

  it("a department Personio does not have is refused before anything is sent", async () => {
    const candidate = await sentCandidate(base);
    const result = await service.updateCandidateInPersonio({
      actor,
      candidateId: candidate.id,
      version: 0,
      values: { ...base, department: "Finanzen" },
    });
    expect(result).toEqual({ outcome: "failed", code: "unknown_option", field: "department" });
    expect(patches).toHaveLength(0);
    expect((await client.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).version).toBe(0);
  });

  it("two updates from forms opened at the same version: one wins, the other is told", async () => {
    const candidate = await sentCandidate(base);
    let release!: () => void;
    patchGate = new Promise((resolve) => (release = resolve));
    const first = service.updateCandidateInPersonio({
      actor,
      candidateId: candidate.id,
      version: 0,
      values: { ...base, position: "Lead" },
    });
    const second = service.updateCandidateInPersonio({
      actor,
      candidateId: candidate.id,
      version: 0,
      values: { ...base, department: "Finance" },
    });
    const settled = await Promise.race([second, new Promise((resolve) => setTimeout(() => resolve("pending"), 2_000))]);
    release();
    const results = [await first, settled === "pending" ? await second : settled];
    expect(results.map((result) => (result as { outcome: string }).outcome).sort()).toEqual(["conflict", "updated"]);
    expect(patches).toHaveLength(1);
    const audits = await client.auditLog.findMany({ where: { action: "handoff.update", targetId: candidate.id } });
    expect(audits.map((audit) => audit.outcome).sort()).toEqual(["failure", "success"]);
  });

  it("what Personio ignored is returned and kept with the handoff", async () => {
    const candidate = await sentCandidate(base);
    patchMeta = ["The department 'Finance' does not exist in this company and was ignored."];
    const result = await service.updateCandidateInPersonio({
      actor,
      candidateId: candidate.id,
      version: 0,
      values: { ...base, department: "Finance" },
    });
    expect(result).toMatchObject({ outcome: "updated", warnings: [{ field: "department", value: "Finance" }] });
    const handoff = await client.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } });
    expect(JSON.parse(handoff.personioWarnings!)).toEqual([
      { field: "department", value: "Finance", message: patchMeta[0] },
    ]);
  });

  it("a profile not in Personio, and someone without the permission, are refused", async () => {
    const suffix = Math.random().toString(36).slice(2, 10);
    const job = await client.job.create({ data: { title: "X", department: "", office: "" } });
    const candidate = await client.candidate.create({
      data: { firstName: "A", lastName: suffix, email: `a.${suffix}@example.com`, stage: "HIRED", jobId: job.id },
    });
    expect(
      await service.updateCandidateInPersonio({ actor, candidateId: candidate.id, version: 0, values: base }),
    ).toEqual({ outcome: "not_sent" });
    expect(await service.getUpdateFormData(candidate.id)).toBeNull();
    await expect(
      service.updateCandidateInPersonio({
        actor: { ...actor, permissions: new Set<Permission>(["personio:send"]) },
        candidateId: candidate.id,
        version: 0,
        values: base,
      }),
    ).rejects.toThrow();
  });
});
