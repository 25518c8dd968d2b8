// The parsing worker's body (lib/imports/read.ts starts it, one per file read, with a heap limit
// and a CPU-time watch): a CSV file or an Excel workbook in, its rows out. Whatever a file costs
// to parse, it costs here, not on the thread that answers requests.
import { readlinkSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

import { csvRowBatches, type CsvErrors } from "./csv";
import type { FromWorker, ParseJob, ToWorker } from "./protocol";
import { openWorkbook, ParseRefusalError, readWorkbookSheet, type Workbook } from "./xlsx";

const port = parentPort!;
const job = workerData as ParseJob;
const post = (message: FromWorker) => port.postMessage(message);

let credits = 0;
let creditArrived: (() => void) | null = null;
let bytesArrived: ((message: Exclude<ToWorker, { type: "pull" }>) => void) | null = null;
port.on("message", (message: ToWorker) => {
  if (message.type === "pull") {
    credits++;
    creditArrived?.();
    creditArrived = null;
  } else {
    bytesArrived?.(message);
    bytesArrived = null;
  }
});

async function* incomingBytes(): AsyncGenerator<Uint8Array> {
  for (;;) {
    const message = await new Promise<Exclude<ToWorker, { type: "pull" }>>((resolve) => {
      bytesArrived = resolve;
      post({ type: "need" });
    });
    if (message.type === "end") return;
    yield message.chunk;
  }
}

/** A batch goes out only when the server has asked for one: rows never pile up on its side. */
async function sendRows(rows: string[][]) {
  while (credits === 0) await new Promise<void>((resolve) => (creditArrived = resolve));
  credits--;
  post({ type: "rows", rows });
}

const isEmpty = (row: string[]) => row.every((cell) => cell.trim() === "");

async function readWorkbook() {
  const parts: Uint8Array[] = [];
  for await (const part of incomingBytes()) parts.push(part);
  const workbook: Workbook = await openWorkbook(Buffer.concat(parts));
  parts.length = 0;
  const meta = { sheets: workbook.sheets.map((sheet) => sheet.name), date1904: workbook.date1904 };
  if (job.sheet !== null) {
    post({ type: "meta", meta: { ...meta, sheet: job.sheet } });
    for await (const rows of readWorkbookSheet(workbook, job.sheet)) await sendRows(rows);
    return;
  }
  // The first sheet with data (a cover sheet or an empty first sheet is passed over); its
  // leading empty rows still count, so row numbers stay Excel's.
  for (let index = 0; index < workbook.sheets.length; index++) {
    let emptyRows = 0;
    let chosen = false;
    for await (const rows of readWorkbookSheet(workbook, index)) {
      if (!chosen) {
        const first = rows.findIndex((row) => !isEmpty(row));
        if (first === -1) {
          emptyRows += rows.length;
          continue;
        }
        chosen = true;
        post({ type: "meta", meta: { ...meta, sheet: index } });
        for (let start = 0; start < emptyRows; start += 500)
          await sendRows(Array.from({ length: Math.min(500, emptyRows - start) }, () => []));
      }
      await sendRows(rows);
    }
    if (chosen) return;
  }
  post({ type: "meta", meta: { ...meta, sheet: null } });
}

async function readCsv(errors: CsvErrors) {
  post({ type: "meta", meta: { sheets: [], sheet: null, date1904: false } });
  for await (const rows of csvRowBatches(incomingBytes(), job.encoding ?? "utf-8", job.delimiter ?? ",", errors))
    await sendRows(rows);
}

function threadId(): number | null {
  try {
    // "<pid>/task/<tid>": the kernel's id of this thread, whose CPU time the server watches.
    return Number(readlinkSync("/proc/thread-self").split("/").at(-1)) || null;
  } catch {
    return null;
  }
}

async function main() {
  post({ type: "thread", threadId: threadId() });
  const errors: CsvErrors = { quoteErrorRow: null };
  try {
    if (job.format === "xlsx") await readWorkbook();
    else await readCsv(errors);
    post({ type: "done", quoteErrorRow: errors.quoteErrorRow });
  } catch (error) {
    if (error instanceof ParseRefusalError) post({ type: "refused", refusal: error.refusal, megabytes: error.megabytes });
    else post({ type: "refused", refusal: job.format === "xlsx" ? "unreadable_spreadsheet" : "malformed_csv" });
  }
}

void main();
