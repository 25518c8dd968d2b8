import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { toCsvLine } from "@/lib/csv";
import { db } from "@/lib/db";

import { describeAuditEntry, type AuditLine, type AuditWords } from "./describe";
import type { TAuditFilters } from "./params";
import { readAuditEntriesInBatches } from "./queries";

export type AuditCsvOptions = {
  actorId: string;
  filters: TAuditFilters;
  timeZone: string;
  words: AuditWords;
  /** The column headers, in the viewer's language. */
  columns: { at: string; timeZone: string; actor: string; action: string; target: string; outcome: string; details: string };
  /** "," for English; ";" for German, the list separator German Excel opens a CSV with. */
  delimiter: "," | ";";
};

/** A detail list as one cell: "Label: value; sentence; …". */
export function detailsCell(lines: AuditLine[]): string {
  return lines.map((line) => (line.label === null ? line.text : `${line.label}: ${line.text}`)).join("; ");
}

/** "2026-11-30 14:05:09" in the zone: sortable in a spreadsheet, with the zone in its own column. */
export function csvTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "medium" }).format(at);
}

/**
 * The filtered audit log as CSV, a batch of entries at a time (UTF-8 with BOM, which Excel
 * recognises; every cell neutralised against formulas by toCsvLine). The download itself is
 * audited first, with its filters and how many entries it holds: who took a copy of the log
 * and of what is something an auditor asks.
 */
export async function* auditLogCsv(options: AuditCsvOptions): AsyncGenerator<string> {
  const { filters, timeZone, words, columns, delimiter } = options;
  const recorded = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== "" && value !== "all"));
  const batches = readAuditEntriesInBatches(filters, timeZone);
  await writeAuditLog(db, { actorId: options.actorId, action: "audit.export", outcome: "success", details: recorded });
  yield "\uFEFF" + toCsvLine([columns.at, columns.timeZone, columns.actor, columns.action, columns.target, columns.outcome, columns.details], delimiter) + "\r\n";
  for await (const batch of batches) {
    let chunk = "";
    for (const entry of batch) {
      const described = describeAuditEntry(entry, words);
      chunk +=
        toCsvLine(
          [csvTime(entry.at, timeZone), timeZone, described.actor, described.action, described.target ?? "", described.outcome, detailsCell(described.details)],
          delimiter,
        ) + "\r\n";
    }
    yield chunk;
  }
}
