// The candidate's fields as zod schemas, shared by the REST API (lib/api), the import
// (lib/imports) and anything else that writes candidates, so every entry point accepts and
// rejects the same values. Pure: no "server-only".
import { z } from "zod";

import { STAGES } from "@/lib/candidates/stages";

/** A calendar day, yyyy-mm-dd, that exists (2026-02-30 does not). */
export const calendarDate = z.iso.date();

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const candidateFields = {
  firstName: text(100),
  lastName: text(100),
  email: z.email().max(254),
  phone: optionalText(50),
  stage: z.enum(STAGES),
  startDate: calendarDate.nullable(),
  jobTitle: text(200),
  department: optionalText(200),
  office: optionalText(200),
  source: optionalText(100),
  notes: optionalText(5000),
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
