// Pure: reading one cell's text as a stage or a date. Making cells safe for a spreadsheet is lib/csv.ts.
import type { Stage } from "@/lib/candidates/stages";
import { headerKey } from "@/lib/imports/fields";
import { excelSerialToIso } from "@/lib/imports/parse/serial-date.mjs";

const STAGE_WORDS: Record<Stage, string[]> = {
  APPLIED: [
    "applied",
    "new",
    "neu",
    "beworben",
    "bewerbung",
    "eingegangen",
    "bewerbungeingegangen",
    "received",
    "eingang",
  ],
  SCREENING: [
    "screening",
    "vorauswahl",
    "prufung",
    "inprufung",
    "review",
    "phonescreen",
    "telefoninterview",
    "sichtung",
  ],
  INTERVIEW: ["interview", "interviews", "vorstellungsgesprach", "gesprach", "gesprache", "interviewphase"],
  OFFER: ["offer", "offered", "angebot", "vertragsangebot", "angebotsphase"],
  HIRED: ["hired", "eingestellt", "einstellung", "zusage", "accepted", "vertragunterschrieben"],
  REJECTED: ["rejected", "abgelehnt", "absage", "declined", "disqualified", "notselected"],
};

const STAGE_BY_WORD = new Map<string, Stage>(
  (Object.entries(STAGE_WORDS) as Array<[Stage, string[]]>).flatMap(([stage, words]) =>
    words.map((word) => [word, stage] as const),
  ),
);

/** "Vorstellungsgespräch" -> INTERVIEW; null when the text names no stage we know. */
export function parseStage(text: string): Stage | null {
  return STAGE_BY_WORD.get(headerKey(text)) ?? null;
}

function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * 2026-12-31, 2026-12-31T00:00:00 (a spreadsheet's date cell), 31.12.2026 and 31.12.26 (German):
 * yyyy-mm-dd, or null when it is none of these or no real day. 12/31/2026 is refused: whether
 * 01/02 is January or February cannot be told. A number is an Excel serial date (a date typed
 * into a "General" cell shows as 46387): of the 1900 system, or 1904 where the workbook says so.
 */
export function parseDate(text: string, options: { date1904?: boolean } = {}): string | null {
  const value = text.trim();
  if (/^\d{1,7}(?:\.\d+)?$/.test(value)) return excelSerialToIso(Number(value), options.date1904 ?? false);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(value);
  if (german) {
    const year = german[3]!.length === 2 ? 2000 + Number(german[3]) : Number(german[3]);
    return isoDay(year, Number(german[2]), Number(german[1]));
  }
  return null;
}
