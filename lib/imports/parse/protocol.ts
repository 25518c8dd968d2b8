// Pure: the messages between the server and its parsing worker (lib/imports/read.ts starts it,
// lib/imports/parse/worker.mjs is its body, in plain JavaScript, typed by these). Bytes go in when the worker asks for them and rows come
// out when the server asks for them, so neither side holds more than a few parts and batches.
import type { Delimiter, FileFormat } from "../detect";
import type { ParseLimits, ParseRefusal } from "./limits";

export type ParseJob = {
  format: FileFormat;
  /** A CSV file's decoder: iconv-lite's name for its encoding and the length of its BOM. */
  decoder: { iconvName: string; skip: number } | null;
  delimiter: Delimiter | null;
  limits: ParseLimits;
  /** The workbook's sheet to read (its index); null: the first with data. */
  sheet: number | null;
};

/** What the worker found before the first row: a workbook's sheets and which one it reads. */
export type SheetMeta = { sheets: string[]; sheet: number | null; date1904: boolean };

export type ToWorker =
  { type: "job"; job: ParseJob } | { type: "bytes"; chunk: Uint8Array } | { type: "end" } | { type: "pull" };

export type FromWorker =
  | { type: "thread"; threadId: number | null }
  | { type: "need" }
  | { type: "meta"; meta: SheetMeta }
  | { type: "rows"; rows: string[][] }
  | { type: "done"; quoteErrorRow: number | null }
  | { type: "refused"; refusal: ParseRefusal | "malformed_csv"; megabytes?: number };
