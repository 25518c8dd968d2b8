import "server-only";

import { Readable } from "node:stream";

import Papa from "papaparse";
import { readSheet } from "read-excel-file/node";

import { createDecoder, type CsvEncoding, type Delimiter, type FileFormat } from "@/lib/imports/detect";

export type SheetSource = { format: FileFormat; encoding: CsvEncoding | null; delimiter: Delimiter | null };

const DECODE_CHUNK = 256 * 1024;

// The file as text, decoded a slice at a time (a multi-byte character split between slices is
// carried over by the streaming decoder), so the whole decoded text never sits in memory at once.
function* decodedChunks(bytes: Uint8Array, encoding: CsvEncoding): Generator<string> {
  const decoder = createDecoder(encoding);
  for (let offset = decoder.skip; offset < bytes.length; offset += DECODE_CHUNK) {
    const text = decoder.write(bytes.subarray(offset, Math.min(offset + DECODE_CHUNK, bytes.length)));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

async function* csvRows(bytes: Uint8Array, encoding: CsvEncoding, delimiter: Delimiter): AsyncGenerator<string[]> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, skipEmptyLines: false });
  const source = Readable.from(decodedChunks(bytes, encoding), { objectMode: false });
  source.pipe(parser);
  for await (const row of parser as AsyncIterable<string[]>) yield row;
}

/** A spreadsheet cell as the text a CSV of it would hold; dates as yyyy-mm-dd. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<string[]> {
  // read-excel-file reads the first sheet whole (an .xlsx is a zip; its sheet XML must be
  // unpacked before rows come out); the 50 MB limit bounds what that costs.
  const rows = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  for (const row of rows) yield row.map(cellText);
}

/** Every row of the file, header included, as text cells. */
export function readSheetRows(bytes: Uint8Array, source: SheetSource): AsyncGenerator<string[]> {
  if (source.format === "xlsx") return xlsxRows(bytes);
  return csvRows(bytes, source.encoding ?? "utf-8", source.delimiter ?? ",");
}
