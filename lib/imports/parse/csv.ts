// Pure, run in the parsing worker (lib/imports/parse/worker.ts): a CSV file's rows, decoded and
// parsed as its bytes arrive.
import { Readable } from "node:stream";

import Papa from "papaparse";

import { createDecoder, type CsvEncoding, type Delimiter } from "../detect";

// A decoder may give two-byte strings (iconv-lite's Windows-1252 decoder always does): 16 kB of
// bytes make at most a 32 kB string, small enough to die young (64 kB made 128 kB strings, which
// V8 allocates as large objects, freed only by the old generation's collections).
const DECODE_CHUNK = 16 * 1024;

// The file as text, decoded a slice at a time (a multi-byte character split between slices is
// carried over by the streaming decoder), so the whole decoded text never sits in memory at once.
async function* decodedChunks(bytes: AsyncIterable<Uint8Array>, encoding: CsvEncoding): AsyncGenerator<string> {
  const decoder = createDecoder(encoding);
  let skip = decoder.skip; // the BOM, at the very start
  // Papa tells \n from \r\n by the first text it gets: hold that back until it holds a few lines.
  let head = "";
  let headDone = false;
  for await (const part of bytes) {
    for (let offset = Math.min(skip, part.length); offset < part.length; offset += DECODE_CHUNK) {
      const text = decoder.write(part.subarray(offset, Math.min(offset + DECODE_CHUNK, part.length)));
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
  const rest = (headDone ? "" : head) + decoder.end();
  if (rest) yield rest;
}

type PapaHandle = { pause(): void; resume(): void; abort(): void };

// Papa reads the decoded text as a stream and hands over a chunk of rows at a time; a row at a
// time (its Node duplex) costs an async step per row, which adds up on a large file. The
// parser pauses while the consumer is behind, so memory holds a few chunks, not the file.
export async function* csvRowBatches(
  bytes: AsyncIterable<Uint8Array>,
  encoding: CsvEncoding,
  delimiter: Delimiter,
  errors?: CsvErrors,
): AsyncGenerator<string[][]> {
  const queue: string[][][] = [];
  let done = false;
  let failure: unknown = null;
  let handle: PapaHandle | null = null;
  let paused = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  let record = 0;
  Papa.parse<string[]>(Readable.from(decodedChunks(bytes, encoding), { objectMode: false }), {
    delimiter,
    skipEmptyLines: false,
    chunk: (results, parser) => {
      handle = parser as PapaHandle;
      if (errors && errors.quoteErrorRow === null) {
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
    error: (error: unknown) => {
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
        (handle as PapaHandle | null)?.resume();
      }
      yield next;
      continue;
    }
    if (failure) throw failure;
    if (done) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

/** Filled in while reading: the record where quoting first went wrong (an unclosed quote). */
export type CsvErrors = { quoteErrorRow: number | null };

