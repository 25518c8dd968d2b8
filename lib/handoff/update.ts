import "server-only";

// "Update in Personio": corrections after a send. The form starts from what Handoff itself sent
// (Handoff.sentFields; nothing is read back from Personio), and only the fields that differ go out,
// as one PATCH. Each update names the version its form was opened at; a conditional update of the
// handoff's version lets exactly one of two simultaneous updates through. The checks are the
// send's, in the send's order (lib/handoff/personio-write.ts).

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import {
  assertPermitted,
  candidateAudit,
  checkWriteFields,
  connectionRefusal,
  ignoredDetails,
  recordWriteHealth,
  toPersonioFailure,
  toWarnings,
  type PersonioWarning,
} from "@/lib/handoff/personio-write";
import { DONE_STATUSES, isHandoffDone } from "@/lib/handoff/status";
import type { Actor } from "@/lib/permissions";
import type { FormField, UnavailableField } from "@/lib/personio-fields/form";
import { loadFieldForm } from "@/lib/personio-fields/server";
import { getFieldConfig } from "@/lib/personio-fields/store";
import { parseSentValues, prefillValue, toPersonioInput } from "@/lib/personio-fields/values";
import type { PersonioErrorCode } from "@/lib/personio/errors";
import { getConnectedPersonioClient } from "@/lib/personio/integration/connection";
import { PERSONIO_WRITE, trackInFlight } from "@/lib/shutdown";

/** The fields Personio lets a PATCH change besides the chosen optional ones. */
const CORE_UPDATABLE = ["firstName", "lastName"] as const;

export type UpdateFormData = {
  employeeId: number;
  version: number;
  status: "SENT" | "LINKED";
  email: string;
  /** What Handoff sent (empty for a linked profile: Handoff sent nothing). */
  sent: Record<string, string>;
  fields: FormField[];
  unavailable: UnavailableField[];
  /** The form's starting values: what was sent, else the prefill. */
  defaults: Record<string, string>;
};

export type UpdateFailureCode =
  | PersonioErrorCode
  | "not_connected"
  | "integration_disabled"
  | "invalid_field"
  | "unknown_option"
  | "field_unavailable";

export type UpdateResult =
  | { outcome: "updated"; changed: string[]; version: number; warnings?: PersonioWarning[] }
  | { outcome: "no_changes" }
  // Someone else updated this profile since the form was opened.
  | { outcome: "conflict" }
  | { outcome: "not_sent" }
  // Personio's answer was lost (a timeout, a lost connection): the changes may have been applied.
  // Handoff records them as sent; the form offers the same PATCH again (`repeat`), which is safe.
  | { outcome: "uncertain"; code: PersonioErrorCode; changed: string[]; version: number }
  | { outcome: "failed"; code: UpdateFailureCode; field?: string };

export async function getUpdateFormData(candidateId: string): Promise<UpdateFormData | null> {
  const [handoff, candidate, config] = await Promise.all([
    db.handoff.findUnique({
      where: { candidateId },
      select: { status: true, personioEmployeeId: true, sentFields: true, version: true },
    }),
    db.candidate.findUnique({
      where: { id: candidateId },
      include: { job: { select: { title: true, department: true, office: true } } },
    }),
    getFieldConfig(),
  ]);
  // An erased person (lib/privacy) has nothing left in Handoff to correct Personio from.
  if (
    !handoff ||
    !candidate ||
    candidate.erasedAt ||
    handoff.personioEmployeeId === null ||
    !isHandoffDone(handoff.status)
  )
    return null;
  const sent = parseSentValues(handoff.sentFields);
  const form = await loadFieldForm(config);
  // A linked profile was sent nothing by Handoff: its form starts from the profile and the prefills.
  const prefill: Record<string, string> = {
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    ...Object.fromEntries(config.fields.map((setting) => [setting.key, prefillValue(setting, candidate)])),
  };
  const defaults = Object.fromEntries(
    [...CORE_UPDATABLE, ...form.fields.map((field) => field.key)].map((key) => [
      key,
      sent[key] ?? (handoff.status === "LINKED" ? (prefill[key] ?? "") : ""),
    ]),
  );
  return {
    employeeId: handoff.personioEmployeeId,
    version: handoff.version,
    status: handoff.status,
    email: sent.email ?? candidate.email,
    sent,
    fields: form.fields,
    unavailable: form.unavailable,
    defaults,
  };
}

export function updateCandidateInPersonio(request: UpdateRequest): Promise<UpdateResult> {
  return trackInFlight(PERSONIO_WRITE, () => updateInPersonio(request));
}

type UpdateRequest = {
  actor: Actor;
  candidateId: string;
  version: number;
  values: Record<string, string>;
  repeat?: string[];
};

async function updateInPersonio({
  actor,
  candidateId,
  version,
  values,
  repeat = [],
}: UpdateRequest): Promise<UpdateResult> {
  assertPermitted(actor, "personio:update");
  const audit = candidateAudit(actor, "handoff.update", candidateId);

  const [handoff, config, connection] = await Promise.all([
    db.handoff.findUnique({
      where: { candidateId },
      select: { status: true, personioEmployeeId: true, sentFields: true, candidate: { select: { erasedAt: true } } },
    }),
    getFieldConfig(),
    getConnectedPersonioClient(),
  ]);
  // An erased person is not updated from Handoff: its values are gone here, HR keeps them in Personio.
  if (!handoff || handoff.candidate.erasedAt || handoff.personioEmployeeId === null || !isHandoffDone(handoff.status)) {
    await writeAuditLog(db, audit("failure", { code: "not_sent" }));
    return { outcome: "not_sent" };
  }
  const employeeId = handoff.personioEmployeeId;
  const refusal = connectionRefusal(connection);
  if (refusal || !connection) {
    const code = refusal ?? "not_connected";
    await writeAuditLog(db, audit("failure", { code, employeeId }));
    return { outcome: "failed", code };
  }

  // Only the names Personio may change; the email is not among them (v1 PATCH ignores it).
  const sent = parseSentValues(handoff.sentFields);
  const next: Record<string, string> = {};
  for (const key of [...CORE_UPDATABLE, ...config.fields.map((field) => field.key)]) {
    const value = (values[key] ?? "").trim();
    if (value && (value !== (sent[key] ?? "") || repeat.includes(key))) next[key] = value;
  }
  const changedConfig = { fields: config.fields.filter((field) => field.key in next) };
  // The names are checked whether changed or not (an update cannot empty them); of the other
  // fields, those that change.
  const refused = await checkWriteFields(changedConfig, values, [...CORE_UPDATABLE]);
  if (refused) {
    await writeAuditLog(db, audit("failure", { code: refused.code, field: refused.field, employeeId }));
    return { outcome: "failed", code: refused.code, field: refused.field };
  }
  const changed = Object.keys(next);
  if (changed.length === 0) return { outcome: "no_changes" };

  // The conditional update: only the form opened at the current version gets through.
  const claimed = await db.handoff.updateMany({
    where: { candidateId, version, status: { in: [...DONE_STATUSES] } },
    data: { version: version + 1 },
  });
  if (claimed.count === 0) {
    await writeAuditLog(db, audit("failure", { code: "conflict", employeeId }));
    return { outcome: "conflict" };
  }

  const input = toPersonioInput(changedConfig, { firstName: "", lastName: "", email: "" }, next);
  const update = { ...input, firstName: next.firstName, lastName: next.lastName, email: undefined };
  // Values Handoff itself sent: ours, not data read from Personio.
  const sentDetails = { employeeId, fields: changed, sent: changed.map((key) => `${key}=${next[key]}`) };
  try {
    const result = await connection.client.updateEmployee(employeeId, update);
    await recordWriteHealth(connection, { ok: true });
    const warnings = toWarnings(result.warnings, next);
    await db.$transaction(async (tx) => {
      await tx.handoff.update({
        where: { candidateId },
        data: {
          sentFields: JSON.stringify({ ...sent, ...next }),
          personioWarnings: warnings.length > 0 ? JSON.stringify(warnings) : null,
        },
      });
      await writeAuditLog(tx, audit("success", { ...sentDetails, ...ignoredDetails(warnings) }));
    });
    return { outcome: "updated", changed, version: version + 1, ...(warnings.length > 0 ? { warnings } : {}) };
  } catch (error) {
    const failure = toPersonioFailure(error);
    await recordWriteHealth(connection, { ok: false, error });
    if (failure.outcomeUnknown) {
      // Personio may have applied it: what was sent is recorded, so the form's next diff starts
      // from it, and the version stays taken, as after an update.
      await db.$transaction(async (tx) => {
        await tx.handoff.update({ where: { candidateId }, data: { sentFields: JSON.stringify({ ...sent, ...next }) } });
        await writeAuditLog(tx, audit("failure", { ...sentDetails, code: failure.code, outcomeUnknown: true }));
      });
      return { outcome: "uncertain", code: failure.code, changed, version: version + 1 };
    }
    // Personio answered that it did not apply it: the version is given back.
    await db.handoff.updateMany({ where: { candidateId, version: version + 1 }, data: { version } });
    await writeAuditLog(db, audit("failure", { code: failure.code, fields: changed, employeeId }));
    return { outcome: "failed", code: failure.code, ...(failure.field ? { field: failure.field } : {}) };
  }
}
