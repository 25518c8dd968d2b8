import "server-only";

import { writeAuditLog } from "@/lib/audit";
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
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics/registry";

// Imports run in the server process, not in the request that starts them: a queued import is
// claimed with a lease (leaseUntil), worked through in batches, and each batch's writes, its
// rejected rows and the import's counters commit together. A process that dies leaves a lease
// that runs out; whoever looks next (the status poll, the next start) picks the import up and
// resumes after the last committed batch. Re-running rows is harmless anyway: an import writes
// only differences.

// 200 rows keep a batch's JSON (lib/db/json-insert.ts) under V8's large-object size (128 kB), so
// it is collected young; larger batches peaked over the import's memory budget (bench/README.md).
const BATCH_ROWS = 200;
const LEASE_MS = 60_000;

class LeaseLost extends Error {}

type Counters = { created: number; updated: number; unchanged: number; rejected: number; keptInPersonio: number };

type PendingRow = { rowNumber: number; values: RowValues; cells: string[] };
type RejectedRow = { rowNumber: number; reasons: RowProblem[]; cells: string[] };

const globalForRunner = globalThis as unknown as { importRunner?: { active: boolean; again: boolean } };
const runner = (globalForRunner.importRunner ??= { active: false, again: false });

/** Starts working through queued imports in this process, unless it already is. */
export function kickImportRunner() {
  if (runner.active) {
    runner.again = true;
    return;
  }
  runner.active = true;
  void (async () => {
    try {
      do {
        runner.again = false;
        for (;;) {
          const claimed = await claimNextImport();
          if (!claimed) break;
          await processImport(claimed.id, claimed.leaseUntil);
        }
      } while (runner.again);
    } catch (error) {
      logger.error({ err: error }, "Import runner stopped");
    } finally {
      runner.active = false;
    }
  })();
}

/** An import that is waiting, or whose worker stopped renewing its lease. */
export function isImportStalled(record: { status: string; leaseUntil: Date | null }, now = new Date()) {
  return (
    record.status === "QUEUED" ||
    (record.status === "RUNNING" && (record.leaseUntil === null || record.leaseUntil < now))
  );
}

async function claimNextImport(): Promise<{ id: string; leaseUntil: Date } | null> {
  const now = new Date();
  const waiting = await db.candidateImport.findMany({
    where: {
      OR: [
        { status: "QUEUED" },
        { status: "RUNNING", leaseUntil: { lt: now } },
        { status: "RUNNING", leaseUntil: null },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: 5,
    select: { id: true, status: true, leaseUntil: true, startedAt: true },
  });
  for (const candidate of waiting) {
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    // Compare-and-set on the lease read above: of two processes, one wins.
    const { count } = await db.candidateImport.updateMany({
      where: { id: candidate.id, status: candidate.status, leaseUntil: candidate.leaseUntil },
      data: { status: "RUNNING", leaseUntil, startedAt: candidate.startedAt ?? now },
    });
    if (count === 1) return { id: candidate.id, leaseUntil };
  }
  return null;
}

export async function processImport(importId: string, initialLease: Date) {
  let lease = initialLease;
  const record = await db.candidateImport.findUniqueOrThrow({ where: { id: importId } });
  const counters: Counters = {
    created: record.createdCount,
    updated: record.updatedCount,
    unchanged: record.unchangedCount,
    rejected: record.rejectedCount,
    keptInPersonio: record.keptInPersonioCount,
  };
  try {
    if (!(await hasImportFile(importId))) throw new Error("The import's file is missing");
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
      lease = await writeBatch({
        importId,
        origin: { via: "import", importId, userId: record.createdById },
        externalSource: record.externalSource,
        lease,
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
      const { count } = await tx.candidateImport.updateMany({
        where: { id: importId, leaseUntil: lease },
        data: {
          status: "DONE",
          finishedAt: new Date(),
          leaseUntil: null,
          processedRows: dataRows,
          totalRows: dataRows,
        },
      });
      if (count !== 1) throw new LeaseLost();
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
  } catch (error) {
    if (error instanceof LeaseLost) return; // another process has taken it over
    logger.error({ err: error, importId }, "Import failed");
    await db.$transaction(async (tx) => {
      const { count } = await tx.candidateImport.updateMany({
        where: { id: importId, leaseUntil: lease },
        data: { status: "FAILED", errorCode: "unexpected", finishedAt: new Date(), leaseUntil: null },
      });
      if (count !== 1) return;
      await writeAuditLog(tx, {
        actorId: record.createdById,
        action: "import.run",
        targetType: "import",
        targetId: importId,
        outcome: "failure",
        details: {
          fileName: record.fileName,
          created: counters.created,
          updated: counters.updated,
          rejected: counters.rejected,
        },
      });
    });
  }
}

async function writeBatch(input: {
  importId: string;
  origin: CandidateOrigin;
  externalSource: string;
  lease: Date;
  pending: PendingRow[];
  rejected: RejectedRow[];
  processedRows: number;
  jobs: Map<string, JobRef>;
  counters: Counters;
}): Promise<Date> {
  const { importId, origin, externalSource, pending, jobs } = input;
  const rejected = [...input.rejected];
  const delta: Counters = { created: 0, updated: 0, unchanged: 0, rejected: 0, keptInPersonio: 0 };
  const nextLease = new Date(Date.now() + LEASE_MS);

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
      const { count } = await tx.candidateImport.updateMany({
        where: { id: importId, leaseUntil: input.lease },
        data: {
          processedRows: input.processedRows,
          leaseUntil: nextLease,
          createdCount: { increment: delta.created },
          updatedCount: { increment: delta.updated },
          unchangedCount: { increment: delta.unchanged },
          rejectedCount: { increment: delta.rejected },
          keptInPersonioCount: { increment: delta.keptInPersonio },
        },
      });
      if (count !== 1) throw new LeaseLost();
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  for (const key of Object.keys(delta) as Array<keyof Counters>) {
    input.counters[key] += delta[key];
    // Counted once the batch is committed: a batch repeated after a lost lease counts again, as
    // its rows were processed again (then mostly "unchanged").
    if (delta[key] > 0) metrics.importRows.inc({ outcome: key }, delta[key]);
  }
  return nextLease;
}
