import "server-only";

import { z } from "zod";

import type { Prisma } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";
import { enqueueJob } from "@/lib/background/enqueue";
import { PermanentJobError } from "@/lib/background/errors";
import { defineJobKind, type JobContext } from "@/lib/background/registry";
import type { CandidateValues } from "@/lib/candidates/fields";
import type { CandidateOrigin } from "@/lib/candidates/origin";
import { STORED_VALUES_SELECT, type StoredCandidate } from "@/lib/candidates/record";
import { foldPlain } from "@/lib/candidates/search-text";
import { changeCandidateIn, createCandidatesIn, type ExternalKey, type NewCandidate } from "@/lib/candidates/write";
import { db } from "@/lib/db";
import type { ColumnMapping } from "@/lib/imports/fields";
import { hasImportFile, readImportFile } from "@/lib/imports/file-store";
import { readSheetRows, sourceOf } from "@/lib/imports/read";
import {
  emailMatchKey,
  FileDuplicates,
  isEmptyRow,
  readRow,
  type RowProblem,
  type RowValues,
} from "@/lib/imports/rows";
import { findOrCreateJob, loadJobsByTitle, type JobRef } from "@/lib/jobs/service";
import { metrics } from "@/lib/metrics/registry";

// An import is a background job of kind "import" (lib/background/), queued with the import row
// by startImport. It is worked through in batches; each batch's writes, its rejected rows, the
// import's counters and a renewal of the job's lease commit together, so a batch commits only
// while the job is this process's. A process that dies leaves a lease that runs out; the runner
// of another process (or of the next start) takes the job over and it resumes after the last
// committed batch. Re-running rows is harmless anyway: an import writes only differences.

// Rows per batch (one transaction). Larger batches peaked over the import's memory budget
// (bench/README.md); the new rows' JSON is split further into statements (lib/db/json-insert.ts).
const BATCH_ROWS = 200;

type Counters = { created: number; updated: number; unchanged: number; rejected: number; keptInPersonio: number };

type PendingRow = { rowNumber: number; values: RowValues; cells: string[] };
type RejectedRow = { rowNumber: number; reasons: RowProblem[]; cells: string[] };

const WORKING = ["QUEUED", "RUNNING"];

async function runImport(importId: string, context: JobContext) {
  const record = await db.candidateImport.findUnique({ where: { id: importId } });
  // Done already (a process died between the import's last commit and the job's), or gone.
  if (!record || !WORKING.includes(record.status)) return;
  await db.$transaction(async (tx) => {
    await context.renewLease(tx);
    await tx.candidateImport.update({
      where: { id: importId },
      data: { status: "RUNNING", startedAt: record.startedAt ?? context.now() },
    });
  });
  const counters: Counters = {
    created: record.createdCount,
    updated: record.updatedCount,
    unchanged: record.unchangedCount,
    rejected: record.rejectedCount,
    keptInPersonio: record.keptInPersonioCount,
  };
  if (!(await hasImportFile(importId))) throw new PermanentJobError("import_file_missing");
  const mapping = JSON.parse(record.mapping ?? "{}") as ColumnMapping;
  const source = sourceOf(record);
  let headerRow = record.headerRow;
  const duplicates = new FileDuplicates();
  const jobs = await loadJobsByTitle();
  const resumeAfter = record.processedRows;

  let pending: PendingRow[] = [];
  let rejected: RejectedRow[] = [];
  let dataRows = 0;
  let rowNumber = 0;
  const flush = async () => {
    if (pending.length === 0 && rejected.length === 0) return;
    // Shutting down: stop between batches; the job is released and resumes after this one.
    context.signal.throwIfAborted();
    await writeBatch({
      importId,
      origin: { via: "import", importId, userId: record.createdById },
      externalSource: record.externalSource,
      renewLease: context.renewLease,
      pending,
      rejected,
      processedRows: dataRows,
      jobs,
      counters,
    });
    pending = [];
    rejected = [];
    // SQLite's driver is synchronous and Prisma chains its steps as promises: without a turn
    // of the event loop between batches, requests (the page's progress polls) would wait for
    // the whole import.
    await new Promise((resolve) => setImmediate(resolve));
  };

  for await (const cells of readSheetRows(readImportFile(importId), source)) {
    rowNumber++;
    if (isEmptyRow(cells)) continue;
    headerRow ??= rowNumber; // an import uploaded before the header row was stored
    if (rowNumber <= headerRow) continue;
    dataRows++;
    const { values, problems } = readRow(cells, mapping, { date1904: record.date1904 });
    // Rows before the resume point are read again only to remember their emails and ids.
    const duplicateProblems = values ? duplicates.check(values) : [];
    if (dataRows <= resumeAfter) continue;
    if (values && duplicateProblems.length === 0) pending.push({ rowNumber, values, cells });
    else rejected.push({ rowNumber, reasons: [...problems, ...duplicateProblems], cells });
    if (pending.length + rejected.length >= BATCH_ROWS) await flush();
  }
  await flush();

  await db.$transaction(async (tx) => {
    await context.renewLease(tx);
    await tx.candidateImport.update({
      where: { id: importId },
      data: { status: "DONE", finishedAt: context.now(), processedRows: dataRows, totalRows: dataRows },
    });
    await tx.candidateImportFileChunk.deleteMany({ where: { importId } });
    await writeAuditLog(tx, {
      actorId: record.createdById,
      action: "import.run",
      targetType: "import",
      targetId: importId,
      outcome: "success",
      details: {
        fileName: record.fileName,
        fileSha256: record.fileSha256,
        rows: dataRows,
        created: counters.created,
        updated: counters.updated,
        unchanged: counters.unchanged,
        rejected: counters.rejected,
        keptInPersonio: counters.keptInPersonio,
      },
    });
  });
}

/** The import as a background job: its payload is the import's id. */
export const importJob = defineJobKind({
  kind: "import",
  payload: z.object({ importId: z.string() }),
  run: ({ importId }, context) => runImport(importId, context),
  // One import at a time per process: a large one holds much of the heap (README, NODE_OPTIONS).
  perProcess: 1,
  retry: { maxAttempts: 3, baseDelayMs: 30_000 },
  async onFailed(tx, { importId }) {
    const record = await tx.candidateImport.findUnique({ where: { id: importId } });
    if (!record || !WORKING.includes(record.status)) return;
    await tx.candidateImport.update({
      where: { id: importId },
      data: { status: "FAILED", errorCode: "unexpected", finishedAt: new Date() },
    });
    await writeAuditLog(tx, {
      actorId: record.createdById,
      action: "import.run",
      targetType: "import",
      targetId: importId,
      outcome: "failure",
      details: {
        fileName: record.fileName,
        created: record.createdCount,
        updated: record.updatedCount,
        rejected: record.rejectedCount,
      },
    });
  },
  // An admin's "Retry now": the import goes on after its last committed batch.
  async onRetry(tx, { importId }) {
    await tx.candidateImport.updateMany({
      where: { id: importId, status: "FAILED" },
      data: { status: "QUEUED", errorCode: null, finishedAt: null },
    });
  },
});

export async function enqueueImport(tx: Prisma.TransactionClient, importId: string) {
  return enqueueJob(tx, { kind: importJob.kind, key: importId, payload: { importId } });
}

async function writeBatch(input: {
  importId: string;
  origin: CandidateOrigin;
  externalSource: string;
  renewLease: JobContext["renewLease"];
  pending: PendingRow[];
  rejected: RejectedRow[];
  processedRows: number;
  jobs: Map<string, JobRef>;
  counters: Counters;
}) {
  const { importId, origin, externalSource, pending, jobs } = input;
  const rejected = [...input.rejected];
  const delta: Counters = { created: 0, updated: 0, unchanged: 0, rejected: 0, keptInPersonio: 0 };
  await db.$transaction(
    async (tx) => {
      const externalIds = pending.flatMap((row) => (row.values.externalId ? [row.values.externalId] : []));
      const byExternalId = new Map<string, StoredCandidate>();
      if (externalIds.length > 0) {
        const found = await tx.candidate.findMany({
          where: { externalSource, externalId: { in: externalIds } },
          select: STORED_VALUES_SELECT,
        });
        for (const candidate of found) byExternalId.set(candidate.externalId!, candidate);
      }
      // emailKey is folded for search (accents dropped); the match itself is the email, case ignored.
      const emailKeys = [...new Set(pending.map((row) => foldPlain(row.values.email)))];
      const byEmail = new Map<string, StoredCandidate[]>();
      const foundByEmail = await tx.candidate.findMany({
        where: { emailKey: { in: emailKeys } },
        select: STORED_VALUES_SELECT,
      });
      for (const candidate of foundByEmail) {
        const key = emailMatchKey(candidate.email);
        byEmail.set(key, [...(byEmail.get(key) ?? []), candidate]);
      }

      const creates: Array<{ values: NewCandidate; key: ExternalKey | null }> = [];
      for (const { rowNumber, values, cells } of pending) {
        let current = values.externalId ? byExternalId.get(values.externalId) : undefined;
        let linkToRow = false;
        if (!current) {
          const sameEmail = byEmail.get(emailMatchKey(values.email)) ?? [];
          if (sameEmail.length > 1) {
            rejected.push({ rowNumber, reasons: ["email_ambiguous"], cells });
            continue;
          }
          const match = sameEmail[0];
          if (match) {
            // The same person under another id of this source is a different record there.
            if (values.externalId && match.externalId !== null) {
              rejected.push({ rowNumber, reasons: ["email_in_use"], cells });
              continue;
            }
            current = match;
            linkToRow = Boolean(values.externalId);
          }
        }
        const { job } = await findOrCreateJob(
          { title: values.jobTitle, department: values.department, office: values.office },
          { client: tx, cache: jobs },
        );
        const given: Partial<CandidateValues> = {
          firstName: values.firstName,
          lastName: values.lastName,
          email: values.email,
          jobId: job.id,
          // An empty cell means "not given": an import adds and changes, it never clears.
          ...(values.stage ? { stage: values.stage } : {}),
          ...(values.startDate ? { startDate: values.startDate } : {}),
          ...(values.phone ? { phone: values.phone } : {}),
          ...(values.department ? { department: values.department } : {}),
          ...(values.office ? { office: values.office } : {}),
          ...(values.source ? { source: values.source } : {}),
          ...(values.notes ? { notes: values.notes } : {}),
        };
        if (current) {
          const link = linkToRow ? { externalSource, externalId: values.externalId! } : undefined;
          const change = await changeCandidateIn(tx, { current, given, origin, link });
          if (change.kept.length > 0) delta.keptInPersonio++;
          delta[change.outcome === "updated" ? "updated" : "unchanged"]++;
        } else {
          creates.push({
            values: {
              firstName: values.firstName,
              lastName: values.lastName,
              email: values.email,
              jobId: job.id,
              stage: values.stage ?? null,
              startDate: values.startDate ?? null,
              phone: values.phone ?? null,
              department: values.department ?? null,
              office: values.office ?? null,
              source: values.source ?? null,
              notes: values.notes ?? null,
            },
            key: values.externalId ? { externalSource, externalId: values.externalId } : null,
          });
        }
      }
      if (creates.length > 0) await createCandidatesIn(tx, { rows: creates, origin });
      delta.created = creates.length;
      if (rejected.length > 0) {
        await tx.candidateImportRejection.createMany({
          data: rejected.map((row) => ({
            importId,
            rowNumber: row.rowNumber,
            reasons: JSON.stringify(row.reasons),
            cells: JSON.stringify(row.cells),
          })),
        });
      }
      delta.rejected = rejected.length;
      await input.renewLease(tx);
      await tx.candidateImport.update({
        where: { id: importId },
        data: {
          processedRows: input.processedRows,
          createdCount: { increment: delta.created },
          updatedCount: { increment: delta.updated },
          unchangedCount: { increment: delta.unchanged },
          rejectedCount: { increment: delta.rejected },
          keptInPersonioCount: { increment: delta.keptInPersonio },
        },
      });
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  for (const key of Object.keys(delta) as Array<keyof Counters>) {
    input.counters[key] += delta[key];
    // Counted once the batch is committed: a batch repeated after a lost lease counts again, as
    // its rows were processed again (then mostly "unchanged").
    if (delta[key] > 0) metrics.importRows.inc({ outcome: key }, delta[key]);
  }
}
