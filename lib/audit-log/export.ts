import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";

import { auditCsvHeader, auditCsvRow, type AuditCsvColumns } from "./csv-rows";
import type { AuditWords } from "./describe";
import type { TAuditFilters } from "./params";
import { readAuditEntriesInBatches } from "./queries";

export type AuditCsvOptions = {
  actorId: string;
  filters: TAuditFilters;
  timeZone: string;
  words: AuditWords;
  /** The column headers, in the viewer's language. */
  columns: AuditCsvColumns;
  /** "," for English; ";" for German, the list separator German Excel opens a CSV with. */
  delimiter: "," | ";";
};

/**
 * The filtered audit log as CSV, a batch of entries at a time (UTF-8 with BOM, which Excel
 * recognises; every cell neutralised against formulas by toCsvLine). The download itself is
 * audited first, with its filters: who took a copy of the log
 * and of what is something an auditor asks.
 */
export async function* auditLogCsv(options: AuditCsvOptions): AsyncGenerator<string> {
  const { filters, timeZone, words, columns, delimiter } = options;
  const recorded = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== "" && value !== "all"));
  const batches = readAuditEntriesInBatches(filters, timeZone);
  await writeAuditLog(db, { actorId: options.actorId, action: "audit.export", outcome: "success", details: recorded });
  yield "\uFEFF" + auditCsvHeader(columns, delimiter);
  for await (const batch of batches) {
    yield batch.map((entry) => auditCsvRow(entry, words, timeZone, delimiter)).join("");
  }
}
