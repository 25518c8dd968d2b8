// The one write path: the REST API, an import row and a webhook delivery that change the same
// candidate each leave an audit entry of the same shape naming their origin; two webhook sources
// of one vendor keep their candidates apart. Runs on SQLite, and on PostgreSQL when
// HANDOFF_TEST_DATABASE_URL names a server.
import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import type { MappedHire } from "@/lib/webhooks/interpretation";

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let candidates: typeof import("@/lib/candidates/service");
let imports: typeof import("@/lib/imports/service");
let sources: typeof import("@/lib/webhooks/sources");
let apply: typeof import("@/lib/webhooks/apply");
let actorId: string;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-candidate-write-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.resetModules();
  vi.doMock("@/lib/db", () => ({ db: client }));
  vi.doMock("@/lib/env", () => ({
    env: { DATABASE_URL: database.url, ENCRYPTION_KEY: randomBytes(32).toString("base64") },
  }));
  candidates = await import("@/lib/candidates/service");
  imports = await import("@/lib/imports/service");
  sources = await import("@/lib/webhooks/sources");
  apply = await import("@/lib/webhooks/apply");
  await client.role.upsert({ where: { id: "admin" }, create: { id: "admin", name: "Admin" }, update: {} });
  actorId = (
    await client.user.create({
      data: { name: "Admin", email: "admin@example.com", passwordHash: "x", roleId: "admin" },
    })
  ).id;
});

afterAll(async () => {
  await client.$disconnect();
  await database.drop();
});

async function addSource(kind: "greenhouse" | "handoff") {
  const { sourceId } = await sources.createSource({ actorId, input: { kind, name: `${kind} ${Date.now()}` } });
  return client.webhookSource.findUniqueOrThrow({
    where: { id: sourceId },
    select: { id: true, kind: true, externalSource: true },
  }) as Promise<{ id: string; kind: "greenhouse" | "handoff"; externalSource: string }>;
}

function hire(externalId: string, values: Partial<MappedHire> = {}): MappedHire {
  return {
    externalId,
    firstName: "Jana",
    lastName: "Novak",
    email: `jana.${externalId}@example.com`,
    phone: null,
    jobTitle: "Developer",
    department: null,
    office: null,
    startDate: null,
    ...values,
  };
}

async function deliver(
  source: { id: string; kind: "greenhouse" | "handoff"; externalSource: string },
  mapped: MappedHire,
) {
  return apply.applyDelivery({
    source,
    interpretation: {
      kind: "hire",
      hire: mapped,
      eventType: "hire_candidate",
      eventId: randomBytes(8).toString("hex"),
    },
    bodyHash: randomBytes(16).toString("hex"),
    startedAt: Date.now(),
  });
}

async function importCsv(lines: string[], externalSource: string) {
  const bytes = new TextEncoder().encode(lines.join("\n") + "\n");
  const { id } = await imports.createImport({ actorId, fileName: "hires.csv", bytes });
  const preview = await imports.previewImport(id);
  await imports.startImport({ actorId, input: { importId: id, mapping: preview.mapping, externalSource } });
  for (let attempt = 0; attempt < 200; attempt++) {
    const status = await imports.getImportStatus(id);
    if (status?.status === "DONE") return id;
    if (status?.status === "FAILED") throw new Error("import failed");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("import did not finish");
}

function auditOf(candidateId: string) {
  return client.auditLog
    .findMany({ where: { targetType: "candidate", targetId: candidateId }, orderBy: [{ at: "asc" }, { id: "asc" }] })
    .then((rows) =>
      rows.map((row) => ({ ...row, details: JSON.parse(row.details ?? "{}") as Record<string, unknown> })),
    );
}

describe("one write path for candidates", () => {
  it("a webhook delivery, an API call and an import row that change one candidate each write one audit entry of the same shape", async () => {
    const source = await addSource("greenhouse");
    const created = await deliver(source, hire("7001"));
    expect(created.outcome).toBe("created");
    const candidateId = created.candidateId!;

    const changed = await deliver(source, hire("7001", { phone: "+49 30 1" }));
    expect(changed).toMatchObject({ outcome: "updated", reason: null });
    const apiKey = await client.apiKey.create({
      data: {
        name: "ATS",
        prefix: "hnd_test",
        keyHash: randomBytes(32).toString("hex"),
        scopes: "candidates:write",
        createdById: actorId,
      },
    });
    const api = await candidates.upsertCandidateByExternalId(
      { externalSource: source.externalSource, externalId: "7001" },
      {
        firstName: "Jana",
        lastName: "Novak",
        email: "jana.7001@example.com",
        notes: "From the API",
        job: { title: "Developer" },
      },
      { via: "api", apiKeyId: apiKey.id },
    );
    expect(api.outcome).toBe("updated");
    const importId = await importCsv(
      [
        "First name,Last name,Email,Job title,External ID,Phone",
        "Jana,Novak,jana.7001@example.com,Developer,7001,+49 30 2",
      ],
      source.externalSource,
    );

    const entries = await auditOf(candidateId);
    expect(entries.map((entry) => entry.action)).toEqual([
      "candidate.create",
      "candidate.update",
      "candidate.update",
      "candidate.update",
    ]);
    expect(entries[0]!.details).toEqual({ via: "webhook", sourceId: source.id, externalSource: source.externalSource });
    expect(entries.slice(1).map((entry) => [entry.actorId, entry.details])).toEqual([
      [null, { via: "webhook", sourceId: source.id, fields: ["phone"] }],
      [null, { via: "api", apiKeyId: apiKey.id, fields: ["notes"] }],
      [actorId, { via: "import", importId, fields: ["phone"] }],
    ]);
  });

  it("two sources of one vendor with the same external id make two candidates", async () => {
    const first = await addSource("greenhouse");
    const second = await addSource("greenhouse");
    expect(first.externalSource).not.toBe(second.externalSource);

    const a = await deliver(first, hire("8001", { firstName: "Anna", email: "anna@example.com" }));
    const b = await deliver(second, hire("8001", { firstName: "Bert", email: "bert@example.com" }));
    expect(a.outcome).toBe("created");
    expect(b.outcome).toBe("created");
    expect(a.candidateId).not.toBe(b.candidateId);
    // The second source's delivery left the first source's candidate as it was.
    const anna = await client.candidate.findUniqueOrThrow({ where: { id: a.candidateId! } });
    expect(anna).toMatchObject({ firstName: "Anna", email: "anna@example.com", externalSource: first.externalSource });
    const again = await deliver(second, hire("8001", { firstName: "Bertram", email: "bert@example.com" }));
    expect(again).toMatchObject({ outcome: "updated", candidateId: b.candidateId });
    expect((await client.candidate.findUniqueOrThrow({ where: { id: a.candidateId! } })).firstName).toBe("Anna");
  });

  it("names a vendor's sources after it in order, and the Handoff webhook's after the source", () => {
    expect(sources.newExternalSource("greenhouse", "c1", new Set())).toBe("greenhouse");
    expect(sources.newExternalSource("greenhouse", "c2", new Set(["greenhouse"]))).toBe("greenhouse-2");
    expect(sources.newExternalSource("greenhouse", "c3", new Set(["greenhouse", "greenhouse-3"]))).toBe("greenhouse-2");
    expect(sources.newExternalSource("handoff", "c4", new Set(["handoff"]))).toBe("handoff.c4");
  });
});
