import "server-only";

import { writeAuditLog, type AuditDetailsOf, type AuditOutcome } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { sendRefusal } from "@/lib/handoff/availability";
import { claimHandoff, completeClaim, isClaim, releaseClaim, type Claim } from "@/lib/handoff/claim";
import type { TPersonioEmployeeFields } from "@/lib/handoff/schemas";
import { buildSendForm, unknownListValues } from "@/lib/handoff/send-form";
import { getSendableStages, isSendableStage } from "@/lib/handoff/send-settings";
import {
  getConnectedPersonioClient,
  personioEmployeeLink,
  recordPersonioHealth,
} from "@/lib/integrations/personio-connection";
import { getFieldConfig } from "@/lib/integrations/personio-fields";
import { getPersonioOptions } from "@/lib/integrations/personio-options";
import { toConnectionState } from "@/lib/integrations/personio-queries";
import { requestLogger } from "@/lib/logger";
import type { Actor } from "@/lib/permissions";
import type { PersonioClient, PersonioEmployeeMatch } from "@/lib/personio/client";
import { isPersonioError, isPersonioErrorCode, PERSONIO_ERRORS, type PersonioErrorCode } from "@/lib/personio/errors";
import {
  fieldValueProblem,
  isCustomField,
  PERSONIO_LIST_FIELDS,
  toPersonioInput,
  toSentValues,
  type FieldConfig,
} from "@/lib/personio/fields";

export type HandoffFailureCode =
  | PersonioErrorCode
  | "not_connected"
  | "integration_disabled"
  | "employee_changed"
  | "stage_not_sendable"
  // Checked before anything is sent: a value the field does not take, a list value the
  // connected account does not have, a list field whose values cannot be read from Personio.
  | "invalid_field"
  | "unknown_option"
  | "field_unavailable";

/** Something Personio accepted but did not apply (v1's "meta error"), e.g. an unknown office. */
export type PersonioWarning = { field: string | null; value: string | null; message: string };

export type HandoffResult =
  | { outcome: "sent" | "linked"; employeeId: number; employeeUrl: string | null; warnings?: PersonioWarning[] }
  | { outcome: "already_sent" | "in_progress" }
  // Not created: Personio already has someone with this email. Shown, never stored.
  | {
      outcome: "existing_employee";
      employee: PersonioEmployeeMatch;
      employeeUrl: string | null;
      previousAttemptUncertain: boolean;
    }
  | {
      outcome: "failed";
      code: HandoffFailureCode;
      field?: string;
      retryAfterSeconds?: number;
      outcomeUnknown?: boolean;
      stage?: string;
      sendableStages?: string[];
    };

type Failure = Extract<HandoffResult, { outcome: "failed" }>;
type HandoffRequest = {
  actor: Actor;
  candidateId: string;
  fields: TPersonioEmployeeFields;
  extra?: Record<string, string>;
};

// Whether the previous attempt may have created the employee: it ended in an error after which
// the write may have happened, or its claim went stale (its process died mid-send).
function previousMayHaveWritten(lastErrorCode: string | null | undefined) {
  if (lastErrorCode === "stale_claim") return true;
  return isPersonioErrorCode(lastErrorCode) && PERSONIO_ERRORS[lastErrorCode].mayHaveWritten;
}

// Errors that say something about the credentials themselves go into connection health.
function isCredentialError(code: HandoffFailureCode) {
  return isPersonioErrorCode(code) && PERSONIO_ERRORS[code].credentials;
}

// Sends a candidate to Personio once: claim → look the email up → create → record.
export async function sendCandidateToPersonio(request: HandoffRequest): Promise<HandoffResult> {
  // Only the fields the admin chose leave Handoff; the job title travels in `fields` (the form's
  // original four) and counts only when chosen.
  const config = await getFieldConfig();
  const extra = { ...request.extra, position: request.fields.position };
  const refused = await checkChosenFields(config, extra);
  if (refused) return refused;
  const input = toPersonioInput(config, request.fields, extra);
  const sent = toSentValues(config, request.fields, extra);
  return withClaimedCandidate(request, "handoff.send", async ({ client, claim, linkTo }) => {
    const existing = await findExistingEmployee(client, request.fields.email);
    if (existing) {
      const previousAttemptUncertain = previousMayHaveWritten(claim.previous?.lastErrorCode);
      return stopped(
        "employee_exists",
        {
          outcome: "existing_employee",
          employee: existing,
          employeeUrl: linkTo(existing.id),
          previousAttemptUncertain,
        },
        existing.id,
      );
    }
    const { id, warnings } = await client.createEmployee(input);
    return {
      kind: "in_personio",
      status: "SENT",
      employeeId: id,
      sentFields: sent,
      warnings: toWarnings(warnings, sent),
    };
  });
}

// Every chosen field's value is one it takes, and a list field's value one the account has (from
// the cached lists; read now if there are none): Personio would otherwise drop it without a word.
export async function checkChosenFields(config: FieldConfig, extra: Record<string, string>): Promise<Failure | null> {
  for (const setting of config.fields) {
    if (fieldValueProblem(setting.key, extra[setting.key] ?? "", setting.type))
      return { outcome: "failed", code: "invalid_field", field: setting.key };
  }
  const listed = config.fields.filter(
    (setting) => (extra[setting.key] ?? "").trim() && (isListField(setting.key) || isCustomField(setting.key)),
  );
  if (listed.length === 0) return null;
  const load = await getPersonioOptions();
  const form = buildSendForm(
    { fields: listed },
    { job: { title: "", department: "", office: "" } },
    { firstName: "", lastName: "", email: "" },
    load.ok ? load.lists : null,
    null,
  );
  const unavailable = form.unavailable.find((field) => (extra[field.key] ?? "").trim());
  if (unavailable) return { outcome: "failed", code: "field_unavailable", field: unavailable.key };
  const unknown = unknownListValues(form, extra)[0];
  return unknown ? { outcome: "failed", code: "unknown_option", field: unknown } : null;
}

function isListField(key: string): boolean {
  return (PERSONIO_LIST_FIELDS as readonly string[]).includes(key);
}

// Personio's meta entries, each tied to the org field it names (its text is not documented, so a
// field is recognised by its name in the text), with the value Handoff sent for that field.
export function toWarnings(messages: string[], sent: Record<string, string>): PersonioWarning[] {
  return messages.map((message) => {
    const lower = message.toLowerCase();
    const field =
      ["subcompany", "department", "office", "supervisor", "position", "gender"].find((name) => lower.includes(name)) ??
      null;
    return { field, value: field ? (sent[field] ?? null) : null, message };
  });
}

// Links the profile to the employee Personio already has for this email (no create).
export async function linkCandidateToPersonioEmployee(
  request: HandoffRequest & { employeeId: number },
): Promise<HandoffResult> {
  return withClaimedCandidate(request, "handoff.link", async ({ client }) => {
    // Checked again now: the employee shown to the recruiter must still be the one with this email.
    const existing = await client.findEmployeeByEmail(request.fields.email);
    if (existing?.id !== request.employeeId)
      return stopped("employee_changed", { outcome: "failed", code: "employee_changed" });
    return { kind: "in_personio", status: "LINKED", employeeId: existing.id, sentFields: null };
  });
}

// A credential with Employees write but not read cannot look up; Personio itself then
// refuses a duplicate email on create, which the recruiter is told about.
async function findExistingEmployee(client: PersonioClient, email: string) {
  try {
    return await client.findEmployeeByEmail(email);
  } catch (error) {
    if (isPersonioError(error) && error.code === "missing_permission") return null;
    throw error;
  }
}

// What a step learned from Personio: the candidate is there now (sent or linked), and the
// claim is completed; or the send stops without it, and the claim is given back with the reason.
type StepOutcome =
  | {
      kind: "in_personio";
      status: "SENT" | "LINKED";
      employeeId: number;
      sentFields: Record<string, string> | null;
      warnings?: PersonioWarning[];
    }
  | { kind: "stopped"; code: "employee_exists" | "employee_changed"; result: HandoffResult; employeeId: number | null };

// What the recruiter changed in the review form, as profile → sent pairs for the audit entry.
// Only the profile's own four fields are compared; the other chosen fields have no profile value.
function corrections(profile: TPersonioEmployeeFields, sent: Record<string, string>) {
  const fields = (Object.keys(profile) as (keyof TPersonioEmployeeFields)[]).filter(
    (field) => field in sent && profile[field].trim() !== sent[field],
  );
  const details: AuditDetailsOf<"handoff.send"> = { corrected: fields };
  for (const field of fields) {
    details[`${field}.profile`] = profile[field];
    details[`${field}.sent`] = sent[field] ?? "";
  }
  return details;
}

type Step = (context: {
  client: PersonioClient;
  claim: Claim;
  linkTo: (employeeId: number) => string | null;
}) => Promise<StepOutcome>;

function stopped(
  code: "employee_exists" | "employee_changed",
  result: HandoffResult,
  employeeId: number | null = null,
): StepOutcome {
  return { kind: "stopped", code, result, employeeId };
}

// Checks the connection, claims the candidate, runs the step, and records how it ended: each
// change of the claim is written in one transaction with its audit row.
async function withClaimedCandidate(
  request: HandoffRequest,
  action: "handoff.send" | "handoff.link",
  step: Step,
): Promise<HandoffResult> {
  const { actor, candidateId } = request;
  const auditEntry = (outcome: AuditOutcome, details: AuditDetailsOf<typeof action>) =>
    ({ actorId: actor.id, action, targetType: "candidate", targetId: candidateId, outcome, details }) as const;

  const [candidate, sendableStages, connection] = await Promise.all([
    db.candidate.findUnique({
      where: { id: candidateId },
      select: { stage: true, firstName: true, lastName: true, email: true, job: { select: { title: true } } },
    }),
    getSendableStages(),
    getConnectedPersonioClient(),
  ]);
  const refusal = sendRefusal({ actor, connection: toConnectionState(connection) });
  // The action's permission check refused this already; a caller that skipped it is refused the same way.
  if (refusal === "no_permission") throw new ForbiddenError("personio:send");
  if (!candidate) throw new NotFoundError("Candidate");
  // Checked on the server whatever the menu offered: only the stages an admin allowed are sent.
  if (!isSendableStage(candidate.stage, sendableStages)) {
    await writeAuditLog(
      db,
      auditEntry("denied", { code: "stage_not_sendable", stage: candidate.stage, sendableStages }),
    );
    return { outcome: "failed", code: "stage_not_sendable", stage: candidate.stage, sendableStages };
  }
  if (refusal || !connection) {
    const code = refusal ?? "not_connected";
    await writeAuditLog(db, auditEntry("failure", { code }));
    return { outcome: "failed", code };
  }
  const profile = {
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    email: candidate.email,
    position: candidate.job.title,
  };

  const claim = await claimHandoff(candidateId, env.HANDOFF_CLAIM_TTL_MS);
  if (!isClaim(claim)) {
    await writeAuditLog(db, auditEntry("failure", { code: claim.reason }));
    return { outcome: claim.reason };
  }

  try {
    const linkTo = (employeeId: number) => {
      try {
        return personioEmployeeLink(connection.subdomain, employeeId);
      } catch {
        return null; // a subdomain the link template cannot use: the outcome without a link
      }
    };
    const outcome = await step({ client: connection.client, claim, linkTo });
    let result: HandoffResult;
    if (outcome.kind === "in_personio") {
      const { status, employeeId, sentFields, warnings = [] } = outcome;
      await db.$transaction(async (tx) => {
        await completeClaim(
          candidateId,
          claim.claimToken,
          {
            status,
            personioEmployeeId: employeeId,
            personioSubdomain: connection.subdomain,
            sentById: actor.id,
            sentFields: sentFields ? JSON.stringify(sentFields) : null,
            personioWarnings: warnings.length > 0 ? JSON.stringify(warnings) : null,
          },
          tx,
        );
        await writeAuditLog(
          tx,
          auditEntry("success", {
            employeeId,
            status,
            ...(sentFields ? { fields: Object.keys(sentFields).join(","), ...corrections(profile, sentFields) } : {}),
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
      result = {
        outcome: status === "SENT" ? "sent" : "linked",
        employeeId,
        employeeUrl: linkTo(employeeId),
        ...(warnings.length > 0 ? { warnings } : {}),
      };
    } else {
      await db.$transaction(async (tx) => {
        await releaseClaim(candidateId, claim.claimToken, { code: outcome.code }, tx);
        // Finding the employee Personio already has is no failure: the recruiter links it next.
        const audited = outcome.code === "employee_exists" ? "notice" : "failure";
        await writeAuditLog(tx, auditEntry(audited, { code: outcome.code, employeeId: outcome.employeeId }));
      });
      result = outcome.result;
    }
    if (!connection.healthIsFresh) await recordPersonioHealth({ ok: true });
    return result;
  } catch (error) {
    const failure = toFailure(error);
    await db.$transaction(async (tx) => {
      await releaseClaim(candidateId, claim.claimToken, failure, tx);
      await writeAuditLog(
        tx,
        auditEntry("failure", {
          code: failure.code,
          field: failure.field ?? null,
          outcomeUnknown: failure.outcomeUnknown ?? false,
        }),
      );
    });
    if (isCredentialError(failure.code)) await recordPersonioHealth({ ok: false, error });
    return failure;
  }
}

function toFailure(error: unknown): Failure {
  if (isPersonioError(error)) {
    return {
      outcome: "failed",
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      ...(error.outcomeUnknown ? { outcomeUnknown: true } : {}),
    };
  }
  // Our own failure (the database, a bug): the employee may exist if the create went through,
  // which the next attempt's lookup by email finds.
  void requestLogger().then((log) => log.error({ err: error }, "Handoff failed unexpectedly"));
  return { outcome: "failed", code: "unexpected", outcomeUnknown: true };
}
