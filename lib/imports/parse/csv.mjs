// Run in the parsing worker (worker.mjs): a CSV file's rows, decoded and parsed as its bytes
// arrive. Plain JavaScript: the worker loads it without a compiler (see lib/imports/read.ts).
import { Readable } from "node:stream";

import iconv from "iconv-lite";
import Papa from "papaparse";

// A decoder may give two-byte strings (iconv-lite's Windows-1252 decoder always does): 16 kB of
// bytes make at most a 32 kB string, small enough to die young (64 kB made 128 kB strings, which
// V8 allocates as large objects, freed only by the old generation's collections).
const DECODE_CHUNK = 16 * 1024;

// The file as text, decoded a slice at a time (a multi-byte character split between slices is
// carried over by the streaming decoder), so the whole decoded text never sits in memory at once.
/**
 * @param {AsyncIterable<Uint8Array>} bytes
 * @param {{ iconvName: string; skip: number }} encoding iconv-lite's name for it, and its BOM's length
 * @returns {AsyncGenerator<string>}
 */
async function* decodedChunks(bytes, encoding) {
  const decoder = iconv.getDecoder(encoding.iconvName, { stripBOM: false });
  let skip = encoding.skip; // the BOM, at the very start
  // Papa tells \n from \r\n by the first text it gets: hold that back until it holds a few lines.
  let head = "";
  let headDone = false;
  for await (const part of bytes) {
    for (let offset = Math.min(skip, part.length); offset < part.length; offset += DECODE_CHUNK) {
      const slice = part.subarray(offset, Math.min(offset + DECODE_CHUNK, part.length));
      const text = decoder.write(Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength));
      if (headDone) {
        if (text) yield text;
        continue;
      }
      head += text;
      if (head.length >= 16 * 1024) {
        headDone = true;
        yield head;
      }
    }
    skip = Math.max(0, skip - part.length);
  }
  const rest = (headDone ? "" : head) + (decoder.end() ?? "");
  if (rest) yield rest;
}

// Papa reads the decoded text as a stream and hands over a chunk of rows at a time; a row at a
// time (its Node duplex) costs an async step per row, which adds up on a large file. The
// parser pauses while the consumer is behind, so memory holds a few chunks, not the file.
/**
 * @param {AsyncIterable<Uint8Array>} bytes
 * @param {{ iconvName: string; skip: number }} encoding
 * @param {"," | ";" | "\t"} delimiter
 * @param {{ quoteErrorRow: number | null }} errors filled in: the record where quoting first went wrong
 * @returns {AsyncGenerator<string[][]>}
 */
export async function* csvRowBatches(bytes, encoding, delimiter, errors) {
  /** @type {string[][][]} */
  const queue = [];
  let done = false;
  /** @type {unknown} */
  let failure = null;
  /** @type {{ pause(): void; resume(): void } | null} */
  let handle = null;
  let paused = false;
  /** @type {(() => void) | null} */
  let wake = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  let record = 0;
  Papa.parse(Readable.from(decodedChunks(bytes, encoding), { objectMode: false }), {
    delimiter,
    skipEmptyLines: false,
    chunk: (results, parser) => {
      handle = parser;
      if (errors.quoteErrorRow === null) {
        const quote = results.errors.find((error) => error.type === "Quotes");
        if (quote) errors.quoteErrorRow = record + (quote.row ?? 0) + 1;
      }
      record += results.data.length;
      queue.push(results.data);
      if (queue.length >= 2 && !paused) {
        paused = true;
        parser.pause();
      }
      notify();
    },
    complete: () => {
      done = true;
      notify();
    },
    error: (error) => {
      failure = error;
      done = true;
      notify();
    },
  });
  for (;;) {
    const next = queue.shift();
    if (next) {
      if (paused && queue.length < 1) {
        paused = false;
        handle?.resume();
      }
      yield next;
      continue;
    }
    if (failure) throw failure;
    if (done) return;
    await new Promise((resolve) => (wake = resolve));
  }
}
