import "server-only";

import { decodeText, detectDelimiter, detectEncoding, detectFormat, type FileRefusal } from "@/lib/imports/detect";
import { readSheetRowBatches, type CsvErrors, type SheetSource } from "@/lib/imports/read";
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
  }

  let headers: string[] | null = null;
  let headerRow = 0;
  let dataRows = 0;
  let rowNumber = 0;
  // Quoting errors (Papa's own checks) come out of the same pass.
  const errors: CsvErrors = { quoteErrorRow: null };
  try {
    for await (const batch of readSheetRowBatches(bytes, source, errors)) {
      for (const row of batch) {
        rowNumber++;
        if (isEmptyRow(row)) continue;
        if (headers === null) {
          headers = row.map((cell) => cell.trim());
          headerRow = rowNumber;
        } else {
          dataRows++;
        }
      }
    }
  } catch {
    return { ok: false, refusal: format === "xlsx" ? "unreadable_spreadsheet" : "malformed_csv" };
  }
  if (errors.quoteErrorRow !== null) return { ok: false, refusal: "malformed_csv", row: errors.quoteErrorRow };
  if (headers === null || dataRows === 0) return { ok: false, refusal: "no_rows" };
  return { ok: true, source, headers, headerRow, dataRows };
}
