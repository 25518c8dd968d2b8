import "server-only";

import { db } from "@/lib/db";

import { countPersonData, findPersonData, type PersonData, type PersonQuery } from "./person-data";
import { getRetentionRules } from "./settings";

// What the Privacy page reads: the rules in force, the last retention run (its audit entry, counts
// only), and a person's records in a form fit for the browser (no raw JSON, no secrets).

export async function getPrivacyOverview() {
  const [rules, lastRun] = await Promise.all([
    getRetentionRules(db),
    db.auditLog.findFirst({
      where: { action: "privacy.retention-run" },
      orderBy: { at: "desc" },
      select: { at: true, details: true },
    }),
  ]);
  const counts = lastRun?.details ? (JSON.parse(lastRun.details) as Record<string, string | number>) : null;
  return { rules, lastRun: lastRun && counts ? { at: lastRun.at.toISOString(), counts } : null };
}

/** The person's records as the page lists them before an erasure or an export. */
export function summarizePersonData(data: PersonData) {
  return {
    counts: countPersonData(data),
    candidates: data.candidates.map((candidate) => ({
      id: candidate.id,
      name: `${candidate.firstName} ${candidate.lastName}`.trim(),
      email: candidate.email,
      stage: candidate.stage,
      handoffStatus: candidate.handoff?.status ?? null,
      erased: candidate.erasedAt !== null,
    })),
    intakeLog: data.intakeLog.map((entry) => ({
      id: entry.id,
      at: entry.receivedAt.toISOString(),
      source: entry.source.name,
      outcome: entry.outcome,
    })),
    rejectedRows: data.rejectedRows.map((row) => ({ id: row.id, fileName: row.import.fileName, row: row.rowNumber })),
    importFiles: data.importFiles.map((file) => ({ id: file.id, fileName: file.fileName })),
    auditEntries: data.auditEntries.map((entry) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      action: entry.action,
    })),
    emails: data.emailsSent.map((message) => ({ id: message.id, subject: message.subject, status: message.status })),
  };
}

export type PersonSummary = ReturnType<typeof summarizePersonData>;

export async function searchPerson(query: PersonQuery) {
  const data = await findPersonData(db, query);
  return data ? summarizePersonData(data) : null;
}
