// Run in the parsing worker (worker.mjs): an Excel workbook (.xlsx, a zip of
// XML parts) read a part at a time. Each part is inflated as a stream (yauzl over Node's zlib) and
// its bytes counted while they come out: over MAX_PART_MEGABYTES, or more than MAX_INFLATE_RATIO
// times its packed size, the part is refused before anything more is inflated or parsed. The XML
// goes through a streaming parser (saxes) as it inflates, so no part is ever whole in memory
// except the shared strings, which every row needs. Plain JavaScript: the worker loads it without
// a compiler (see lib/imports/read.ts); the limits come from there (lib/imports/parse/limits.ts).
import { once } from "node:events";
import { PassThrough } from "node:stream";
import zlib from "node:zlib";

import { SaxesParser } from "saxes";
import yauzl from "yauzl";

import { excelSerialToIso } from "./serial-date.mjs";

/** @typedef {import("./limits").ParseLimits} ParseLimits */

// Packed bytes go into the inflater in small pieces, so the ratio is checked often.
const FEED_BYTES = 16 * 1024;

export class ParseRefusalError extends Error {
  /**
   * @param {import("./limits").ParseRefusal} refusal
   * @param {number} [megabytes]
   */
  constructor(refusal, megabytes) {
    super(`File refused: ${refusal}`);
    this.refusal = refusal;
    this.megabytes = megabytes;
  }
}

/**
 * @typedef {{
 *   sheets: Array<{ name: string; part: string }>;
 *   date1904: boolean;
 *   readPart: (name: string, sink: (parser: SaxesParser) => void, afterChunk?: () => Promise<void>) => Promise<boolean>;
 *   dateStyles: boolean[];
 *   sharedStrings: () => Promise<string[]>;
 * }} Workbook dateStyles: style index -> whether its number format shows a date
 */

const unreadable = () => new ParseRefusalError("unreadable_spreadsheet");

/**
 * Text as Excel writes it: a character XML cannot hold (a control character) as _xHHHH_.
 * @param {string} text
 */
function unescapeText(text) {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** @param {string} name */
function localName(name) {
  return name.slice(name.indexOf(":") + 1);
}

/**
 * @param {import("saxes").SaxesTagPlain} tag
 * @param {string} name
 */
function attribute(tag, name) {
  for (const [key, value] of Object.entries(tag.attributes)) if (localName(key) === name) return value;
  return undefined;
}

/**
 * @param {Buffer} buffer
 * @returns {Promise<{ zipfile: import("yauzl").ZipFile; entries: Map<string, import("yauzl").Entry> }>}
 */
function openZip(buffer) {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zipfile) => {
      if (error || !zipfile) return reject(unreadable());
      const entries = new Map();
      zipfile.on("entry", (entry) => {
        // Part names are case-insensitive (ECMA-376 part 2).
        entries.set(entry.fileName.replace(/^\/+/, "").toLowerCase(), entry);
        zipfile.readEntry();
      });
      zipfile.on("end", () => resolve({ zipfile, entries }));
      zipfile.on("error", () => reject(unreadable()));
      zipfile.readEntry();
    });
  });
}

/** A relationship target ("worksheets/sheet1.xml", "/xl/styles.xml") as a part name. */
/**
 * @param {string} base
 * @param {string} target
 */
function resolvePart(base, target) {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

// Built-in number formats that show dates (ECMA-376 part 1, 18.8.30, and the East Asian ones).
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/** A custom format shows a date if it names days or years outside quoted text and [brackets]. */
/** @param {string} code */
function isDateFormat(code) {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return /[dy]/i.test(bare);
}

/**
 * @param {Buffer} buffer
 * @param {ParseLimits} limits
 * @returns {Promise<Workbook>}
 */
export async function openWorkbook(buffer, limits) {
  const { zipfile, entries } = await openZip(buffer);

  /** @type {Workbook["readPart"]} */
  const readPart = async (name, sink, afterChunk) => {
    const entry = entries.get(name.toLowerCase());
    if (!entry) return false;
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw unreadable();
    // The packed bytes as they are (yauzl checks the zip's structure), inflated here so that
    // both sides can be counted: the ratio is of what came out to what went in so far, so a
    // bomb is stopped after a few mebibytes, whatever the size its entry claims.
    /** @type {import("node:stream").Readable} */
    const packed = await new Promise((resolve, reject) =>
      zipfile.openReadStream(entry, { decompress: false }, (error, opened) =>
        error || !opened ? reject(unreadable()) : resolve(opened),
      ),
    );
    const inflater = entry.compressionMethod === 8 ? zlib.createInflateRaw() : new PassThrough();
    let packedIn = 0;
    const feeding = (async () => {
      for await (const chunk of packed) {
        for (let offset = 0; offset < chunk.length; offset += FEED_BYTES) {
          const piece = chunk.subarray(offset, offset + FEED_BYTES);
          packedIn += piece.length;
          if (!inflater.write(piece)) await once(inflater, "drain");
        }
      }
      inflater.end();
    })();
    feeding.catch(() => inflater.destroy(unreadable()));
    const parser = new SaxesParser({ position: false });
    sink(parser);
    const decoder = new TextDecoder("utf-8");
    const limit = limits.partMegabytes * 1024 * 1024;
    let inflated = 0;
    try {
      for await (const chunk of inflater) {
        inflated += chunk.length;
        if (inflated > limit) throw new ParseRefusalError("workbook_too_large", limits.partMegabytes);
        const ratioLimit = Math.max(limits.ratioGraceBytes, packedIn * limits.inflateRatio);
        if (inflated > ratioLimit) throw new ParseRefusalError("workbook_bomb", Math.ceil(ratioLimit / 1024 / 1024));
        parser.write(decoder.decode(chunk, { stream: true }));
        await afterChunk?.();
      }
      parser.write(decoder.decode());
      parser.close();
    } catch (error) {
      packed.destroy();
      inflater.destroy();
      if (error instanceof ParseRefusalError) throw error;
      throw unreadable();
    }
    return true;
  };

  /** @param {string} part */
  const relationships = async (part) => {
    const slash = part.lastIndexOf("/");
    const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
    /** @type {Map<string, { type: string; part: string }>} */
    const targets = new Map();
    await readPart(relsPart, (parser) =>
      parser.on("opentag", (tag) => {
        if (localName(tag.name) !== "Relationship" || tag.attributes.TargetMode === "External") return;
        const { Id: id, Target: target, Type: type } = tag.attributes;
        if (id && target) targets.set(id, { type: type ?? "", part: resolvePart(part, target) });
      }),
    );
    return targets;
  };

  const root = await relationships("");
  const workbookPart =
    [...root.values()].find((relation) => relation.type.endsWith("/officeDocument"))?.part ?? "xl/workbook.xml";
  const workbookRels = await relationships(workbookPart);

  /** @type {Workbook["sheets"]} */
  const sheets = [];
  let date1904 = false;
  const found = await readPart(workbookPart, (parser) =>
    parser.on("opentag", (tag) => {
      const name = localName(tag.name);
      if (name === "workbookPr") date1904 = ["1", "true"].includes(attribute(tag, "date1904") ?? "");
      if (name === "sheet") {
        const target = workbookRels.get(attribute(tag, "id") ?? "");
        if (target?.type.endsWith("/worksheet")) sheets.push({ name: tag.attributes.name ?? "", part: target.part });
      }
    }),
  );
  if (!found || sheets.length === 0) throw unreadable();

  /** @param {string} type */
  const partOfType = (type) => [...workbookRels.values()].find((relation) => relation.type.endsWith(type));

  // Which cell styles show dates: cellXfs' number formats, built-in or defined in numFmts.
  /** @type {boolean[]} */
  const dateStyles = [];
  const stylesPart = partOfType("/styles")?.part;
  if (stylesPart) {
    /** @type {Map<number, boolean>} */
    const customDates = new Map();
    let inCellXfs = false;
    await readPart(stylesPart, (parser) => {
      parser.on("opentag", (tag) => {
        const name = localName(tag.name);
        if (name === "numFmt")
          customDates.set(Number(tag.attributes.numFmtId), isDateFormat(tag.attributes.formatCode ?? ""));
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) {
          const id = Number(tag.attributes.numFmtId ?? 0);
          dateStyles.push(customDates.get(id) ?? BUILT_IN_DATE_FORMATS.has(id));
        }
      });
      parser.on("closetag", (tag) => {
        if (localName(tag.name) === "cellXfs") inCellXfs = false;
      });
    });
  }

  /** @type {Promise<string[]> | null} */
  let strings = null;
  const sharedStrings = () =>
    (strings ??= (async () => {
      /** @type {string[]} */
      const list = [];
      const part = partOfType("/sharedStrings")?.part;
      if (!part) return list;
      /** @type {string[] | null} */
      let current = null;
      let inText = false;
      let phonetic = 0; // <rPh>: a reading aid, not part of the text
      await readPart(part, (parser) => {
        parser.on("opentag", (tag) => {
          const name = localName(tag.name);
          if (name === "si") current = [];
          else if (name === "rPh") phonetic++;
          else if (name === "t" && phonetic === 0) inText = true;
        });
        parser.on("text", (text) => {
          if (inText) current?.push(text);
        });
        parser.on("cdata", (text) => {
          if (inText) current?.push(text);
        });
        parser.on("closetag", (tag) => {
          const name = localName(tag.name);
          if (name === "t") inText = false;
          else if (name === "rPh") phonetic--;
          else if (name === "si" && current) {
            list.push(unescapeText(current.join("")));
            current = null;
          }
        });
      });
      return list;
    })());

  return { sheets, date1904, readPart, dateStyles, sharedStrings };
}

/** "AB12" -> 27 (0-based column); -1 without letters. */
/** @param {string | undefined} ref */
function columnOf(ref) {
  if (!ref) return -1;
  let column = 0;
  let index = 0;
  for (; index < ref.length; index++) {
    const code = ref.charCodeAt(index);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return index === 0 ? -1 : column - 1;
}

/**
 * A sheet's rows as text cells, a batch at a time. Rows the sheet skips come out empty, so row
 * numbers match Excel's. Numbers in date-formatted cells come out as yyyy-mm-dd; other numbers
 * as the shortest text that reads back as the same number.
 */
/**
 * @param {Workbook} workbook
 * @param {number} sheetIndex
 * @returns {AsyncGenerator<string[][]>}
 */
export async function* readWorkbookSheet(workbook, sheetIndex, batchRows = 500) {
  const sheet = workbook.sheets[sheetIndex];
  if (!sheet) throw new ParseRefusalError("sheet_not_found");
  const strings = await workbook.sharedStrings();
  /** @type {string[][]} */
  let ready = [];
  let rowNumber = 0;
  /** @type {string[]} */
  let row = [];
  /** @type {{ column: number; type: string; dateStyle: boolean } | null} */
  let cell = null;
  /** @type {string[]} */
  let value = [];
  let capture = false;

  const cellText = () => {
    if (!cell) return "";
    const raw = value.join("");
    switch (cell.type) {
      case "s":
        return strings[Number(raw)] ?? "";
      case "b":
        return raw === "1" ? "TRUE" : raw === "0" ? "FALSE" : raw;
      case "str":
      case "inlineStr":
        return unescapeText(raw);
      case "e":
        return raw;
      default: {
        const number = Number(raw);
        if (raw.trim() === "" || !Number.isFinite(number)) return raw;
        if (cell.dateStyle) return excelSerialToIso(number, workbook.date1904) ?? String(number);
        return String(number);
      }
    }
  };

  // The parser calls back synchronously while a chunk is written; rows collect in `ready` and
  // leave between chunks, so the inflating stream waits while a batch waits for its reader.
  /** @type {string[][][]} */
  const queue = [];
  /** @type {unknown} */
  let failure = null;
  let finished = false;
  /** @type {(() => void) | null} */
  let wake = null;
  /** @type {{ resume: (() => void) | null }} */
  const reader = { resume: null };
  /** @param {boolean} force */
  const flush = (force) => {
    if (ready.length >= batchRows || (force && ready.length > 0)) {
      queue.push(ready);
      ready = [];
      wake?.();
    }
  };

  const reading = workbook
    .readPart(
      sheet.part,
      (parser) => {
        parser.on("opentag", (tag) => {
          const name = localName(tag.name);
          if (name === "row") {
            const number = Number(tag.attributes.r);
            const next = Number.isInteger(number) && number > rowNumber ? number : rowNumber + 1;
            for (let gap = rowNumber + 1; gap < next; gap++) ready.push([]);
            rowNumber = next;
            row = [];
          } else if (name === "c") {
            const ref = columnOf(tag.attributes.r);
            const style = Number(tag.attributes.s ?? 0);
            cell = {
              column: ref >= 0 ? ref : row.length,
              type: tag.attributes.t ?? "n",
              dateStyle: workbook.dateStyles[style] ?? false,
            };
            value = [];
          } else if ((name === "v" || name === "t") && cell) {
            capture = true;
          }
        });
        parser.on("text", (text) => {
          if (capture) value.push(text);
        });
        parser.on("closetag", (tag) => {
          const name = localName(tag.name);
          if (name === "v" || name === "t") capture = false;
          else if (name === "c" && cell) {
            // A sheet may name a far column (XFD1): cells stay a sparse array until the row ends.
            if (cell.column < 16_384) row[cell.column] = cellText();
            cell = null;
          } else if (name === "row") {
            ready.push(Array.from(row, (text) => text ?? ""));
            row = [];
          }
        });
      },
      () => {
        flush(false);
        if (queue.length < 2) return Promise.resolve();
        return new Promise((resolve) => (reader.resume = resolve));
      },
    )
    .then(
      () => {
        flush(true);
        finished = true;
        wake?.();
      },
      (error) => {
        failure = error;
        finished = true;
        wake?.();
      },
    );

  for (;;) {
    const next = queue.shift();
    if (next) {
      if (queue.length < 2) {
        reader.resume?.();
        reader.resume = null;
      }
      yield next;
      continue;
    }
    if (failure) throw failure;
    if (finished) break;
    await new Promise((resolve) => (wake = resolve));
    wake = null;
  }
  await reading;
}
