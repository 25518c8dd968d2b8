import "server-only";

import { readFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

import { decoderSpec, type CsvEncoding, type Delimiter, type FileFormat } from "@/lib/imports/detect";
import {
  PARSE_LIMITS,
  WORKER_CPU_SECONDS,
  WORKER_HEAP_MEGABYTES,
  WORKER_YOUNG_GENERATION_MEGABYTES,
  type ParseRefusal,
} from "@/lib/imports/parse/limits";
import type { FromWorker, SheetMeta, ToWorker } from "@/lib/imports/parse/protocol";

// Every file an import reads (the upload's inspection, the preview, the import itself) is parsed
// in a worker thread of its own: a file that is slow or large to parse (a zip bomb, 16 MiB of
// whitespace in a sheet) costs that thread and is stopped by its limits (a heap limit, a CPU-time
// limit, and the workbook reader's limits on what each part unpacks to), while this thread goes
// on answering requests.

export type SheetSource = {
  format: FileFormat;
  encoding: CsvEncoding | null;
  delimiter: Delimiter | null;
  /** The workbook's sheet (its index); null: the first with data. */
  sheet?: number | null;
};

/** The file: in memory (the upload), or its parts as they are read from the database. */
export type FileBytes = Uint8Array | AsyncIterable<Uint8Array>;

export type { SheetMeta };

/** Filled in while reading: the record where quoting first went wrong (an unclosed quote). */
export type CsvErrors = { quoteErrorRow: number | null };

export class ParseRefusedError extends Error {
  constructor(
    readonly refusal: ParseRefusal | "malformed_csv",
    readonly megabytes?: number,
  ) {
    super(`File refused while parsing: ${refusal}`);
  }
}

// Outside the bundle on purpose: Node loads the worker's plain JavaScript from the app's directory
// as it is, which starts a worker in a fraction of the time a TypeScript loader would take.
const WORKER_ENTRY = path.join(process.cwd(), "lib/imports/parse/worker.mjs");
const PART_BYTES = 1024 * 1024;

async function* partsOf(bytes: FileBytes): AsyncGenerator<Uint8Array> {
  if (!(bytes instanceof Uint8Array)) {
    yield* bytes;
    return;
  }
  for (let offset = 0; offset < bytes.length; offset += PART_BYTES) yield bytes.subarray(offset, offset + PART_BYTES);
}

/** The kernel's count of a thread's CPU time, in seconds (Linux); null where it cannot be read. */
function threadCpuSeconds(threadId: number): number | null {
  try {
    const stat = readFileSync(`/proc/${process.pid}/task/${threadId}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function startWorker() {
  return new Worker(WORKER_ENTRY, {
    resourceLimits: {
      maxOldGenerationSizeMb: WORKER_HEAP_MEGABYTES,
      maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MEGABYTES,
    },
  });
}

// One worker is kept started and idle: starting one (a new V8 heap, Node's own startup, the
// parsers' code) takes a second or more on a busy machine, which an upload should not wait for.
// Each worker reads one file and is then ended, so no file's memory or state reaches the next.
const spare = globalThis as unknown as { importParseWorker?: Worker | null };

/** Starts the next spare, after the file that used the last one is read (not while it is). */
function keepSpare() {
  setImmediate(() => {
    if (spare.importParseWorker) return;
    const next = startWorker();
    next.unref(); // an idle spare keeps no process alive
    next.once("error", () => (spare.importParseWorker = null));
    next.once("exit", () => {
      if (spare.importParseWorker === next) spare.importParseWorker = null;
    });
    spare.importParseWorker = next;
  });
}

function takeWorker(): Worker {
  const ready = spare.importParseWorker;
  spare.importParseWorker = null;
  if (ready && ready.threadId !== -1) {
    ready.removeAllListeners();
    ready.ref();
    return ready;
  }
  return startWorker();
}

type Event = FromWorker | { type: "crashed"; error: Error } | { type: "exited" };

/** Every row of the file, header included, as text cells, a batch of rows at a time. */
export async function* readSheetRowBatches(
  bytes: FileBytes,
  source: SheetSource,
  options: { errors?: CsvErrors; onMeta?: (meta: SheetMeta) => void } = {},
): AsyncGenerator<string[][]> {
  const worker = takeWorker();
  const send = (message: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
  const events: Event[] = [];
  let wake: (() => void) | null = null;
  const push = (event: Event) => {
    events.push(event);
    wake?.();
    wake = null;
  };
  const parts = partsOf(bytes);
  let workerThread: number | null = null;
  worker.on("message", (message: FromWorker) => {
    if (message.type === "thread") workerThread = message.threadId;
    else if (message.type === "need") {
      // The worker asks for the next part only after it has the last one: parts go one at a time.
      parts.next().then(
        (next) => {
          if (next.done) return send({ type: "end" });
          const chunk = new Uint8Array(next.value); // a copy of the part alone, handed over
          send({ type: "bytes", chunk }, [chunk.buffer]);
        },
        (error: unknown) => push({ type: "crashed", error: error as Error }),
      );
    } else push(message);
  });
  worker.on("error", (error) => push({ type: "crashed", error }));
  worker.on("exit", () => push({ type: "exited" }));
  send({
    type: "job",
    job: {
      format: source.format,
      decoder: source.encoding ? decoderSpec(source.encoding) : null,
      delimiter: source.delimiter,
      sheet: source.sheet ?? null,
      limits: PARSE_LIMITS,
    },
  });
  // The CPU time of the worker's own thread where the kernel tells it, else the time its event
  // loop was busy (never less than its CPU time).
  const watch = setInterval(() => {
    const seconds =
      (workerThread !== null ? threadCpuSeconds(workerThread) : null) ??
      worker.performance.eventLoopUtilization().active / 1000;
    if (seconds > WORKER_CPU_SECONDS) {
      push({ type: "refused", refusal: "file_too_complex" });
      void worker.terminate();
    }
  }, 250);

  try {
    // Two batches asked for: the worker parses the next while this one is used.
    send({ type: "pull" });
    send({ type: "pull" });
    for (;;) {
      const event = events.shift();
      if (!event) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      switch (event.type) {
        case "meta":
          options.onMeta?.(event.meta);
          break;
        case "rows":
          yield event.rows;
          send({ type: "pull" });
          break;
        case "done":
          if (options.errors) options.errors.quoteErrorRow = event.quoteErrorRow;
          return;
        case "refused":
          throw new ParseRefusedError(event.refusal, event.megabytes);
        case "crashed":
          if ((event.error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY")
            throw new ParseRefusedError("file_too_complex");
          throw event.error;
        case "exited":
          throw new Error("The parsing worker stopped");
        default:
          break;
      }
    }
  } finally {
    clearInterval(watch);
    void worker.terminate();
    keepSpare();
    void parts.return(undefined);
  }
}

/** Every row of the file, header included. */
export async function* readSheetRows(
  bytes: FileBytes,
  source: SheetSource,
  options: { onMeta?: (meta: SheetMeta) => void } = {},
): AsyncGenerator<string[]> {
  for await (const batch of readSheetRowBatches(bytes, source, options)) yield* batch;
}

/** How to read a stored import's file again. */
export function sourceOf(record: {
  format: string;
  encoding: string | null;
  delimiter: string | null;
  sheet: number | null;
}): SheetSource {
  return {
    format: record.format as FileFormat,
    encoding: record.encoding as CsvEncoding | null,
    delimiter: record.delimiter as Delimiter | null,
    // A workbook uploaded before the sheet was stored: its first sheet, as it was read then.
    sheet: record.format === "xlsx" ? (record.sheet ?? 0) : null,
  };
}
