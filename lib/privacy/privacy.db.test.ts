// Retention, erasure and access requests against a real database: the daily job run by the
// background runner on a clock moved past each period; an erasure by email after which no text
// column of any table (read from the database's own catalogue) holds the email, the name or the
// phone, while the export before it held all of them. Runs on SQLite, and on PostgreSQL with
// HANDOFF_TEST_DATABASE_URL (npm test's PostgreSQL run).
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { databaseProvider } from "@/lib/db/provider";

const DAY = 24 * 60 * 60 * 1000;
const isPostgres = databaseProvider(process.env.HANDOFF_TEST_DATABASE_URL ?? "file:") === "postgresql";
let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let privacy: {
  erasure: typeof import("@/lib/privacy/person-erasure");
  exporter: typeof import("@/lib/privacy/export");
  runner: typeof import("@/lib/background/runner");
  registry: typeof import("@/lib/background/registry");
  job: typeof import("@/lib/privacy/retention-job");
};
const documentsDir = mkdtempSync(path.join(os.tmpdir(), "handoff-privacy-documents-"));
let adminId: string;
let jobId: string;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-privacy-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.resetModules();
  vi.doMock("@/lib/env", () => ({
    env: { NODE_ENV: "test", DATABASE_URL: database.url, LOG_LEVEL: "silent", DOCUMENTS_DIR: documentsDir },
  }));
  vi.doMock("@/lib/db", () => ({ db: client }));
  privacy = {
    erasure: await import("@/lib/privacy/person-erasure"),
    exporter: await import("@/lib/privacy/export"),
    runner: await import("@/lib/background/runner"),
    registry: await import("@/lib/background/registry"),
    job: await import("@/lib/privacy/retention-job"),
  };
  adminId = (
    await client.user.create({
      data: { name: "Privacy Admin", email: `admin-${process.pid}@example.com`, roleId: "admin" },
    })
  ).id;
  jobId = (await client.job.create({ data: { title: "Engineer", department: "R&D", office: "Berlin" } })).id;
});

afterAll(async () => {
  rmSync(documentsDir, { recursive: true, force: true });
  await client.$disconnect();
  await database.drop();
});

function unique() {
  return Math.random().toString(36).slice(2, 10);
}

async function createCandidate(person: { firstName: string; lastName: string; email: string; phone?: string }) {
  return client.candidate.create({
    data: { ...person, stage: "HIRED", jobId, notes: `Notes about ${person.firstName}`, startDate: "2027-01-04" },
  });
}

async function webhookSource() {
  const suffix = unique();
  return client.webhookSource.create({
    data: {
      kind: "handoff",
      name: "ATS",
      pathToken: `path-${suffix}`,
      externalSource: `handoff.${suffix}`,
      secretEncrypted: "x",
    },
  });
}

/** Runs the daily job once through the background runner, its clock `days` ahead. */
async function runRetentionJob(days: number) {
  const now = new Date(Date.now() + days * DAY);
  const runner = privacy.runner.createBackgroundRunner({
    client,
    registry: privacy.registry.createJobRegistry([privacy.job.retentionJob]),
    clock: { now: () => now },
  });
  runner.scheduleRecurring(privacy.job.RETENTION_JOB, privacy.job.RETENTION_EVERY_MS);
  await runner.whenIdle();
  await runner.stop(1000);
  const job = await client.backgroundJob.findFirst({
    where: { kind: privacy.job.RETENTION_JOB, key: new Date(Math.floor(now.getTime() / DAY) * DAY).toISOString() },
  });
  expect(job?.status).toBe("DONE");
}

describe("the daily retention job", () => {
  it("deletes never-sent candidates with their intake entries and imports, erases sent ones, leaves a send in flight alone", async () => {
    const suffix = unique();
    const unsent = await createCandidate({
      firstName: "Una",
      lastName: `Unsent-${suffix}`,
      email: `una.${suffix}@example.com`,
    });
    const sent = await createCandidate({
      firstName: "Sean",
      lastName: `Sent-${suffix}`,
      email: `sean.${suffix}@example.com`,
      phone: "+49 170 1234567",
    });
    await client.handoff.create({
      data: {
        candidateId: sent.id,
        status: "SENT",
        personioEmployeeId: 4711,
        sentById: adminId,
        sentAt: new Date(),
        sentFields: JSON.stringify({ first_name: "Sean", email: sent.email }),
      },
    });
    const inFlight = await createCandidate({
      firstName: "Ida",
      lastName: `InFlight-${suffix}`,
      email: `ida.${suffix}@example.com`,
    });
    await client.handoff.create({
      data: { candidateId: inFlight.id, status: "SENDING", claimToken: "claim", claimedAt: new Date(), attempts: 1 },
    });
    const source = await webhookSource();
    const delivery = await client.webhookDelivery.create({
      data: {
        sourceId: source.id,
        outcome: "created",
        candidateId: unsent.id,
        mappedFields: JSON.stringify({ email: unsent.email }),
      },
    });
    const upload = await client.candidateImport.create({
      data: {
        fileName: "hires.csv",
        fileSize: 10,
        fileSha256: "0".repeat(64),
        format: "csv",
        externalSource: "import",
        headers: "[]",
        status: "DONE",
        rejections: {
          create: { rowNumber: 2, reasons: '["invalid_email"]', cells: JSON.stringify(["Una", unsent.email]) },
        },
      },
    });

    // Within every period nothing goes.
    await runRetentionJob(1);
    expect(await client.candidate.count({ where: { id: { in: [unsent.id, sent.id, inFlight.id] } } })).toBe(3);

    // Past every period (180 days for never-sent candidates, 30 for the rest).
    await runRetentionJob(200);
    expect(await client.candidate.findUnique({ where: { id: unsent.id } })).toBeNull();
    expect(await client.webhookDelivery.findUnique({ where: { id: delivery.id } })).toBeNull();
    expect(await client.candidateImport.findUnique({ where: { id: upload.id } })).toBeNull();
    expect(await client.candidateImportRejection.count({ where: { importId: upload.id } })).toBe(0);

    const erased = await client.candidate.findUniqueOrThrow({ where: { id: sent.id }, include: { handoff: true } });
    expect(erased).toMatchObject({ firstName: "", lastName: "", email: "", phone: null, notes: null, startDate: null });
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.handoff).toMatchObject({
      status: "SENT",
      personioEmployeeId: 4711,
      sentById: adminId,
      sentFields: null,
    });

    const untouched = await client.candidate.findUniqueOrThrow({
      where: { id: inFlight.id },
      include: { handoff: true },
    });
    expect(untouched).toMatchObject({ firstName: "Ida", email: inFlight.email, erasedAt: null });
    expect(untouched.handoff?.status).toBe("SENDING");

    const runs = await client.auditLog.findMany({ where: { action: "privacy.retention-run" }, orderBy: { at: "asc" } });
    expect(runs).toHaveLength(2);
    const counts = JSON.parse(runs[1]!.details!) as Record<string, unknown>;
    expect(counts).toMatchObject({
      unsentCandidates: 1,
      sentCandidates: 1,
      inFlightSkipped: 1,
      intakeEntries: 1,
      imports: 1,
    });
    // Counts only: nothing about whom.
    expect(runs[1]!.details).not.toContain(suffix);
  });
});

/** Every text column of every table, from the database's own catalogue, that contains `needle`. */
async function findEverywhere(needle: string): Promise<string[]> {
  const hex = Buffer.from(needle, "utf8").toString("hex");
  const found: string[] = [];
  if (isPostgres) {
    const columns = await client.$queryRawUnsafe<Array<{ table_name: string; column_name: string }>>(
      `SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'character')`,
    );
    expect(columns.length).toBeGreaterThan(50);
    for (const { table_name: table, column_name: column } of columns) {
      const rows = await client.$queryRawUnsafe<Array<{ n: bigint }>>(
        `SELECT COUNT(*) AS n FROM "${table}" WHERE "${column}"::text ILIKE $1 OR "${column}"::text ILIKE $2`,
        `%${needle}%`,
        `%${hex}%`,
      );
      if (Number(rows[0]!.n) > 0) found.push(`${table}.${column}`);
    }
    return found;
  }
  const tables = await client.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT name FROM sqlite_master WHERE type = 'table'`,
  );
  let columnCount = 0;
  for (const { name: table } of tables) {
    const columns = await client.$queryRawUnsafe<Array<{ name: string }>>(
      `SELECT name FROM pragma_table_info('${table}')`,
    );
    for (const { name: column } of columns) {
      columnCount += 1;
      const rows = await client.$queryRawUnsafe<Array<{ n: bigint | number }>>(
        `SELECT COUNT(*) AS n FROM "${table}" WHERE CAST("${column}" AS TEXT) LIKE ? OR CAST("${column}" AS TEXT) LIKE ?`,
        `%${needle}%`,
        `%${hex}%`,
      );
      if (Number(rows[0]!.n) > 0) found.push(`${table}.${column}`);
    }
  }
  expect(columnCount).toBeGreaterThan(50);
  return found;
}

describe("an erasure request", () => {
  it("finds the person in every store, exports all of it, then erases it so that no text column holds it", async () => {
    const suffix = unique();
    const email = `zebulon.${suffix}@example.com`;
    const person = { firstName: "Zebulon", lastName: `Quixfield${suffix}`, email, phone: `+49 170 ${suffix}` };
    const sent = await createCandidate(person);
    await client.handoff.create({
      data: {
        candidateId: sent.id,
        status: "SENT",
        personioEmployeeId: 99,
        sentById: adminId,
        sentAt: new Date(),
        sentFields: JSON.stringify({ first_name: person.firstName, last_name: person.lastName, email }),
      },
    });
    // The same person again from another source, never sent.
    const duplicate = await createCandidate({ ...person, email: email.toUpperCase() });
    await client.auditLog.create({
      data: {
        action: "handoff.send",
        targetType: "candidate",
        targetId: sent.id,
        outcome: "success",
        details: JSON.stringify({
          "lastName.profile": person.lastName,
          "lastName.sent": person.lastName,
          fields: "email",
        }),
      },
    });
    await client.auditLog.create({
      data: { action: "auth.sign-in", outcome: "failure", details: JSON.stringify({ email, reason: "unknown_user" }) },
    });
    const source = await webhookSource();
    await client.webhookDelivery.create({
      data: { sourceId: source.id, outcome: "updated", externalId: "ext-1", mappedFields: JSON.stringify(person) },
    });
    const csv = `first_name,last_name,email,phone\n${person.firstName},${person.lastName},${email},${person.phone}\n`;
    await client.candidateImport.create({
      data: {
        fileName: "new-hires.csv",
        fileSize: csv.length,
        fileSha256: "1".repeat(64),
        format: "csv",
        externalSource: "import",
        headers: '["first_name","last_name","email","phone"]',
        status: "UPLOADED",
        fileChunks: { create: { index: 0, content: Buffer.from(csv).toString("hex") } },
        rejections: {
          create: { rowNumber: 3, reasons: '["invalid_stage"]', cells: JSON.stringify(Object.values(person)) },
        },
      },
    });
    await client.outboxMessage.create({
      data: { template: "notify", recipient: email, subject: `Welcome ${person.firstName} ${person.lastName}` },
    });
    const apiKeyId = `key-${suffix}`;
    await client.apiIdempotencyRecord.create({
      data: {
        apiKeyId,
        key: "k1",
        requestHash: "h",
        status: 201,
        responseBody: JSON.stringify({ ...person, id: duplicate.id }),
      },
    });
    const needles = [email, person.firstName, person.lastName, person.phone];
    for (const needle of needles) expect(await findEverywhere(needle)).not.toHaveLength(0);

    const exported = await privacy.exporter.exportPersonData({ email, actorId: adminId });
    const text = JSON.stringify(exported!.document);
    for (const needle of needles) expect(text).toContain(needle);
    expect(exported!.counts).toEqual({
      candidates: 2,
      intakeEntries: 1,
      rejectedRows: 1,
      importFiles: 1,
      auditEntries: 2,
      emails: 1,
      apiAnswers: 1,
    });

    const result = await privacy.erasure.erasePerson(client, { email, actorId: adminId, via: "screen" });
    expect(result).toMatchObject({ found: true, counts: { candidates: 2 } });
    for (const needle of needles) expect(await findEverywhere(needle), needle).toEqual([]);
    if (!isPostgres) {
      // The search index's triggers, set aside for the batch, are back.
      const triggers = await client.$queryRawUnsafe<Array<{ name: string }>>(
        `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'CandidateSearch_%' ORDER BY name`,
      );
      expect(triggers.map((trigger) => trigger.name)).toEqual([
        "CandidateSearch_delete",
        "CandidateSearch_insert",
        "CandidateSearch_update",
      ]);
    }

    // The sent one stays as an erased person with its handoff record; the other is gone.
    expect(await client.candidate.findUnique({ where: { id: duplicate.id } })).toBeNull();
    const kept = await client.candidate.findUniqueOrThrow({ where: { id: sent.id }, include: { handoff: true } });
    expect(kept.erasedAt).not.toBeNull();
    expect(kept.handoff).toMatchObject({ status: "SENT", personioEmployeeId: 99, sentById: adminId });
    const entries = await client.auditLog.findMany({ where: { action: { in: ["privacy.erase", "privacy.export"] } } });
    expect(entries.map((entry) => entry.action).sort()).toEqual(["privacy.erase", "privacy.export"]);
    for (const entry of entries) {
      expect(entry.actorId).toBe(adminId);
      expect(entry.targetId).toBeNull();
      expect(entry.details).not.toContain(sent.id);
    }

    // A second erasure finds nothing and changes nothing.
    expect(await privacy.erasure.erasePerson(client, { email, actorId: adminId, via: "screen" })).toEqual({
      found: false,
    });
    expect(await client.auditLog.count({ where: { action: "privacy.erase" } })).toBe(1);
  });

  it("removes the person's documents and their files; the scan leaves no orphan and keeps everyone else's", async () => {
    const suffix = unique();
    const email = `ottilie.${suffix}@example.com`;
    const sent = await createCandidate({ firstName: "Ottilie", lastName: `Brandt${suffix}`, email });
    await client.handoff.create({
      data: { candidateId: sent.id, status: "SENT", personioEmployeeId: 7, sentById: adminId, sentAt: new Date() },
    });
    const unsent = await createCandidate({ firstName: "Ottilie", lastName: `Brandt${suffix}`, email });
    const other = await createCandidate({ firstName: "Other", lastName: suffix, email: `other.${suffix}@example.com` });
    const stored = async (candidateId: string, fileName: string) => {
      const row = await client.candidateDocument.create({
        data: { candidateId, fileName, mimeType: "application/pdf", extension: "pdf", size: 4, sha256: "0".repeat(64) },
      });
      writeFileSync(path.join(documentsDir, row.id), "%PDF");
      return row.id;
    };
    await stored(sent.id, `Ottilie-Brandt-${suffix}-cv.pdf`);
    await stored(unsent.id, "contract.pdf");
    const kept = await stored(other.id, "other.pdf");
    writeFileSync(path.join(documentsDir, `orphan${suffix}`), "%PDF"); // a row deleted another way

    await privacy.erasure.erasePerson(client, { email, actorId: adminId, via: "screen" });

    expect(await client.candidateDocument.count({ where: { candidateId: { in: [sent.id, unsent.id] } } })).toBe(0);
    const rows = new Set((await client.candidateDocument.findMany({ select: { id: true } })).map((row) => row.id));
    const files = readdirSync(documentsDir).filter((name) => !name.startsWith("."));
    expect(files).toContain(kept);
    expect(files.filter((name) => !rows.has(name))).toEqual([]);
  });

  it("says nothing was found for an unknown email", async () => {
    const result = await privacy.erasure.erasePerson(client, {
      email: `nobody.${unique()}@example.com`,
      actorId: adminId,
      via: "screen",
    });
    expect(result).toEqual({ found: false });
  });

  it("erases nothing while the person's send is in flight", async () => {
    const suffix = unique();
    const email = `flight.${suffix}@example.com`;
    const candidate = await createCandidate({ firstName: "Fly", lastName: `Flight-${suffix}`, email });
    await client.handoff.create({
      data: { candidateId: candidate.id, status: "SENDING", claimToken: "c", claimedAt: new Date(), attempts: 1 },
    });
    await client.webhookDelivery.create({
      data: { sourceId: (await webhookSource()).id, outcome: "created", mappedFields: JSON.stringify({ email }) },
    });
    await expect(privacy.erasure.erasePerson(client, { email, actorId: adminId, via: "screen" })).rejects.toThrow(
      /send_in_flight/,
    );
    expect(await client.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).toMatchObject({ email });
    expect(await findEverywhere(email)).toContain("WebhookDelivery.mappedFields");
  });
});
