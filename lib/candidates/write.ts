import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { writeAuditLog, type AuditEntryOf } from "@/lib/audit";
import { planCandidateChange, type CandidateField } from "@/lib/candidates/change-plan";
import { hasForbiddenCharacters, hasLoneSurrogate, type CandidateValues, type TextKind } from "@/lib/candidates/fields";
import { originActorId, originDetails, type CandidateOrigin } from "@/lib/candidates/origin";
import { isInPersonio, storedValues, type StoredCandidate } from "@/lib/candidates/record";
import { candidateSearchColumns } from "@/lib/candidates/search-text";
import type { Stage } from "@/lib/candidates/stages";
import { jsonInsert } from "@/lib/db/json-insert";
import { newRowId } from "@/lib/db/row-id";
import { AppError } from "@/lib/errors";
import { noteNewHiresIn } from "@/lib/notifications/new-hires";

// The one way a candidate is written, whoever writes it (the API, the import, a webhook source,
// a person at the screen): the stored values are compared with the given ones by one rule
// (planCandidateChange: a candidate in Personio is only completed), only differences are
// written, and every change gets one audit entry naming its origin, in the same transaction.
// These functions run inside the caller's transaction, so a webhook's replay keys or an import
// batch's counters commit together with the candidates; lib/candidates/service.ts wraps them
// for callers that write one candidate on its own.

type Tx = Prisma.TransactionClient;

/** Where a candidate came from and its id there: a source's namespace and an id in it. */
export type ExternalKey = { externalSource: string; externalId: string };

const NAME_FIELDS = ["firstName", "lastName", "email"] as const;

export type NewCandidate = Omit<CandidateValues, "stage"> & { stage?: string | null };

export type CandidateChange = {
  id: string;
  outcome: "created" | "updated" | "unchanged";
  /** Fields written. */
  fields: string[];
  /** Fields the input would have changed but that were kept: the candidate is in Personio. */
  kept: CandidateField[];
};

function createdEntry(id: string, origin: CandidateOrigin, key: ExternalKey | null): AuditEntryOf<"candidate.create"> {
  return {
    actorId: originActorId(origin),
    action: "candidate.create",
    targetType: "candidate",
    targetId: id,
    outcome: "success",
    details: { ...originDetails(origin), ...(key ? { externalSource: key.externalSource } : {}) },
  };
}

/** A text the rule refuses reached the write: the entry point should have refused it with its field. */
export class CandidateTextError extends AppError {
  constructor(readonly field: string) {
    super("invalid_input", `Refused characters in ${field}`, "invalid_text");
  }
}

const TEXT_FIELDS: Record<string, TextKind> = {
  firstName: "one-line",
  lastName: "one-line",
  email: "one-line",
  phone: "one-line",
  department: "one-line",
  office: "one-line",
  source: "one-line",
  notes: "notes",
  externalId: "one-line",
};

// The text rule (lib/candidates/fields.ts) once more where every candidate is written, whoever
// validated before: NFC, and no lone surrogate or control character gets stored.
function ruledText<T extends object>(values: T): T {
  const ruled = { ...values } as Record<string, unknown>;
  for (const [field, kind] of Object.entries(TEXT_FIELDS)) {
    const value = ruled[field];
    if (typeof value !== "string") continue;
    if (hasLoneSurrogate(value) || hasForbiddenCharacters(value, kind)) throw new CandidateTextError(field);
    ruled[field] = value.normalize("NFC");
  }
  return ruled as T;
}

function rowData(raw: NewCandidate, key: ExternalKey | null) {
  const values = ruledText(raw);
  return {
    ...values,
    stage: values.stage ?? "APPLIED",
    externalSource: key?.externalSource ?? null,
    externalId: key ? ruledText({ externalId: key.externalId }).externalId : null,
  };
}

export async function createCandidateIn(
  tx: Tx,
  input: { values: NewCandidate; key: ExternalKey | null; origin: CandidateOrigin },
): Promise<CandidateChange> {
  const data = rowData(input.values, input.key);
  const { id } = await tx.candidate.create({ data, select: { id: true } });
  await writeAuditLog(tx, createdEntry(id, input.origin, input.key));
  await noteNewHiresIn(tx, [{ candidateId: id, from: null, to: data.stage }]);
  return { id, outcome: "created", fields: [], kept: [] };
}

/**
 * Writes what differs between the given values (undefined: not given) and the stored candidate,
 * and links it to `link` when given (an import that recognised the candidate by email).
 */
export async function changeCandidateIn(
  tx: Tx,
  input: { current: StoredCandidate; given: Partial<CandidateValues>; origin: CandidateOrigin; link?: ExternalKey },
): Promise<CandidateChange> {
  const { current, origin } = input;
  const plan = planCandidateChange(storedValues(current), ruledText(input.given), {
    inPersonio: isInPersonio(current),
  });
  const data: Prisma.CandidateUncheckedUpdateInput = { ...plan.data, ...input.link };
  const fields = Object.keys(data);
  if (fields.length === 0) return { id: current.id, outcome: "unchanged", fields, kept: plan.kept };
  // The search columns are built from all three (lib/db/candidate-search-extension.ts).
  const names = NAME_FIELDS.some((field) => field in data)
    ? { firstName: current.firstName, lastName: current.lastName, email: current.email, ...plan.data }
    : {};
  await tx.candidate.update({ where: { id: current.id }, data: { ...data, ...names }, select: { id: true } });
  await writeAuditLog(tx, {
    actorId: originActorId(origin),
    action: "candidate.update",
    targetType: "candidate",
    targetId: current.id,
    outcome: "success",
    details: { ...originDetails(origin), fields, ...(plan.kept.length ? { keptInPersonio: plan.kept } : {}) },
  });
  if (typeof data.stage === "string")
    await noteNewHiresIn(tx, [{ candidateId: current.id, from: current.stage, to: data.stage }]);
  return { id: current.id, outcome: "updated", fields, kept: plan.kept };
}

/** A stage move is deliberate, so unlike a sync it also applies to a candidate in Personio. */
export async function moveStageIn(
  tx: Tx,
  input: { current: { id: string; stage: string }; stage: Stage | string; origin: CandidateOrigin },
): Promise<CandidateChange> {
  const { current, stage, origin } = input;
  if (current.stage === stage) return { id: current.id, outcome: "unchanged", fields: [], kept: [] };
  await tx.candidate.update({ where: { id: current.id }, data: { stage }, select: { id: true } });
  await writeAuditLog(tx, {
    actorId: originActorId(origin),
    action: "candidate.move-stage",
    targetType: "candidate",
    targetId: current.id,
    outcome: "success",
    details: { ...originDetails(origin), from: current.stage, to: stage },
  });
  await noteNewHiresIn(tx, [{ candidateId: current.id, from: current.stage, to: stage }]);
  return { id: current.id, outcome: "updated", fields: ["stage"], kept: [] };
}

const CANDIDATE_COLUMNS = [
  "id",
  "firstName",
  "lastName",
  "email",
  "phone",
  "jobId",
  "stage",
  "startDate",
  "department",
  "office",
  "source",
  "notes",
  "externalSource",
  "externalId",
  "firstNameKey",
  "lastNameKey",
  "emailKey",
  "searchText",
] as const;
const AUDIT_COLUMNS = ["id", "actorId", "action", "targetType", "targetId", "outcome", "details"] as const;

const insertCandidateRows = jsonInsert("Candidate", CANDIDATE_COLUMNS, ["createdAt", "updatedAt"]);
const insertAuditRows = jsonInsert("AuditLog", AUDIT_COLUMNS, ["at"]);

/**
 * Many new candidates at once (an import's batch): two statements, whatever the number of rows,
 * for the candidates and their audit entries. The search columns are written as the Prisma
 * extension writes them for every other write.
 */
export async function createCandidatesIn(
  tx: Tx,
  input: { rows: Array<{ values: NewCandidate; key: ExternalKey | null }>; origin: CandidateOrigin },
): Promise<string[]> {
  const now = new Date();
  const ids: string[] = [];
  const candidates = input.rows.map(({ values, key }) => {
    const row = { ...rowData(values, key), id: newRowId() };
    ids.push(row.id);
    return { ...row, ...candidateSearchColumns(row) };
  });
  await insertCandidateRows(tx, candidates, now);
  const audit = input.rows.map(({ key }, index) => {
    const entry = createdEntry(ids[index]!, input.origin, key);
    return { ...entry, id: newRowId(), details: JSON.stringify(entry.details) };
  });
  await insertAuditRows(tx, audit, now);
  await noteNewHiresIn(
    tx,
    candidates.map((candidate) => ({ candidateId: candidate.id, from: null, to: candidate.stage })),
  );
  return ids;
}
