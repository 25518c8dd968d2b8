// Pure: what reading one uploaded file may cost, shared by the parsing worker, the server code
// that starts it and the messages that name the limits.

/** No part of a workbook (a sheet, the shared strings) may unpack to more than this. */
export const MAX_PART_MEGABYTES = 200;

/**
 * A part that unpacks to more than this many times what was read of it so far is a zip bomb
 * (Apache POI refuses at the same ratio by default); real sheets unpack 5–30 fold. The first
 * mebibyte of a part is never refused for its ratio: a short sheet of empty rows packs very well.
 */
export const MAX_INFLATE_RATIO = 100;
export const INFLATE_RATIO_GRACE_BYTES = 1024 * 1024;

/** The worker's heap (old generation): shared strings and a batch of rows fit many times over. */
export const WORKER_HEAP_MEGABYTES = 96;

/**
 * The worker's young generation, where a file's short-lived cells and rows are made and die. V8's
 * default (16 MB here) is sized for throughput; the parser outruns the import's database writes
 * anyway, and a smaller one keeps the server's resident memory during an import lower (the
 * import's 300 MB budget, bench/README.md; the figures are in bench/results/latest.md).
 */
export const WORKER_YOUNG_GENERATION_MEGABYTES = 4;

/** CPU time one file's parsing may take, summed over the worker's life. */
export const WORKER_CPU_SECONDS = 120;

/** Why a file is refused while it is parsed (the upload's other refusals are in detect.ts). */
export type ParseRefusal =
  "workbook_too_large" | "workbook_bomb" | "file_too_complex" | "unreadable_spreadsheet" | "sheet_not_found";

/** The workbook reader's limits, as the parsing worker gets them. */
export type ParseLimits = { partMegabytes: number; inflateRatio: number; ratioGraceBytes: number };

export const PARSE_LIMITS: ParseLimits = {
  partMegabytes: MAX_PART_MEGABYTES,
  inflateRatio: MAX_INFLATE_RATIO,
  ratioGraceBytes: INFLATE_RATIO_GRACE_BYTES,
};
