// The import end to end below the UI: upload, start, the background job that runs it, the counts, a second
// run of the same file, a candidate already in Personio, and a resume after a crash. Runs on
// SQLite, and on PostgreSQL when HANDOFF_TEST_DATABASE_URL names a server.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { buildWorkbook } from "@/e2e/support/xlsx-files";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";

type Service = typeof import("@/lib/imports/service");
type Runner = typeof import("@/lib/background/process-runner");

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let service: Service;
let runner: Runner;
let actorId: string;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-import-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.resetModules();
  vi.doMock("@/lib/db", () => ({ db: client }));
  // The runner writes new candidates with each database's own SQL, chosen by DATABASE_URL.
  vi.doMock("@/lib/env", () => ({ env: { DATABASE_URL: database.url } }));
  service = await import("@/lib/imports/service");
  runner = await import("@/lib/background/process-runner");
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

// As German Excel saves "CSV (Trennzeichen-getrennt)": semicolons, Windows-1252, here with a BOM
// too (UTF-8 BOM is what "CSV UTF-8" adds; a Windows-1252 file has none, see the next test).
function germanCsv(lines: string[]) {
  return new Uint8Array(iconv.encode(lines.join("\r\n") + "\r\n", "win1252"));
}

async function importFile(bytes: Uint8Array, externalSource = "spreadsheet") {
  const { id } = await service.createImport({ actorId, fileName: "bewerber.csv", bytes });
  const preview = await service.previewImport(id);
  await service.startImport({ actorId, input: { importId: id, mapping: preview.mapping, externalSource } });
  for (let attempt = 0; attempt < 200; attempt++) {
    const status = await service.getImportStatus(id);
    if (status?.status === "DONE" || status?.status === "FAILED") return { status, preview };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("import did not finish");
}

const HEADER = "Vorname;Nachname;E-Mail;Stelle;Status;Eintrittsdatum;Telefon;Externe ID;Notizen";

describe("an import", () => {
  it("creates, rejects with reasons, creates jobs on the fly, and changes nothing the second time", async () => {
    const file = germanCsv([
      HEADER,
      "Jürgen;Weiß;juergen.weiss@example.com;Backend Engineer;Eingestellt;31.12.2026;+49 30 1234;A-1;",
      'Zoë;Çelik;zoe.celik@example.com;backend engineer;Angebot;01.02.2027;;A-2;=HYPERLINK("http://evil.example","klick")',
      ";;;;;;;;",
      ";Ohne Vorname;ohne@example.com;Backend Engineer;;;;A-3;",
      "Doppelt;Weiß;JUERGEN.WEISS@example.com;Backend Engineer;;;;A-4;",
      "Ünbekannt;Phase;phase@example.com;Designer;Abgesagt;;;A-5;",
    ]);
    const { status, preview } = await importFile(file);
    expect(preview.totalRows).toBe(5);
    expect(preview.rowsWithProblems).toBe(3);
    expect(preview.rows.map((row) => row.problems)).toEqual([
      [],
      [],
      ["missing_first_name"],
      ["duplicate_email"],
      ["unknown_stage"],
    ]);
    expect(status.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 3, keptInPersonio: 0 });

    const jurgen = await client.candidate.findFirstOrThrow({ where: { externalId: "A-1" }, include: { job: true } });
    expect(jurgen).toMatchObject({
      firstName: "Jürgen",
      lastName: "Weiß",
      stage: "HIRED",
      startDate: "2026-12-31",
      phone: "+49 30 1234",
      externalSource: "spreadsheet",
    });
    const zoe = await client.candidate.findFirstOrThrow({ where: { externalId: "A-2" } });
    expect(zoe.notes).toBe('=HYPERLINK("http://evil.example","klick")');
    expect(zoe.jobId).toBe(jurgen.jobId); // one job, case ignored
    expect(await client.job.count()).toBe(1);

    const rejections = await service.listRejections(status.id);
    expect(rejections.map((row) => [row.rowNumber, row.reasons])).toEqual([
      [5, ["missing_first_name"]],
      [6, ["duplicate_email"]],
      [7, ["unknown_stage"]],
    ]);
    let csv = "";
    for await (const chunk of service.rejectedRowsCsv(status.id, {
      row: "Zeile",
      problems: "Probleme",
      describe: (problem) => problem,
    }))
      csv += chunk;
    expect(
      csv.startsWith(
        "\uFEFFVorname;Nachname;E-Mail;Stelle;Status;Eintrittsdatum;Telefon;Externe ID;Notizen;Zeile;Probleme\r\n",
      ),
    ).toBe(true);
    expect(csv).toContain(";Ohne Vorname;ohne@example.com;Backend Engineer;;;;A-3;;5;missing_first_name\r\n");

    const audit = await client.auditLog.findFirstOrThrow({
      where: { action: "import.run", targetId: status.id },
    });
    expect(JSON.parse(audit.details!)).toMatchObject({ fileName: "bewerber.csv", created: 2, rejected: 3 });
    expect(audit.actorId).toBe(actorId);

    const before = await client.candidate.findMany({ orderBy: { id: "asc" } });
    const again = await importFile(file);
    expect(again.status.counts).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 3, keptInPersonio: 0 });
    expect(await client.candidate.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("only completes a candidate already in Personio, and counts it", async () => {
    const job = await client.job.create({
      data: { title: "Office Manager", department: "Operations", office: "Vienna" },
    });
    const sent = await client.candidate.create({
      data: {
        firstName: "Ingrid",
        lastName: "Sørensen",
        email: "ingrid@example.com",
        jobId: job.id,
        stage: "HIRED",
        phone: null,
      },
    });
    await client.handoff.create({ data: { candidateId: sent.id, status: "SENT", personioEmployeeId: 7 } });
    const file = new TextEncoder().encode(
      [
        "First name,Last name,Email,Job,Stage,Phone",
        "Ingrid,Sorensen,ingrid@example.com,Office Manager,Offer,+43 1 555",
      ].join("\n"),
    );
    const { status } = await importFile(file);
    expect(status.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0, keptInPersonio: 1 });
    const after = await client.candidate.findUniqueOrThrow({ where: { id: sent.id } });
    expect(after).toMatchObject({ lastName: "Sørensen", stage: "HIRED", phone: "+43 1 555" });
  });

  it("resumes after the process working on it died, without doing a row twice", async () => {
    const lines = ["First name,Last name,Email,Job,External ID"];
    for (let index = 0; index < 1200; index++)
      lines.push(`Person,Nummer ${index},person${index}@resume.example,Resume Job,R-${index}`);
    const { id } = await service.createImport({
      actorId,
      fileName: "resume.csv",
      bytes: new TextEncoder().encode(lines.join("\n")),
    });
    const preview = await service.previewImport(id);
    // As if a process had queued it, done the first batch and died: its job's lease ran out.
    await client.candidateImport.update({
      where: { id },
      data: {
        status: "RUNNING",
        mapping: JSON.stringify(preview.mapping),
        processedRows: 500,
        createdCount: 500,
      },
    });
    await client.backgroundJob.create({
      data: {
        kind: "import",
        key: id,
        payload: JSON.stringify({ importId: id }),
        status: "RUNNING",
        attempts: 1,
        leaseToken: "the-process-that-died",
        leaseUntil: new Date(Date.now() - 1000),
      },
    });
    const job = await client.job.create({ data: { title: "Resume Job", department: "", office: "" } });
    await client.candidate.createMany({
      data: Array.from({ length: 500 }, (_, index) => ({
        firstName: "Person",
        lastName: `Nummer ${index}`,
        email: `person${index}@resume.example`,
        jobId: job.id,
        stage: "APPLIED",
        externalSource: "spreadsheet",
        externalId: `R-${index}`,
      })),
    });
    runner.kickBackgroundRunner(); // what the next poll does
    let status = await service.getImportStatus(id);
    for (let attempt = 0; attempt < 200 && status?.status !== "DONE"; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await service.getImportStatus(id);
    }
    expect(status?.counts).toMatchObject({ created: 1200, rejected: 0 });
    expect(await client.candidate.count({ where: { email: { endsWith: "@resume.example" } } })).toBe(1200);
  });
});

describe("an import that fails", () => {
  it("is FAILED with its audit entry when its file is gone, and goes on when an admin retries it", async () => {
    const bytes = new TextEncoder().encode(
      ["First name,Last name,Email,Job", "Retry,Later,retry.later@example.com,Retry Job"].join("\n"),
    );
    const { id } = await service.createImport({ actorId, fileName: "gone.csv", bytes });
    const preview = await service.previewImport(id);
    await client.candidateImportFileChunk.deleteMany({ where: { importId: id } });
    await service.startImport({
      actorId,
      input: { importId: id, mapping: preview.mapping, externalSource: "spreadsheet" },
    });
    let status = await service.getImportStatus(id);
    for (let attempt = 0; attempt < 200 && status?.status !== "FAILED"; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await service.getImportStatus(id);
    }
    expect(status).toMatchObject({ status: "FAILED", errorCode: "unexpected" });
    // A missing file is no failure a retry mends: one attempt.
    const job = await client.backgroundJob.findUniqueOrThrow({ where: { kind_key: { kind: "import", key: id } } });
    expect(job).toMatchObject({ status: "FAILED", attempts: 1, lastError: "import_file_missing" });
    const failure = await client.auditLog.findFirstOrThrow({ where: { action: "import.run", targetId: id } });
    expect(failure.outcome).toBe("failure");

    // The file is back (as after restoring a backup); the admin page's Retry now.
    const { storeImportFile } = await import("@/lib/imports/file-store");
    await client.$transaction((tx) => storeImportFile(tx, id, bytes));
    const { retryBackgroundJob } = await import("@/lib/background/admin");
    await retryBackgroundJob({ actorId, jobId: job.id });
    status = await service.getImportStatus(id);
    for (let attempt = 0; attempt < 200 && status?.status !== "DONE"; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await service.getImportStatus(id);
    }
    expect(status).toMatchObject({ status: "DONE", errorCode: null, counts: { created: 1, rejected: 0 } });
    // The runner marks the job done after the import's last write commits: a moment later.
    await expect
      .poll(() => client.backgroundJob.findUniqueOrThrow({ where: { id: job.id } }), { timeout: 10_000 })
      .toMatchObject({ status: "DONE", attempts: 1, lastError: null });
    const retried = await client.auditLog.findFirstOrThrow({
      where: { action: "background-job.retry", targetId: job.id },
    });
    expect(retried.actorId).toBe(actorId);
    await expect(client.candidate.count({ where: { email: "retry.later@example.com" } })).resolves.toBe(1);
  });
});

describe("a workbook as HR has it", () => {
  it("imports from the sheet after a cover sheet, below a title row, with General-format serial dates", async () => {
    const bytes = buildWorkbook([
      { name: "Deckblatt", rows: [[null], [null]] },
      {
        name: "Bewerber",
        rows: [
          ["Bewerberliste Q4/2026"],
          ["Vorname", "Nachname", "E-Mail", "Stelle", "Eintrittsdatum", "Notizen"],
          ["Jürgen", "Mu\u0308ller", "j.mueller@workbook.example", "Backend Engineer", 46387, "Zeile 1\nZeile 2"],
          ["Bell", "Ring\u0007", "bell@workbook.example", "Designer", 46023, null],
        ],
      },
    ]);
    const { status, preview } = await importFile(bytes);
    expect(status).toMatchObject({ sheets: ["Deckblatt", "Bewerber"], sheet: 1, headerRow: 2 });
    expect(preview.rows.map((row) => [row.rowNumber, row.problems])).toEqual([
      [3, []],
      [4, ["control_characters"]],
    ]);
    expect(status.counts).toMatchObject({ created: 1, rejected: 1 });
    const stored = await client.candidate.findFirstOrThrow({ where: { email: "j.mueller@workbook.example" } });
    // Stored in NFC: the name typed on a Mac is the name typed on Windows.
    expect(stored).toMatchObject({ lastName: "M\u00fcller", startDate: "2026-12-31", notes: "Zeile 1\nZeile 2" });
  });

  it("another header row or sheet can be chosen before the import starts", async () => {
    const bytes = buildWorkbook([
      {
        name: "Eins",
        rows: [
          ["Vorname", "Nachname", "E-Mail", "Stelle"],
          ["First", "Last", "Email", "Job"],
          ["A", "B", "a@layout.example", "Job"],
        ],
      },
      { name: "Leer", rows: [] },
    ]);
    const { id } = await service.createImport({ actorId, fileName: "layout.xlsx", bytes });
    await expect(service.chooseImportLayout({ importId: id, sheet: 1 })).rejects.toMatchObject({
      refused: { refusal: "sheet_empty", sheet: "Leer" },
    });
    expect(await service.chooseImportLayout({ importId: id, headerRow: 2 })).toEqual({ headerRow: 2, sheet: 0 });
    expect(await service.getImportStatus(id)).toMatchObject({
      headerRow: 2,
      headers: ["First", "Last", "Email", "Job"],
      totalRows: 1,
    });
  });
});
