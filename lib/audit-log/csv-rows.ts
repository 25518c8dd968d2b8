// Pure: the audit export's lines. Every cell goes through toCsvLine, which neutralises text a
// spreadsheet would run as a formula (a name, an email or a file name starting with "=").
import { toCsvLine } from "@/lib/csv";

import { describeAuditEntry, type AuditLine, type AuditWords } from "./describe";
import type { AuditEntryRow } from "./queries";

export type AuditCsvColumns = {
  at: string;
  timeZone: string;
  actor: string;
  action: string;
  target: string;
  outcome: string;
  details: string;
};

/** A detail list as one cell: "Label: value; sentence; …". */
export function detailsCell(lines: AuditLine[]): string {
  return lines.map((line) => (line.label === null ? line.text : `${line.label}: ${line.text}`)).join("; ");
}

const TIME_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-30 14:05:09" in the zone: sortable in a spreadsheet, with the zone in its own column. */
export function csvTime(at: Date, timeZone: string): string {
  // Making a DateTimeFormat costs far more than using one: one per zone, not one per row.
  let format = TIME_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "medium" });
    TIME_FORMATS.set(timeZone, format);
  }
  return format.format(at);
}

export function auditCsvHeader(columns: AuditCsvColumns, delimiter: string): string {
  return (
    toCsvLine(
      [columns.at, columns.timeZone, columns.actor, columns.action, columns.target, columns.outcome, columns.details],
      delimiter,
    ) + "\r\n"
  );
}

export function auditCsvRow(entry: AuditEntryRow, words: AuditWords, timeZone: string, delimiter: string): string {
  const described = describeAuditEntry(entry, words);
  return (
    toCsvLine(
      [
        csvTime(entry.at, timeZone),
        timeZone,
        described.actor,
        described.action,
        described.target ?? "",
        described.outcome,
        detailsCell(described.details),
      ],
      delimiter,
    ) + "\r\n"
  );
}
