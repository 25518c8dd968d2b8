import "server-only";

// "Update in Personio": corrections after a send. The form starts from what Handoff itself sent
// (Handoff.sentFields; nothing is read back from Personio), and only the fields that differ go out,
// as one PATCH. Each update names the version its form was opened at; a conditional update of the
// handoff's version lets exactly one of two simultaneous updates through.

import { writeAuditLog, type AuditDetailsOf } from "@/lib/audit";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { DONE_STATUSES } from "@/lib/handoff/claim";
import { checkChosenFields, toWarnings, type PersonioWarning } from "@/lib/handoff/send";
import { buildSendForm, type SendFormField } from "@/lib/handoff/send-form";
import { getConnectedPersonioClient } from "@/lib/integrations/personio-connection";
import { getFieldConfig } from "@/lib/integrations/personio-fields";
import { getPersonioOptions } from "@/lib/integrations/personio-options";
import { requestLogger } from "@/lib/logger";
import { can, type Actor } from "@/lib/permissions";
import { isPersonioError, type PersonioErrorCode } from "@/lib/personio/errors";
import {
  fieldValueProblem,
  parseSentValues,
  toPersonioInput,
  type OptionalField,
  type PrefillCandidate,
} from "@/lib/personio/fields";

/** The fields Personio lets a PATCH change besides the chosen optional ones. */
const CORE_UPDATABLE = ["firstName", "lastName"] as const;

export type UpdateFormData = {
  employeeId: number;
  version: number;
  status: "SENT" | "LINKED";
  email: string;
  /** What Handoff sent (empty for a linked profile: Handoff sent nothing). */
  sent: Record<string, string>;
  fields: SendFormField[];
  unavailable: Array<{ key: OptionalField; label?: string; reason: string }>;
  /** The form's starting values: what was sent, else the prefill. */
  defaults: Record<string, string>;
};

export type UpdateResult =
  | { outcome: "updated"; changed: string[]; version: number; warnings?: PersonioWarning[] }
  | { outcome: "no_changes" }
  // Someone else updated this profile since the form was opened.
  | { outcome: "conflict" }
  | { outcome: "not_sent" }
  | {
      outcome: "failed";
      code:
        | PersonioErrorCode
        | "not_connected"
        | "integration_disabled"
        | "invalid_field"
        | "unknown_option"
        | "field_unavailable";
      field?: string;
    };

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
  if (!handoff || !candidate || handoff.personioEmployeeId === null || !isDone(handoff.status)) return null;
  const sent = parseSentValues(handoff.sentFields);
  const needsLists = config.fields.length > 0;
  const load = needsLists ? await getPersonioOptions() : null;
  const core = { firstName: candidate.firstName, lastName: candidate.lastName, email: candidate.email };
  const form = buildSendForm(config, candidate as PrefillCandidate, core, load?.ok ? load.lists : null, null);
  const prefill: Record<string, string> = {
    ...form.defaults.extra,
    position: form.defaults.position,
    firstName: core.firstName,
    lastName: core.lastName,
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

export async function updateCandidateInPersonio({
  actor,
  candidateId,
  version,
  values,
}: {
  actor: Actor;
  candidateId: string;
  version: number;
  values: Record<string, string>;
}): Promise<UpdateResult> {
  if (!can(actor, "personio:update")) throw new ForbiddenError("personio:update");
  const audit = (outcome: "success" | "failure", details: AuditDetailsOf<"handoff.update">) =>
    ({
      actorId: actor.id,
      action: "handoff.update",
      targetType: "candidate",
      targetId: candidateId,
      outcome,
      details,
    }) as const;

  const [handoff, config, connection] = await Promise.all([
    db.handoff.findUnique({
      where: { candidateId },
      select: { status: true, personioEmployeeId: true, sentFields: true },
    }),
    getFieldConfig(),
    getConnectedPersonioClient(),
  ]);
  if (!handoff || handoff.personioEmployeeId === null || !isDone(handoff.status)) return { outcome: "not_sent" };
  if (!connection) return { outcome: "failed", code: "not_connected" };
  if (!connection.enabled) return { outcome: "failed", code: "integration_disabled" };

  // Only the names Personio may change; the email is not among them (v1 PATCH ignores it).
  const allowed = [...CORE_UPDATABLE, ...config.fields.map((field) => field.key)];
  const sent = parseSentValues(handoff.sentFields);
  const next: Record<string, string> = {};
  for (const key of allowed) {
    const value = (values[key] ?? "").trim();
    if ((key === "firstName" || key === "lastName") && !value)
      return { outcome: "failed", code: "invalid_field", field: key };
    if (value && value !== (sent[key] ?? "")) next[key] = value;
  }
  const changed = Object.keys(next);
  if (changed.length === 0) return { outcome: "no_changes" };
  for (const setting of config.fields) {
    const value = next[setting.key];
    if (value && fieldValueProblem(setting.key, value, setting.type)) {
      return { outcome: "failed", code: "invalid_field", field: setting.key };
    }
  }
  const refused = await checkChosenFields({ fields: config.fields.filter((field) => field.key in next) }, next);
  if (refused) return { outcome: "failed", code: refused.code as "unknown_option", field: refused.field };

  // The conditional update: only the form opened at the current version gets through.
  const claimed = await db.handoff.updateMany({
    where: { candidateId, version, status: { in: [...DONE_STATUSES] } },
    data: { version: version + 1 },
  });
  if (claimed.count === 0) {
    await writeAuditLog(db, audit("failure", { code: "conflict", employeeId: handoff.personioEmployeeId }));
    return { outcome: "conflict" };
  }

  const input = toPersonioInput(
    { fields: config.fields.filter((field) => field.key in next) },
    { firstName: "", lastName: "", email: "" },
    next,
  );
  const update = {
    ...input,
    firstName: next.firstName,
    lastName: next.lastName,
    email: undefined,
  };
  try {
    const result = await connection.client.updateEmployee(handoff.personioEmployeeId, update);
    const warnings = toWarnings(result.warnings, next);
    await db.$transaction(async (tx) => {
      await tx.handoff.update({
        where: { candidateId },
        data: {
          sentFields: JSON.stringify({ ...sent, ...next }),
          personioWarnings: warnings.length > 0 ? JSON.stringify(warnings) : null,
        },
      });
      await writeAuditLog(
        tx,
        audit("success", {
          employeeId: handoff.personioEmployeeId,
          fields: changed,
          // Values Handoff itself sent: ours, not data read from Personio.
          sent: changed.map((key) => `${key}=${next[key]}`),
          ...(warnings.length > 0
            ? {
                ignored: warnings
                  .map((warning) => (warning.field ? `${warning.field}: ${warning.value ?? ""}` : warning.message))
                  .join("; "),
              }
            : {}),
        }),
      );
    });
    return { outcome: "updated", changed, version: version + 1, ...(warnings.length > 0 ? { warnings } : {}) };
  } catch (error) {
    // Nothing changed in Personio (a PATCH is not retried): give the version back.
    await db.handoff.updateMany({ where: { candidateId, version: version + 1 }, data: { version } });
    const code = isPersonioError(error) ? error.code : "unexpected";
    if (!isPersonioError(error))
      (await requestLogger()).error({ err: error, candidateId }, "Update in Personio failed unexpectedly");
    await writeAuditLog(db, audit("failure", { code, fields: changed, employeeId: handoff.personioEmployeeId }));
    return { outcome: "failed", code, ...(isPersonioError(error) && error.field ? { field: error.field } : {}) };
  }
}

function isDone(status: string): status is "SENT" | "LINKED" {
  return (DONE_STATUSES as readonly string[]).includes(status);
}
