import { z } from "zod";

// Pure: the retention rules, their defaults and bounds, shared by the Privacy page's form, its
// action and the daily job (lib/privacy/retention.ts). Days, counted from the moment each rule
// names; the words for each rule are privacy.rules.<key> in the catalogues.

export const RETENTION_RULES = [
  // Candidates never sent to Personio (no handoff, or only failed attempts): deleted with
  // everything about them N days after their last change.
  { key: "unsentCandidateDays", defaultDays: 180 },
  // Sent or linked: names, email, phone, notes and dates erased N days after the send; the
  // handoff record (Personio id, who and when) stays. HR has the person in Personio by then.
  { key: "sentCandidateDays", defaultDays: 30 },
  // Intake log entries (the mapped fields of each webhook delivery), deleted N days after receipt.
  { key: "intakeLogDays", defaultDays: 30 },
  // Imports: the uploaded file, its rejected rows and the report, deleted N days after the upload.
  { key: "importDays", defaultDays: 30 },
  // Names and emails inside audit entries, replaced by a pseudonym N days after the entry.
  { key: "auditPersonalDays", defaultDays: 90 },
  // Audit entries themselves, deleted N days after the entry.
  { key: "auditEntryDays", defaultDays: 730 },
  // Emails in the outbox that were sent or failed for good, deleted N days after they were queued.
  { key: "outboxDays", defaultDays: 30 },
] as const;

export type RetentionRuleKey = (typeof RETENTION_RULES)[number]["key"];
export type RetentionRules = Record<RetentionRuleKey, number>;

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

export const DEFAULT_RETENTION_RULES = Object.fromEntries(
  RETENTION_RULES.map((rule) => [rule.key, rule.defaultDays]),
) as RetentionRules;

const days = z.coerce.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS);

export const ZRetentionRules = z.object(
  Object.fromEntries(RETENTION_RULES.map((rule) => [rule.key, days])) as Record<RetentionRuleKey, typeof days>,
);

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment before which data under `days` goes, as of `asOf`. */
export function retentionCutoff(asOf: Date, days: number): Date {
  return new Date(asOf.getTime() - days * DAY_MS);
}
