// The candidate's fields as zod schemas, shared by the REST API (lib/api), the import
// (lib/imports) and anything else that writes candidates, so every entry point accepts and
// rejects the same values. Pure: no "server-only".
import { z } from "zod";

import { STAGES } from "@/lib/candidates/stages";

/** A calendar day, yyyy-mm-dd, that exists (2026-02-30 does not). */
export const calendarDate = z.iso.date();

// One rule for every text that reaches a candidate, whichever way it comes in (the screen, an
// import, the API, a webhook): Unicode in NFC, so "Müller" typed on a Mac (NFD) and on Windows is
// one name, found by one search; no lone surrogate (half a character, which no database column
// can store); and, in one-line fields, no control or format character and no line separator, as
// the send to Personio requires (lib/handoff/schemas.ts). Notes may hold line breaks and tabs.
const LONE_SURROGATE = /\p{Cs}/u;
const NOT_ONE_LINE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const NOT_NOTES = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/u;

/** The messages of the rule's two refusals, which the API answers with 400 (not 422). */
export const TEXT_RULE_ISSUES = ["lone_surrogate", "control_characters"] as const;

export type TextKind = "one-line" | "notes";

export function hasLoneSurrogate(text: string) {
  return LONE_SURROGATE.test(text);
}

export function hasForbiddenCharacters(text: string, kind: TextKind) {
  return (kind === "notes" ? NOT_NOTES : NOT_ONE_LINE).test(text);
}

/** A file's text: a lone surrogate becomes U+FFFD (as a decoder does), the rest NFC. */
export function fileText(text: string) {
  return text.replace(/\p{Cs}/gu, "\uFFFD").normalize("NFC");
}

/** The rule on a string schema: refused before anything else, then normalised. */
function ruled(schema: z.ZodString, kind: TextKind) {
  return schema
    .refine((value) => !hasLoneSurrogate(value), { message: "lone_surrogate", abort: true })
    .refine((value) => !hasForbiddenCharacters(value, kind), { message: "control_characters", abort: true })
    .normalize("NFC");
}

const text = (max: number) => ruled(z.string(), "one-line").trim().min(1).max(max);
const optionalText = (max: number, kind: TextKind = "one-line") => ruled(z.string(), kind).trim().max(max).nullable();

export const candidateFields = {
  firstName: text(100),
  lastName: text(100),
  email: z
    .email()
    .max(254)
    .refine((value) => !hasLoneSurrogate(value), { message: "lone_surrogate", abort: true })
    .refine((value) => !hasForbiddenCharacters(value, "one-line"), { message: "control_characters", abort: true }),
  phone: optionalText(50),
  stage: z.enum(STAGES),
  startDate: calendarDate.nullable(),
  jobTitle: text(200),
  department: optionalText(200),
  office: optionalText(200),
  source: optionalText(100),
  notes: optionalText(5000, "notes"),
  // A system's name ("greenhouse", "workable", "spreadsheet") and its id for the candidate.
  externalSource: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, dot, dash and underscore"),
  externalId: text(200),
};

/** The values stored on the candidate row that an import or API call may set. */
export type CandidateValues = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  stage: string;
  startDate: string | null;
  jobId: string;
  department: string | null;
  office: string | null;
  source: string | null;
  notes: string | null;
};
