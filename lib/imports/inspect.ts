import "server-only";

import { decodeText, detectDelimiter, detectEncoding, detectFormat, type FileRefusal } from "@/lib/imports/detect";
import { guessMapping } from "@/lib/imports/fields";
import type { ParseRefusal } from "@/lib/imports/parse/limits";
import {
  ParseRefusedError,
  readSheetRowBatches,
  type CsvErrors,
  type FileBytes,
  type SheetMeta,
  type SheetSource,
} from "@/lib/imports/read";
import { isEmptyRow } from "@/lib/imports/rows";

export type InspectionRefusal = FileRefusal | ParseRefusal | "no_rows" | "sheet_empty" | "workbook_empty";

export type FileInspection =
  | {
      ok: true;
      source: SheetSource;
      sheets: string[];
      date1904: boolean;
      headers: string[];
      headerRow: number;
      dataRows: number;
    }
  | { ok: false; refusal: InspectionRefusal; row?: number; megabytes?: number; sheet?: string };

/** The header is looked for among this many rows with data at the top of the sheet. */
const HEADER_SEARCH_ROWS = 20;

/** How many fields a row's cells name: a header row names several, a title or data row none. */
function headerScore(row: string[]) {
  return Object.keys(guessMapping(row.map((cell) => cell.trim()))).length;
}

/** Where the file's source cannot be told from its name: its kind, encoding and delimiter. */
export function detectSource(bytes: Uint8Array): SheetSource | { refusal: FileRefusal } {
  if (bytes.length === 0) return { refusal: "empty_file" };
  const format = detectFormat(bytes);
  if (format === "xls") return { refusal: "xls_not_supported" };
  if (format === "xlsx") return { format, encoding: null, delimiter: null };
  const encoding = detectEncoding(bytes);
  if (encoding === "binary") return { refusal: "binary_file" };
  return { format, encoding, delimiter: detectDelimiter(decodeText(bytes, encoding, 64 * 1024)) };
}

/**
 * Reads the whole file once, in the parsing worker, before anything is stored or changed: that
 * it parses (an unclosed quote would swallow every row after it), which sheet holds the data (the
 * given one, else the first with data), where the header is (the given row, else the first of the
 * top rows whose cells name the most fields, so title rows above it are passed over) and how many
 * data rows follow it (for the progress bar).
 */
export async function inspectRows(
  bytes: FileBytes,
  source: SheetSource,
  choice: { headerRow?: number | null } = {},
): Promise<FileInspection> {
  let meta: SheetMeta = { sheets: [], sheet: null, date1904: false };
  const top: Array<{ rowNumber: number; cells: string[]; score: number }> = [];
  let rowsWithData = 0;
  let rowNumber = 0;
  let rowsWithDataAfterChosen = 0;
  let chosenCells: string[] | null = null;
  const errors: CsvErrors = { quoteErrorRow: null };
  try {
    for await (const batch of readSheetRowBatches(bytes, source, { errors, onMeta: (found) => (meta = found) })) {
      for (const row of batch) {
        rowNumber++;
        if (choice.headerRow && rowNumber === choice.headerRow) chosenCells = row;
        if (isEmptyRow(row)) continue;
        rowsWithData++;
        if (choice.headerRow && rowNumber > choice.headerRow) rowsWithDataAfterChosen++;
        if (top.length < HEADER_SEARCH_ROWS) top.push({ rowNumber, cells: row, score: headerScore(row) });
      }
    }
  } catch (error) {
    if (!(error instanceof ParseRefusedError)) throw error;
    return { ok: false, refusal: error.refusal, ...(error.megabytes ? { megabytes: error.megabytes } : {}) };
  }
  if (errors.quoteErrorRow !== null) return { ok: false, refusal: "malformed_csv", row: errors.quoteErrorRow };
  const resolved: SheetSource = { ...source, sheet: meta.sheet };
  const sheetName = meta.sheet !== null ? meta.sheets[meta.sheet] : undefined;
  if (rowsWithData === 0) {
    if (source.format !== "xlsx") return { ok: false, refusal: "no_rows" };
    return source.sheet != null
      ? { ok: false, refusal: "sheet_empty", sheet: meta.sheets[source.sheet] ?? "" }
      : { ok: false, refusal: "workbook_empty" };
  }

  let header: { rowNumber: number; cells: string[] };
  let dataRows: number;
  if (choice.headerRow && chosenCells && !isEmptyRow(chosenCells)) {
    header = { rowNumber: choice.headerRow, cells: chosenCells };
    dataRows = rowsWithDataAfterChosen;
  } else {
    const best = top.reduce((found, row) => (row.score > found.score ? row : found), top[0]!);
    header = best;
    dataRows = rowsWithData - (top.indexOf(best) + 1);
  }
  if (dataRows === 0)
    return { ok: false, refusal: "no_rows", row: header.rowNumber, ...(sheetName ? { sheet: sheetName } : {}) };
  return {
    ok: true,
    source: resolved,
    sheets: meta.sheets,
    date1904: meta.date1904,
    headers: header.cells.map((cell) => cell.trim()),
    headerRow: header.rowNumber,
    dataRows,
  };
}

/** The upload's inspection: the source first, then the rows. */
export async function inspectFile(bytes: Uint8Array): Promise<FileInspection> {
  const source = detectSource(bytes);
  if ("refusal" in source) return { ok: false, refusal: source.refusal };
  return inspectRows(bytes, source);
}
