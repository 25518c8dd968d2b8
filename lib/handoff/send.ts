import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { claimHandoff, completeClaim, isClaim, isHandoffDone, releaseClaim, type Claim } from "@/lib/handoff/claim";
import {
  assertPermitted,
  candidateAudit,
  checkWriteFields,
  connectionRefusal,
  ignoredDetails,
  toPersonioFailure,
  toWarnings,
  type AuditDetails,
  type PersonioWarning,
} from "@/lib/handoff/personio-write";
import type { TPersonioEmployeeFields } from "@/lib/handoff/schemas";
import { getSendableStages, isSendableStage } from "@/lib/handoff/send-settings";
import {
  getConnectedPersonioClient,
  personioEmployeeLink,
  recordPersonioHealth,
} from "@/lib/integrations/personio-connection";
import type { Actor } from "@/lib/permissions";
import type { FieldConfig } from "@/lib/personio-fields/config";
import { getFieldConfig } from "@/lib/personio-fields/store";
import { prefillValue, toPersonioInput, toSentValues, type PrefillCandidate } from "@/lib/personio-fields/values";
import type { PersonioClient, PersonioEmployeeMatch } from "@/lib/personio/client";
import { isPersonioError, isPersonioErrorCode, PERSONIO_ERRORS, type PersonioErrorCode } from "@/lib/personio/errors";

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

// Sends a candidate to Personio once: claim → look the email up → create → record. Only the
// fields the admin chose leave Handoff (toPersonioInput drops the rest of `extra`).
export async function sendCandidateToPersonio(request: HandoffRequest): Promise<HandoffResult> {
  const extra = request.extra ?? {};
  return withClaimedCandidate(request, "handoff.send", {
    checksFields: true,
    step: async ({ client, claim, linkTo, config }) => {
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
      const sent = toSentValues(config, request.fields, extra);
      const { id, warnings } = await client.createEmployee(toPersonioInput(config, request.fields, extra));
      return {
        kind: "in_personio",
        status: "SENT",
        employeeId: id,
        sentFields: sent,
        warnings: toWarnings(warnings, sent),
      };
    },
  });
}

// Links the profile to the employee Personio already has for this email (no create).
export async function linkCandidateToPersonioEmployee(
  request: HandoffRequest & { employeeId: number },
): Promise<HandoffResult> {
  return withClaimedCandidate(request, "handoff.link", {
    checksFields: false,
    step: async ({ client }) => {
      // Checked again now: the employee shown to the recruiter must still be the one with this email.
      const existing = await client.findEmployeeByEmail(request.fields.email);
      if (existing?.id !== request.employeeId)
        return stopped("employee_changed", { outcome: "failed", code: "employee_changed" });
      return { kind: "in_personio", status: "LINKED", employeeId: existing.id, sentFields: null };
    },
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

// What the recruiter changed in the review form, as profile → sent pairs for the audit entry:
// each sent field against what the form started from (the profile, or the field's prefill).
function corrections(profile: Record<string, string>, sent: Record<string, string>): AuditDetails {
  const fields = Object.keys(sent).filter((field) => field in profile && profile[field]!.trim() !== sent[field]);
  const details: AuditDetails = { corrected: fields };
  for (const field of fields) {
    details[`${field}.profile`] = profile[field]!;
    details[`${field}.sent`] = sent[field] ?? "";
  }
  return details;
}

type Step = (context: {
  client: PersonioClient;
  claim: Claim;
  linkTo: (employeeId: number) => string | null;
  config: FieldConfig;
}) => Promise<StepOutcome>;

function stopped(
  code: "employee_exists" | "employee_changed",
  result: HandoffResult,
  employeeId: number | null = null,
): StepOutcome {
  return { kind: "stopped", code, result, employeeId };
}

// Checks in the order every Personio write does (lib/handoff/personio-write.ts), claims the
// candidate, runs the step, and records how it ended: each change of the claim is written in one
// transaction with its audit row.
async function withClaimedCandidate(
  request: HandoffRequest,
  action: string,
  { checksFields, step }: { checksFields: boolean; step: Step },
): Promise<HandoffResult> {
  const { actor, candidateId } = request;
  const auditEntry = candidateAudit(actor, action, candidateId);
  assertPermitted(actor, "personio:send");

  const [candidate, sendableStages, connection, config] = await Promise.all([
    db.candidate.findUnique({
      where: { id: candidateId },
      select: {
        stage: true,
        firstName: true,
        lastName: true,
        email: true,
        startDate: true,
        department: true,
        office: true,
        job: { select: { title: true, department: true, office: true } },
        handoff: { select: { status: true } },
      },
    }),
    getSendableStages(),
    getConnectedPersonioClient(),
    getFieldConfig(),
  ]);
  if (!candidate) throw new NotFoundError("Candidate");
  // Checked on the server whatever the menu offered: only the stages an admin allowed are sent.
  if (!isSendableStage(candidate.stage, sendableStages)) {
    await writeAuditLog(
      db,
      auditEntry("denied", { code: "stage_not_sendable", stage: candidate.stage, sendableStages }),
    );
    return { outcome: "failed", code: "stage_not_sendable", stage: candidate.stage, sendableStages };
  }
  // Read here so that a sent profile is refused before anything else; the claim below decides it
  // again, atomically, for sends that race.
  if (isHandoffDone(candidate.handoff?.status ?? null)) {
    await writeAuditLog(db, auditEntry("failure", { code: "already_sent" }));
    return { outcome: "already_sent" };
  }
  const refusal = connectionRefusal(connection);
  if (refusal || !connection) {
    const code = refusal ?? "not_connected";
    await writeAuditLog(db, auditEntry("failure", { code }));
    return { outcome: "failed", code };
  }
  if (checksFields) {
    const values = { ...request.extra, firstName: request.fields.firstName, lastName: request.fields.lastName };
    const refused = await checkWriteFields(config, values, ["firstName", "lastName"]);
    if (refused) {
      await writeAuditLog(db, auditEntry("failure", { code: refused.code, field: refused.field }));
      return { outcome: "failed", code: refused.code, field: refused.field };
    }
  }
  const profile = profileValues(config, candidate);

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
    const outcome = await step({ client: connection.client, claim, linkTo, config });
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
            ...ignoredDetails(warnings),
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
    // The employee may exist if the create went through (outcomeUnknown): the next attempt's
    // lookup by email finds it.
    const failure = { outcome: "failed" as const, ...toPersonioFailure(error) };
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

// What the review form started from: the profile's own fields and each chosen field's prefill.
function profileValues(
  config: FieldConfig,
  candidate: PrefillCandidate & { firstName: string; lastName: string; email: string },
): Record<string, string> {
  return {
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    email: candidate.email,
    ...Object.fromEntries(config.fields.map((setting) => [setting.key, prefillValue(setting, candidate)])),
  };
}
