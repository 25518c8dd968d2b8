import "server-only";

import { createHash } from "node:crypto";

import { writeAuditLog } from "@/lib/audit";
import { kickBackgroundRunner } from "@/lib/background/process-runner";
import { toCsvLine } from "@/lib/csv";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { guessMapping, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ColumnMapping } from "@/lib/imports/fields";
import { hasImportFile, readImportFile, storeImportFile } from "@/lib/imports/file-store";
import { inspectFile, inspectRows, type FileInspection } from "@/lib/imports/inspect";
import { PREVIEW_ROWS } from "@/lib/imports/limits";
import { readSheetRows, sourceOf } from "@/lib/imports/read";
import { FileDuplicates, isEmptyRow, readRow, ROW_PROBLEMS, type RowProblem } from "@/lib/imports/rows";
import { enqueueImport } from "@/lib/imports/run-import";
import { DEFAULT_IMPORT_SOURCE, type TStartImportInput } from "@/lib/imports/schemas";

type Refused = Exclude<FileInspection, { ok: true }>;

export class ImportFileError extends Error {
  constructor(readonly refused: Refused) {
    super(`Import file refused: ${refused.refusal}`);
  }

  get refusal() {
    return this.refused.refusal;
  }
}

function cleanFileName(name: string) {
  return name.replace(/[\u0000-\u001f\u007f/\\]/g, "_").slice(0, 200) || "upload";
}

/** What the inspection found about where the data is, as the import row stores it. */
function layoutData(inspection: Extract<FileInspection, { ok: true }>) {
  return {
    sheets: inspection.source.format === "xlsx" ? JSON.stringify(inspection.sheets) : null,
    sheet: inspection.source.sheet ?? null,
    headerRow: inspection.headerRow,
    date1904: inspection.date1904,
    headers: JSON.stringify(inspection.headers),
    mapping: JSON.stringify(guessMapping(inspection.headers)),
    totalRows: inspection.dataRows,
  };
}

/** Stores an uploaded file after reading it once; nothing is imported until the person confirms. */
export async function createImport({
  actorId,
  fileName,
  bytes,
}: {
  actorId: string;
  fileName: string;
  bytes: Uint8Array;
}) {
  const inspection = await inspectFile(bytes);
  if (!inspection.ok) throw new ImportFileError(inspection);
  const name = cleanFileName(fileName);
  return db.$transaction(
    async (tx) => {
      const created = await tx.candidateImport.create({
        data: {
          fileName: name,
          fileSize: bytes.length,
          fileSha256: createHash("sha256").update(bytes).digest("hex"),
          format: inspection.source.format,
          encoding: inspection.source.encoding,
          delimiter: inspection.source.delimiter,
          ...layoutData(inspection),
          externalSource: DEFAULT_IMPORT_SOURCE,
          status: "UPLOADED",
          createdById: actorId,
        },
        select: { id: true },
      });
      await storeImportFile(tx, created.id, bytes);
      return created;
    },
    { timeout: 60_000 },
  );
}

const IMPORT_SUMMARY_SELECT = {
  id: true,
  fileName: true,
  fileSize: true,
  format: true,
  encoding: true,
  delimiter: true,
  sheets: true,
  sheet: true,
  headerRow: true,
  externalSource: true,
  headers: true,
  mapping: true,
  status: true,
  totalRows: true,
  processedRows: true,
  createdCount: true,
  updatedCount: true,
  unchangedCount: true,
  rejectedCount: true,
  keptInPersonioCount: true,
  errorCode: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

export type ImportStatus = {
  id: string;
  fileName: string;
  fileSize: number;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  /** A workbook's sheet names and the one read; the header's row number (null: the first with data). */
  sheets: string[];
  sheet: number | null;
  headerRow: number | null;
  externalSource: string;
  headers: string[];
  mapping: ColumnMapping;
  status: "UPLOADED" | "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  totalRows: number;
  processedRows: number;
  counts: { created: number; updated: number; unchanged: number; rejected: number; keptInPersonio: number };
  errorCode: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** An import not finished yet: the background runner is asked to look for due jobs at once. */
function isImportUnfinished(record: { status: string }) {
  return record.status === "QUEUED" || record.status === "RUNNING";
}

/** The import as the page shows it; a stalled import (its worker died) is picked up again here. */
export async function getImportStatus(importId: string): Promise<ImportStatus | null> {
  const row = await db.candidateImport.findUnique({ where: { id: importId }, select: IMPORT_SUMMARY_SELECT });
  if (!row) return null;
  if (isImportUnfinished(row)) kickBackgroundRunner();
  return {
    id: row.id,
    fileName: row.fileName,
    fileSize: row.fileSize,
    format: row.format,
    encoding: row.encoding,
    delimiter: row.delimiter,
    sheets: JSON.parse(row.sheets ?? "[]") as string[],
    sheet: row.sheet,
    headerRow: row.headerRow,
    externalSource: row.externalSource,
    headers: JSON.parse(row.headers) as string[],
    mapping: JSON.parse(row.mapping ?? "{}") as ColumnMapping,
    status: row.status as ImportStatus["status"],
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    counts: {
      created: row.createdCount,
      updated: row.updatedCount,
      unchanged: row.unchangedCount,
      rejected: row.rejectedCount,
      keptInPersonio: row.keptInPersonioCount,
    },
    errorCode: row.errorCode,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

// An upload nobody started (the person went away) keeps its file only this long.
const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;

/** The latest imports for the Import page; an import whose worker died (a restart) resumes here too. */
export async function listRecentImports() {
  await db.candidateImport.deleteMany({
    where: { status: "UPLOADED", createdAt: { lt: new Date(Date.now() - ABANDONED_UPLOAD_MS) } },
  });
  const recent = await db.candidateImport.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 10,
    select: {
      id: true,
      fileName: true,
      status: true,
      totalRows: true,
      createdCount: true,
      updatedCount: true,
      unchangedCount: true,
      rejectedCount: true,
      createdAt: true,
    },
  });
  if (recent.some(isImportUnfinished)) kickBackgroundRunner();
  return recent;
}

export type PreviewRow = { rowNumber: number; cells: string[]; problems: RowProblem[] };

export type ImportPreview = {
  headers: string[];
  mapping: ColumnMapping;
  missingFields: string[];
  rows: PreviewRow[];
  totalRows: number;
  rowsWithProblems: number;
  problemCounts: Partial<Record<RowProblem, number>>;
};

function sanitizeMapping(mapping: ColumnMapping, columns: number): ColumnMapping {
  return Object.fromEntries(
    Object.entries(mapping).filter(
      ([field, index]) =>
        (IMPORT_FIELDS as readonly string[]).includes(field) && typeof index === "number" && index < columns,
    ),
  ) as ColumnMapping;
}

/**
 * Reads the file with a mapping, writing nothing: the first rows with their problems, and the
 * problems of the whole file counted (the import will reject exactly these rows, plus those
 * only the database can tell: an email another candidate of the source already has).
 */
export async function previewImport(importId: string, requested?: ColumnMapping): Promise<ImportPreview> {
  const record = await db.candidateImport.findUnique({
    where: { id: importId },
    select: { ...SOURCE_SELECT, headers: true, mapping: true, status: true },
  });
  if (!record) throw new NotFoundError("Import");
  if (record.status !== "UPLOADED" || !(await hasImportFile(importId))) throw new ConflictError("import_started");
  const headers = JSON.parse(record.headers) as string[];
  const mapping = sanitizeMapping(requested ?? (JSON.parse(record.mapping ?? "{}") as ColumnMapping), headers.length);
  const source = sourceOf(record);
  let headerRow = record.headerRow;
  const duplicates = new FileDuplicates();
  const rows: PreviewRow[] = [];
  const problemCounts: Partial<Record<RowProblem, number>> = {};
  let totalRows = 0;
  let rowsWithProblems = 0;
  let rowNumber = 0;
  for await (const cells of readSheetRows(readImportFile(importId), source)) {
    rowNumber++;
    if (isEmptyRow(cells)) continue;
    headerRow ??= rowNumber; // an import uploaded before the header row was stored
    if (rowNumber <= headerRow) continue;
    totalRows++;
    const { values, problems } = readRow(cells, mapping, { date1904: record.date1904 });
    const all = [...problems, ...(values ? duplicates.check(values) : [])];
    if (all.length > 0) {
      rowsWithProblems++;
      for (const problem of all) problemCounts[problem] = (problemCounts[problem] ?? 0) + 1;
    }
    if (rows.length < PREVIEW_ROWS)
      rows.push({ rowNumber, cells: headers.map((_, index) => cells[index] ?? ""), problems: all });
  }
  return {
    headers,
    mapping,
    missingFields: REQUIRED_IMPORT_FIELDS.filter((field) => mapping[field] === undefined),
    rows,
    totalRows,
    rowsWithProblems,
    problemCounts,
  };
}

const SOURCE_SELECT = {
  format: true,
  encoding: true,
  delimiter: true,
  sheet: true,
  headerRow: true,
  date1904: true,
} as const;

/**
 * Reads the stored file again with another sheet (its header found anew) or another header row,
 * and keeps what it finds; the mapping is guessed again from the new header. A choice that finds
 * no rows is refused and changes nothing.
 */
export async function chooseImportLayout(input: { importId: string; sheet?: number; headerRow?: number }) {
  const record = await db.candidateImport.findUnique({
    where: { id: input.importId },
    select: { ...SOURCE_SELECT, status: true },
  });
  if (!record) throw new NotFoundError("Import");
  if (record.status !== "UPLOADED" || !(await hasImportFile(input.importId))) throw new ConflictError("import_started");
  const sheetChanged = input.sheet !== undefined && input.sheet !== record.sheet;
  const source = { ...sourceOf(record), ...(input.sheet !== undefined ? { sheet: input.sheet } : {}) };
  const inspection = await inspectRows(readImportFile(input.importId), source, {
    headerRow: sheetChanged ? null : input.headerRow,
  });
  if (!inspection.ok) throw new ImportFileError(inspection);
  await db.candidateImport.updateMany({
    where: { id: input.importId, status: "UPLOADED" },
    data: layoutData(inspection),
  });
  return { headerRow: inspection.headerRow, sheet: inspection.source.sheet ?? null };
}

/** Fixes the mapping and source and hands the import to the server's runner. */
export async function startImport({ actorId, input }: { actorId: string; input: TStartImportInput }) {
  const record = await db.candidateImport.findUnique({
    where: { id: input.importId },
    select: { headers: true, status: true, fileName: true },
  });
  if (!record) throw new NotFoundError("Import");
  const headers = JSON.parse(record.headers) as string[];
  const mapping = sanitizeMapping(input.mapping, headers.length);
  if (REQUIRED_IMPORT_FIELDS.some((field) => mapping[field] === undefined))
    throw new ConflictError("mapping_incomplete");
  const { count } = await db.$transaction(async (tx) => {
    // Only an import not yet started: a double click queues it once.
    const updated = await tx.candidateImport.updateMany({
      where: { id: input.importId, status: "UPLOADED" },
      data: { status: "QUEUED", mapping: JSON.stringify(mapping), externalSource: input.externalSource },
    });
    if (updated.count === 1) {
      await enqueueImport(tx, input.importId);
      await writeAuditLog(tx, {
        actorId,
        action: "import.start",
        targetType: "import",
        targetId: input.importId,
        outcome: "success",
        details: { fileName: record.fileName, externalSource: input.externalSource },
      });
    }
    return updated;
  });
  kickBackgroundRunner();
  return { started: count === 1 };
}

/** Deletes an import that was uploaded but not started (its file goes with it). */
export async function discardImport(importId: string) {
  await db.candidateImport.deleteMany({ where: { id: importId, status: "UPLOADED" } });
}

export async function listRejections(importId: string, take = 100) {
  const rows = await db.candidateImportRejection.findMany({ where: { importId }, orderBy: { rowNumber: "asc" }, take });
  return rows.map((row) => ({
    rowNumber: row.rowNumber,
    reasons: JSON.parse(row.reasons) as RowProblem[],
    cells: JSON.parse(row.cells) as string[],
  }));
}

export const REJECTION_PAGE = 1000;

/**
 * The rejected rows as CSV, to fix and import again: the file's own columns (same delimiter, so
 * German Excel opens it as it opened the original), then the row number and the problems.
 * UTF-8 with BOM, which Excel recognises; every cell neutralised against formulas.
 */
export async function* rejectedRowsCsv(
  importId: string,
  labels: {
    row: string;
    problems: string;
    describe: (problem: RowProblem, row: { cells: readonly string[]; mapping: ColumnMapping }) => string;
  },
): AsyncGenerator<string> {
  const record = await db.candidateImport.findUnique({
    where: { id: importId },
    select: { headers: true, delimiter: true, mapping: true },
  });
  if (!record) throw new NotFoundError("Import");
  const headers = JSON.parse(record.headers) as string[];
  const delimiter = record.delimiter ?? ",";
  const mapping = JSON.parse(record.mapping ?? "{}") as ColumnMapping;
  yield "\uFEFF" + toCsvLine([...headers, labels.row, labels.problems], delimiter) + "\r\n";
  let afterRow = 0;
  for (;;) {
    const page = await db.candidateImportRejection.findMany({
      where: { importId, rowNumber: { gt: afterRow } },
      orderBy: { rowNumber: "asc" },
      take: REJECTION_PAGE,
    });
    if (page.length === 0) return;
    let chunk = "";
    for (const row of page) {
      const cells = JSON.parse(row.cells) as string[];
      const reasons = (JSON.parse(row.reasons) as RowProblem[]).filter((reason) =>
        (ROW_PROBLEMS as readonly string[]).includes(reason),
      );
      const padded = headers.map((_, index) => cells[index] ?? "");
      chunk +=
        toCsvLine(
          [
            ...padded,
            String(row.rowNumber),
            reasons.map((reason) => labels.describe(reason, { cells, mapping })).join("; "),
          ],
          delimiter,
        ) + "\r\n";
    }
    yield chunk;
    afterRow = page.at(-1)!.rowNumber;
  }
}
