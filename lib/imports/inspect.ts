import "server-only";

import Papa from "papaparse";

import { decodeText, detectDelimiter, detectEncoding, detectFormat, type FileRefusal } from "@/lib/imports/detect";
import { readSheetRows, type SheetSource } from "@/lib/imports/read";
import { isEmptyRow } from "@/lib/imports/rows";

export type FileInspection =
  | { ok: true; source: SheetSource; headers: string[]; headerRow: number; dataRows: number }
  | { ok: false; refusal: FileRefusal | "unreadable_spreadsheet" | "no_rows"; row?: number };

/**
 * Reads the whole file once before anything is stored: its kind, encoding and delimiter, that
 * it parses (an unclosed quote would swallow every row after it), where the header is and how
 * many data rows follow (for the progress bar).
 */
export async function inspectFile(bytes: Uint8Array): Promise<FileInspection> {
  if (bytes.length === 0) return { ok: false, refusal: "empty_file" };
  const format = detectFormat(bytes);
  if (format === "xls") return { ok: false, refusal: "xls_not_supported" };

  let source: SheetSource;
  if (format === "xlsx") {
    source = { format, encoding: null, delimiter: null };
  } else {
    const encoding = detectEncoding(bytes);
    if (encoding === "binary") return { ok: false, refusal: "binary_file" };
    source = { format, encoding, delimiter: detectDelimiter(decodeText(bytes, encoding, 64 * 1024)) };
    // Quoting errors, found with Papa's own checks on the first pass.
    const text = decodeText(bytes, encoding);
    let quoteError: number | null = null;
    let record = 0;
    Papa.parse<string[]>(text, {
      delimiter: source.delimiter!,
      step: (result, parser) => {
        record++;
        if (result.errors.some((error) => error.type === "Quotes")) {
          quoteError = record;
          parser.abort();
        }
      },
    });
    if (quoteError !== null) return { ok: false, refusal: "malformed_csv", row: quoteError };
  }

  let headers: string[] | null = null;
  let headerRow = 0;
  let dataRows = 0;
  let rowNumber = 0;
  try {
    for await (const row of readSheetRows(bytes, source)) {
      rowNumber++;
      if (isEmptyRow(row)) continue;
      if (headers === null) {
        headers = row.map((cell) => cell.trim());
        headerRow = rowNumber;
      } else {
        dataRows++;
      }
    }
  } catch {
    return { ok: false, refusal: format === "xlsx" ? "unreadable_spreadsheet" : "malformed_csv" };
  }
  if (headers === null || dataRows === 0) return { ok: false, refusal: "no_rows" };
  return { ok: true, source, headers, headerRow, dataRows };
}
