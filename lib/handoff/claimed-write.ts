import "server-only";

// The claimed write a send and a link share: the checks in the order every Personio write makes
// them (lib/handoff/personio-write.ts), the claim, the step that talks to Personio, and how it
// ended, each change of the claim written in one transaction with its audit row.
import { writeAuditLog, type AuditDetailsOf } from "@/lib/audit";
import { kickBackgroundRunner } from "@/lib/background/process-runner";
import { db } from "@/lib/db";
import { queueDocumentTransfers, type DocumentChoice } from "@/lib/documents/transfer";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { claimHandoff, completeClaim, isClaim, releaseClaim, type Claim } from "@/lib/handoff/claim";
import {
  assertPermitted,
  candidateAudit,
  checkWriteFields,
  connectionRefusal,
  ignoredDetails,
  recordWriteHealth,
  toPersonioFailure,
  type PersonioWarning,
} from "@/lib/handoff/personio-write";
import type { TPersonioEmployeeFields } from "@/lib/handoff/schemas";
import { readSendContext } from "@/lib/handoff/send-context";
import { isSendableStage } from "@/lib/handoff/send-settings";
import { isHandoffDone } from "@/lib/handoff/status";
import { notifyNewEmployeeIn, notifySendFailedIn } from "@/lib/notifications/events";
import type { Actor } from "@/lib/permissions";
import type { FieldConfig } from "@/lib/personio-fields/config";
import { prefillValue, type PrefillCandidate } from "@/lib/personio-fields/values";
import type { PersonioClient, PersonioEmployeeMatch } from "@/lib/personio/client";
import type { PersonioErrorCode } from "@/lib/personio/errors";
import { personioEmployeeLink } from "@/lib/personio/integration/connection";
import { PERSONIO_WRITE, trackInFlight } from "@/lib/shutdown";

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

export type HandoffRequest = {
  actor: Actor;
  candidateId: string;
  fields: TPersonioEmployeeFields;
  extra?: Record<string, string>;
  /** Sent by this automatic-send rule, no person: recorded without one, naming the rule. */
  automaticRuleId?: string;
  /** Uploaded to the employee's file once it exists, each by its own background job. */
  documents?: DocumentChoice[];
};

// What a step learned from Personio: the candidate is there now (sent or linked), and the
// claim is completed; or the send stops without it, and the claim is given back with the reason.
export type StepOutcome =
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
function corrections(profile: Record<string, string>, sent: Record<string, string>): AuditDetailsOf<"handoff.send"> {
  const fields = Object.keys(sent).filter((field) => field in profile && profile[field]!.trim() !== sent[field]);
  const details: AuditDetailsOf<"handoff.send"> = { corrected: fields };
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

export function stopped(
  code: "employee_exists" | "employee_changed",
  result: HandoffResult,
  employeeId: number | null = null,
): StepOutcome {
  return { kind: "stopped", code, result, employeeId };
}

// A shutdown waits for a write in flight to Personio to finish (lib/shutdown.ts): cut short
// between Personio's answer and the database write, it would leave the send uncertain.
export function withClaimedCandidate(
  request: HandoffRequest,
  action: "handoff.send" | "handoff.link",
  options: { checksFields: boolean; step: Step },
): Promise<HandoffResult> {
  return trackInFlight(PERSONIO_WRITE, () => claimedWrite(request, action, options));
}

async function claimedWrite(
  request: HandoffRequest,
  action: "handoff.send" | "handoff.link",
  { checksFields, step }: { checksFields: boolean; step: Step },
): Promise<HandoffResult> {
  const { actor, candidateId, automaticRuleId } = request;
  // An automatic send has no person to name: the audit entries and the handoff name the rule.
  const personId = automaticRuleId ? null : actor.id;
  const audited = candidateAudit({ id: personId }, action, candidateId);
  const auditEntry: typeof audited = (outcome, details) =>
    audited(outcome, automaticRuleId ? { ...details, automaticRuleId } : details);
  assertPermitted(actor, "personio:send");

  const { candidate, sendableStages, connection, config, newEmployeeAddresses } = await readSendContext(candidateId);
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

  // No handoff row when the candidate was read: a first send inserts its claim without reading again.
  const claim = await claimHandoff(candidateId, env.HANDOFF_CLAIM_TTL_MS, { knownAbsent: !candidate.handoff });
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
    // The background runner is kicked only when work was queued (an email, a document upload): a
    // kick with nothing to do still reads the job table, on the event loop, while the recruiter
    // waits for this answer.
    let queued = false;
    if (outcome.kind === "in_personio") {
      const { status, employeeId, sentFields, warnings = [] } = outcome;
      const completion = {
        status,
        personioEmployeeId: employeeId,
        personioSubdomain: connection.subdomain,
        sentById: personId,
        automaticRuleId: automaticRuleId ?? null,
        sentFields: sentFields ? JSON.stringify(sentFields) : null,
        personioWarnings: warnings.length > 0 ? JSON.stringify(warnings) : null,
      };
      const audit = auditEntry("success", {
        employeeId,
        status,
        ...(sentFields ? { fields: Object.keys(sentFields).join(","), ...corrections(profile, sentFields) } : {}),
        ...ignoredDetails(warnings),
      });
      // After a send (not a link: that employee was in Personio before), the admin-chosen addresses hear of it.
      const notifies = status === "SENT" && newEmployeeAddresses.length > 0;
      if (!request.documents?.length && !notifies) {
        // The outcome and its audit row alone: one batch, without an interactive transaction's
        // round trips through Prisma while the recruiter waits (about half a millisecond).
        await db.$transaction([completeClaim(candidateId, completion), writeAuditLog(db, audit)]);
      } else {
        // What the outcome queues reads the database as it goes, so it runs in the transaction.
        await db.$transaction(async (tx) => {
          await completeClaim(candidateId, completion, tx);
          if (request.documents?.length) {
            queued = (await queueDocumentTransfers(tx, { candidateId, documents: request.documents })) > 0;
          }
          if (notifies) {
            const notified = await notifyNewEmployeeIn(tx, {
              candidateId,
              employeeUrl: linkTo(employeeId),
              addresses: newEmployeeAddresses,
            });
            queued ||= notified;
          }
          await writeAuditLog(tx, audit);
        });
      }
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
        if (audited === "failure") queued = await notifySendFailedIn(tx, { candidateId, code: outcome.code });
      });
      result = outcome.result;
    }
    await recordWriteHealth(connection, { ok: true });
    if (queued) kickBackgroundRunner(); // the notifications and uploads queued with the outcome
    return result;
  } catch (error) {
    // The employee may exist if the create went through (outcomeUnknown): the next attempt's
    // lookup by email finds it.
    const failure = { outcome: "failed" as const, ...toPersonioFailure(error) };
    let queued = false;
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
      queued = await notifySendFailedIn(tx, { candidateId, code: failure.code });
    });
    await recordWriteHealth(connection, { ok: false, error });
    if (queued) kickBackgroundRunner();
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
