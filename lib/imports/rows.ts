// Pure: one file row -> candidate values and the row's problems. The preview and the import run
// the same code, so the preview shows exactly what the import will reject.
import { candidateFields, fileText, hasForbiddenCharacters } from "@/lib/candidates/fields";
import type { Stage } from "@/lib/candidates/stages";
import { unneutralizeFormula } from "@/lib/csv";
import type { ColumnMapping, ImportField } from "@/lib/imports/fields";
import { parseDate, parseStage } from "@/lib/imports/values";

export const ROW_PROBLEMS = [
  "missing_first_name",
  "missing_last_name",
  "missing_email",
  "invalid_email",
  "missing_job",
  "unknown_stage",
  "invalid_start_date",
  "duplicate_email",
  "duplicate_external_id",
  "too_long",
  "control_characters",
  // Found by the import, not the preview: they depend on what the database holds.
  "email_in_use",
  "email_ambiguous",
] as const;
export type RowProblem = (typeof ROW_PROBLEMS)[number];

export type RowValues = {
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string;
  stage?: Stage;
  startDate?: string;
  phone?: string;
  department?: string;
  office?: string;
  externalId?: string;
  source?: string;
  notes?: string;
};

export function isEmptyRow(cells: readonly string[]) {
  return cells.every((cell) => cell.trim() === "");
}

/**
 * The cell of a mapped field, trimmed, in NFC with any lone surrogate replaced (the text rule for
 * files, lib/candidates/fields.ts); "" when unmapped or empty (empty = not given).
 */
function cellOf(cells: readonly string[], mapping: ColumnMapping, field: ImportField): string {
  const index = mapping[field];
  return index === undefined ? "" : unneutralizeFormula(fileText(cells[index] ?? "").trim());
}

const LIMITS: Partial<Record<ImportField, number>> = {
  firstName: 100,
  lastName: 100,
  email: 254,
  jobTitle: 200,
  phone: 50,
  department: 200,
  office: 200,
  externalId: 200,
  source: 100,
  notes: 5000,
};

/** Email comparison within a file and against the database: case ignored. */
export function emailMatchKey(email: string) {
  return email.toLowerCase();
}

export function readRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  options: { date1904?: boolean } = {},
): { values: RowValues | null; problems: RowProblem[] } {
  const text = (field: ImportField) => cellOf(cells, mapping, field);
  const problems: RowProblem[] = [];
  const firstName = text("firstName");
  const lastName = text("lastName");
  const email = text("email");
  const jobTitle = text("jobTitle").replace(/\s+/g, " ");
  if (!firstName) problems.push("missing_first_name");
  if (!lastName) problems.push("missing_last_name");
  if (!email) problems.push("missing_email");
  else if (!candidateFields.email.safeParse(email).success) problems.push("invalid_email");
  if (!jobTitle) problems.push("missing_job");

  const stageText = text("stage");
  const stage = stageText ? parseStage(stageText) : undefined;
  if (stage === null) problems.push("unknown_stage");
  const startText = text("startDate");
  const startDate = startText ? parseDate(startText, options) : undefined;
  if (startDate === null) problems.push("invalid_start_date");

  for (const [field, limit] of Object.entries(LIMITS) as Array<[ImportField, number]>) {
    if (text(field).length > limit) {
      if (!problems.includes("too_long")) problems.push("too_long");
    }
    // Line breaks only in notes; a cell's own line break in a job title is folded above.
    const value = field === "jobTitle" ? jobTitle : text(field);
    if (hasForbiddenCharacters(value, field === "notes" ? "notes" : "one-line")) {
      if (!problems.includes("control_characters")) problems.push("control_characters");
    }
  }
  if (problems.length > 0) return { values: null, problems };

  const optional = (field: ImportField) => text(field) || undefined;
  return {
    values: {
      firstName,
      lastName,
      email,
      jobTitle,
      stage: stage ?? undefined,
      startDate: startDate ?? undefined,
      phone: optional("phone"),
      department: optional("department"),
      office: optional("office"),
      externalId: optional("externalId"),
      source: optional("source"),
      notes: optional("notes"),
    },
    problems,
  };
}

/** Remembers emails and external ids seen earlier in the file: a second row with one is rejected. */
export class FileDuplicates {
  private readonly emails = new Set<string>();
  private readonly externalIds = new Set<string>();

  check(values: RowValues): RowProblem[] {
    const problems: RowProblem[] = [];
    const email = emailMatchKey(values.email);
    if (this.emails.has(email)) problems.push("duplicate_email");
    if (values.externalId !== undefined && this.externalIds.has(values.externalId))
      problems.push("duplicate_external_id");
    if (problems.length === 0) {
      this.emails.add(email);
      if (values.externalId !== undefined) this.externalIds.add(values.externalId);
    }
    return problems;
  }
}
