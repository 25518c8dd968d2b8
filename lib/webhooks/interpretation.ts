import type { Stage } from "@/lib/candidates/stages";

// What a verified delivery means for Handoff, whatever the ATS: a hire to create or update, a
// hire taken back, something to ignore, or something to refuse with a reason the admin can act on.

/** The fields a hire brings; what the intake log shows (never the raw payload). */
export type MappedHire = {
  externalId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  jobTitle: string;
  department: string | null;
  office: string | null;
  startDate: string | null; // yyyy-mm-dd
};

export type IgnoreReason = "unknown_event" | "ping" | "not_hired";
export type RejectReason = "malformed_json" | "invalid_payload" | "missing_email" | "missing_job";

/** A file the payload links (its URL expires): fetched onto the candidate when the delivery arrives. */
export type LinkedAttachment = { fileName: string; url: string; kind: "CV" | "CONTRACT" | "OTHER" };

export type Interpretation = { eventType: string | null; eventId: string | null } & (
  | { kind: "hire"; hire: MappedHire; attachments?: LinkedAttachment[] }
  // The ATS took a hire back (unhired, withdrawn, moved out of the hired stage). Applies only to
  // a candidate Handoff already has as hired; the candidate goes back to `stage`.
  | { kind: "unhire"; externalId: string; stage: Stage }
  | { kind: "ignore"; reason: IgnoreReason }
  | { kind: "reject"; reason: RejectReason; mapped?: Partial<MappedHire> }
);

export function text(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim().replace(/\s+/g, " ");
  return trimmed === "" ? null : trimmed;
}

export function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

// A calendar day from a date or a date-time ("2015-01-23", "2026-03-01T00:00:00.000Z"): the day
// as written, never shifted by a time zone.
export function calendarDay(value: unknown): string | null {
  const match = typeof value === "string" ? /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(value.trim()) : null;
  return match ? match[1]! : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email(value: unknown): string | null {
  const candidate = text(value);
  return candidate && EMAIL.test(candidate) ? candidate.toLowerCase() : null;
}

// Names, emails and titles beyond these lengths are cut, not refused: the review form shows them.
export function clip(value: string, max: number) {
  return value.length > max ? value.slice(0, max) : value;
}

/**
 * Completes a hire from what the payload gave, or says why it cannot be one. Shared by every ATS
 * so the rules (an email is required, a job title is required) are the same for all.
 */
export function toHire(
  meta: { eventType: string | null; eventId: string | null },
  fields: Omit<MappedHire, "email" | "jobTitle" | "externalId"> & {
    email: string | null;
    jobTitle: string | null;
    externalId: string | null;
  },
): Interpretation {
  const mapped: Partial<MappedHire> = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
  if (!fields.externalId) return { ...meta, kind: "reject", reason: "invalid_payload", mapped };
  if (!fields.email) return { ...meta, kind: "reject", reason: "missing_email", mapped };
  if (!fields.jobTitle) return { ...meta, kind: "reject", reason: "missing_job", mapped };
  return {
    ...meta,
    kind: "hire",
    hire: {
      externalId: clip(fields.externalId, 200),
      firstName: clip(fields.firstName, 100),
      lastName: clip(fields.lastName, 100),
      email: clip(fields.email, 254),
      phone: fields.phone ? clip(fields.phone, 50) : null,
      jobTitle: clip(fields.jobTitle, 200),
      department: fields.department ? clip(fields.department, 200) : null,
      office: fields.office ? clip(fields.office, 200) : null,
      startDate: fields.startDate,
    },
  };
}
