import "server-only";

// The steps a send and an update share around their write to Personio. Both refuse in one order,
// permission → the candidate's stage or handoff state → the integration → the fields → Personio,
// so nothing is read from Personio (not even its lists) before the first checks pass, and both
// audit every refusal.

import type { AuditDetailsOf, AuditEntryOf, AuditOutcome } from "@/lib/audit";
import { ForbiddenError } from "@/lib/errors";
import { ZPersonName } from "@/lib/handoff/schemas";
import { requestLogger } from "@/lib/logger";
import { can, type Actor, type Permission } from "@/lib/permissions";
import { fieldForAttribute } from "@/lib/personio-fields/catalogue";
import type { FieldConfig } from "@/lib/personio-fields/config";
import { checkFieldValues, type FieldRefusal } from "@/lib/personio-fields/server";
import { isPersonioError, PERSONIO_ERRORS, type PersonioErrorCode } from "@/lib/personio/errors";
import { recordPersonioHealth } from "@/lib/personio/integration/connection";

type CandidateAuditAction = "handoff.send" | "handoff.link" | "handoff.update";

/** The audit entries of one send, link or update of one candidate. */
export function candidateAudit<A extends CandidateAuditAction>(
  actor: { id: string | null },
  action: A,
  candidateId: string,
) {
  return (outcome: AuditOutcome, details: AuditDetailsOf<A>) =>
    ({
      actorId: actor.id,
      action,
      targetType: "candidate",
      targetId: candidateId,
      outcome,
      details,
    }) as AuditEntryOf<A>;
}

// The action's permission check refused this already; a caller that skipped it is refused the same way.
export function assertPermitted(actor: Actor, permission: Permission) {
  if (!can(actor, permission)) throw new ForbiddenError(permission);
}

/**
 * Connection health after a write to Personio. A success (or an answer about this one profile,
 * such as a refused value) is written unless one was recorded moments ago; a failure that says the
 * connection is not working (lib/personio/errors.ts: bad credentials, Personio down or out of
 * reach) is written always, so an outage turns the settings page and the admins' banner to
 * failing. A rate limit, or a fault of Handoff's own (the database), leaves the health as it is.
 */
export async function recordWriteHealth(
  connection: { healthIsFresh: boolean },
  outcome: { ok: true } | { ok: false; error: unknown },
) {
  const info = !outcome.ok && isPersonioError(outcome.error) ? PERSONIO_ERRORS[outcome.error.code] : null;
  if (outcome.ok || info?.answered) {
    if (!connection.healthIsFresh) await recordPersonioHealth({ ok: true });
  } else if (info?.failsConnection) {
    await recordPersonioHealth(outcome);
  }
}

export function connectionRefusal(
  connection: { enabled: boolean } | null,
): "not_connected" | "integration_disabled" | null {
  if (!connection) return "not_connected";
  return connection.enabled ? null : "integration_disabled";
}

/**
 * The fields step: the names under the limits of the send's schema, then every chosen field's
 * value (lib/personio-fields/server.ts; Personio's lists only when a list field has a value).
 */
export async function checkWriteFields(
  config: FieldConfig,
  values: Record<string, string>,
  names: Array<"firstName" | "lastName">,
): Promise<FieldRefusal | null> {
  const badName = names.find((name) => !ZPersonName.safeParse(values[name] ?? "").success);
  if (badName) return { code: "invalid_field", field: badName };
  return checkFieldValues(config, values);
}

/** Something Personio accepted but did not apply (v1's "meta error"), e.g. an unknown office. */
export type PersonioWarning = { field: string | null; value: string | null; message: string };

// Personio's meta entries name the attribute in their text (not documented otherwise), so a
// field is recognised by its attribute's name, and paired with the value Handoff sent for it.
const NAMED_IN_WARNINGS = ["subcompany", "department", "office", "supervisor", "position", "gender"];

export function toWarnings(messages: string[], sent: Record<string, string>): PersonioWarning[] {
  return messages.map((message) => {
    const lower = message.toLowerCase();
    const named = NAMED_IN_WARNINGS.find((name) => lower.includes(name));
    const field = named ? (fieldForAttribute(named) ?? named) : null;
    return { field, value: field ? (sent[field] ?? null) : null, message };
  });
}

/** What Personio ignored, for the audit entry of a send or an update. */
export function ignoredDetails(warnings: PersonioWarning[]): { ignored?: string } {
  if (warnings.length === 0) return {};
  return {
    ignored: warnings
      .map((warning) => (warning.field ? `${warning.field}: ${warning.value ?? ""}` : warning.message))
      .join("; "),
  };
}

export type PersonioFailure = {
  code: PersonioErrorCode;
  field?: string;
  retryAfterSeconds?: number;
  /**
   * The write may have happened on Personio's side: the client sets it for a write that ended in
   * one of the error table's "may have written" ways (a lost answer, a timeout, a gateway error).
   */
  outcomeUnknown?: boolean;
};

export function toPersonioFailure(error: unknown): PersonioFailure {
  if (isPersonioError(error)) {
    return {
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      ...(error.outcomeUnknown ? { outcomeUnknown: true } : {}),
    };
  }
  // Our own failure (the database, a bug): the write may have gone through.
  void requestLogger().then((log) => log.error({ err: error }, "Personio write failed unexpectedly"));
  return { code: "unexpected", outcomeUnknown: true };
}
