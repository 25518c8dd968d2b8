// The parsing worker's body (lib/imports/read.ts starts it, one per file read, with a heap limit
// and a CPU-time watch): a CSV file or an Excel workbook in, its rows out. Whatever a file costs
// to parse, it costs here, not on the thread that answers requests. Plain JavaScript, as Node
// runs it: outside the app's bundle, without a compiler at run time; the messages' types are in
// protocol.ts.
import { readlinkSync } from "node:fs";
import { parentPort } from "node:worker_threads";

import { csvRowBatches } from "./csv.mjs";
import { openWorkbook, ParseRefusalError, readWorkbookSheet } from "./xlsx.mjs";

/** @typedef {import("./protocol").ToWorker} ToWorker */
/** @typedef {Extract<ToWorker, { type: "bytes" | "end" }>} BytesMessage */

const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);
/** @type {import("./protocol").ParseJob} */
let job;
/** @param {import("./protocol").FromWorker} message */
const post = (message) => port.postMessage(message);

let credits = 0;
/** @type {(() => void) | null} */
let creditArrived = null;
/** @type {((message: BytesMessage) => void) | null} */
let bytesArrived = null;
port.on("message", (/** @type {ToWorker} */ message) => {
  if (message.type === "job") {
    // A worker is started ahead of need (read.ts keeps one spare) and waits here for its file.
    job = message.job;
    void main();
  } else if (message.type === "pull") {
    credits++;
    creditArrived?.();
    creditArrived = null;
  } else {
    bytesArrived?.(message);
    bytesArrived = null;
  }
});

/** @returns {AsyncGenerator<Uint8Array>} */
async function* incomingBytes() {
  for (;;) {
    /** @type {BytesMessage} */
    const message = await new Promise((resolve) => {
      bytesArrived = resolve;
      post({ type: "need" });
    });
    if (message.type === "end") return;
    yield message.chunk;
  }
}

/** A batch goes out only when the server has asked for one: rows never pile up on its side. */
/** @param {string[][]} rows */
async function sendRows(rows) {
  while (credits === 0) await new Promise((resolve) => (creditArrived = resolve));
  credits--;
  post({ type: "rows", rows });
}

const isEmpty = (/** @type {string[]} */ row) => row.every((cell) => cell.trim() === "");

async function readWorkbook() {
  /** @type {Uint8Array[]} */
  const parts = [];
  for await (const part of incomingBytes()) parts.push(part);
  const workbook = await openWorkbook(Buffer.concat(parts), job.limits);
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
          await sendRows(Array.from({ length: Math.min(500, emptyRows - start) }, () => /** @type {string[]} */ ([])));
      }
      await sendRows(rows);
    }
    if (chosen) return;
  }
  post({ type: "meta", meta: { ...meta, sheet: null } });
}

/** @param {{ quoteErrorRow: number | null }} errors */
async function readCsv(errors) {
  post({ type: "meta", meta: { sheets: [], sheet: null, date1904: false } });
  const decoder = job.decoder ?? { iconvName: "utf8", skip: 0 };
  for await (const rows of csvRowBatches(incomingBytes(), decoder, job.delimiter ?? ",", errors)) await sendRows(rows);
}

/** @returns {number | null} */
function threadId() {
  try {
    // "<pid>/task/<tid>": the kernel's id of this thread, whose CPU time the server watches.
    return Number(readlinkSync("/proc/thread-self").split("/").at(-1)) || null;
  } catch {
    return null;
  }
}

async function main() {
  post({ type: "thread", threadId: threadId() });
  const errors = { quoteErrorRow: null };
  try {
    if (job.format === "xlsx") await readWorkbook();
    else await readCsv(errors);
    post({ type: "done", quoteErrorRow: errors.quoteErrorRow });
  } catch (error) {
    if (error instanceof ParseRefusalError)
      post({ type: "refused", refusal: error.refusal, megabytes: error.megabytes });
    else post({ type: "refused", refusal: job.format === "xlsx" ? "unreadable_spreadsheet" : "malformed_csv" });
  }
}
