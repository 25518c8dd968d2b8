// The send's one-statement read (lib/handoff/send-context.ts) against the reads of the modules
// that own each value, on a real database: with no settings rows at all, and with every row
// written through its owner. A column renamed or a rule changed in one place shows up here.
// Runs on SQLite, and on PostgreSQL when HANDOFF_TEST_DATABASE_URL names a server.
import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let modules: {
  context: typeof import("./send-context");
  stages: typeof import("./send-settings");
  fields: typeof import("@/lib/personio-fields/store");
  addresses: typeof import("@/lib/notifications/addresses");
  connection: typeof import("@/lib/personio/integration/connection");
  atRest: typeof import("@/lib/secrets/at-rest");
};
let jobId: string;
let adminId: string;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-send-context-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.resetModules();
  vi.doMock("@/lib/db", () => ({ db: client }));
  vi.doMock("@/lib/env", () => ({
    env: {
      DATABASE_URL: database.url,
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      PERSONIO_API_BASE_URL: "https://api.personio.example",
      PERSONIO_TIMEOUT_MS: 5000,
    },
  }));
  modules = {
    context: await import("./send-context"),
    stages: await import("./send-settings"),
    fields: await import("@/lib/personio-fields/store"),
    addresses: await import("@/lib/notifications/addresses"),
    connection: await import("@/lib/personio/integration/connection"),
    atRest: await import("@/lib/secrets/at-rest"),
  };
  const admin = await client.user.create({ data: { name: "Ada", email: "ada@example.com", roleId: "admin" } });
  adminId = admin.id;
  jobId = (await client.job.create({ data: { title: "Engineer", department: "R&D", office: "Berlin" } })).id;
});

afterAll(async () => {
  vi.doUnmock("@/lib/db");
  vi.doUnmock("@/lib/env");
  await client?.$disconnect();
  await database?.drop();
});

async function ownersRead(candidateId: string) {
  const candidate = await client.candidate.findUnique({
    where: { id: candidateId },
    select: {
      stage: true,
      firstName: true,
      lastName: true,
      email: true,
      startDate: true,
      department: true,
      office: true,
      job: { select: { title: true, department: true, office: true } },
      handoff: { select: { status: true } },
    },
  });
  const connection = await modules.connection.getConnectedPersonioClient();
  return {
    candidate,
    sendableStages: await modules.stages.getSendableStages(),
    config: await modules.fields.getFieldConfig(),
    newEmployeeAddresses: await modules.addresses.readNewEmployeeAddresses(),
    connection: connection && { ...connection, client: connection.client.apiVersion },
  };
}

async function oneStatementRead(candidateId: string) {
  const context = await modules.context.readSendContext(candidateId);
  return {
    ...context,
    connection: context.connection && { ...context.connection, client: context.connection.client.apiVersion },
  };
}

describe("readSendContext", () => {
  it("reads what the owners read on a new installation (no settings rows, no connection)", async () => {
    const candidate = await client.candidate.create({
      data: { firstName: "Nina", lastName: "New", email: "nina@example.com", jobId, stage: "HIRED" },
    });
    const read = await oneStatementRead(candidate.id);
    expect(read).toEqual(await ownersRead(candidate.id));
    expect(read.connection).toBeNull();
    expect(read.candidate?.handoff).toBeNull();
  });

  it("reads what the owners read with every row written by its owner", async () => {
    const candidate = await client.candidate.create({
      data: {
        firstName: "Sam",
        lastName: "Sent",
        email: "sam@example.com",
        jobId,
        stage: "OFFER",
        startDate: "2027-01-04",
        department: "Platform",
        office: null,
      },
    });
    await client.handoff.create({ data: { candidateId: candidate.id, status: "FAILED", lastErrorCode: "timeout" } });
    await modules.stages.setSendableStages({ actorId: adminId, stages: ["OFFER", "HIRED"] });
    await modules.addresses.setNewEmployeeAddresses({
      actorId: adminId,
      addresses: ["hr@example.com", "it@example.com"],
    });
    await modules.fields.saveFieldConfig({
      actorId: adminId,
      config: { fields: [{ key: "hireDate", source: "startDate" }] },
    });
    const lastSuccessAt = new Date(Date.now() - 10_000);
    await client.personioIntegration.create({
      data: {
        clientId: "papi-client",
        clientSecretEncrypted: modules.atRest.encryptAtRest("secret"),
        subdomain: "acme",
        enabled: false,
        apiVersion: "v2",
        lastSuccessAt,
        lastErrorAt: new Date(lastSuccessAt.getTime() - 60_000),
      },
    });

    const read = await oneStatementRead(candidate.id);
    expect(read).toEqual(await ownersRead(candidate.id));
    // Each value as written, so the comparison above is not between two empty reads.
    expect(read.sendableStages).toEqual(["OFFER", "HIRED"]);
    expect(read.newEmployeeAddresses).toEqual(["hr@example.com", "it@example.com"]);
    expect(read.config.fields.map((field) => field.key)).toEqual(["hireDate"]);
    expect(read.candidate).toMatchObject({ startDate: "2027-01-04", department: "Platform", office: null });
    expect(read.candidate?.job).toEqual({ title: "Engineer", department: "R&D", office: "Berlin" });
    expect(read.candidate?.handoff).toEqual({ status: "FAILED" });
    expect(read.connection).toEqual({ client: "v2", subdomain: "acme", enabled: false, healthIsFresh: true });
  });

  it("finds no candidate for an unknown id", async () => {
    expect((await modules.context.readSendContext("no-such-candidate")).candidate).toBeNull();
  });
});
