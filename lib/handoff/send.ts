import "server-only";

import { writeAuditLog, type AuditOutcome } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { claimHandoff, completeClaim, isClaim, releaseClaim, type Claim } from "@/lib/handoff/claim";
import type { TPersonioEmployeeFields } from "@/lib/handoff/schemas";
import { getConnectedPersonioClient, personioEmployeeLink, recordPersonioHealth } from "@/lib/integrations/personio-connection";
import type { PersonioClient, PersonioEmployeeMatch } from "@/lib/personio/client";
import { isPersonioError, type PersonioErrorCode } from "@/lib/personio/errors";

export type HandoffFailureCode = PersonioErrorCode | "not_connected" | "integration_disabled" | "employee_changed";

export type HandoffResult =
  | { outcome: "sent" | "linked"; employeeId: number; employeeUrl: string | null }
  | { outcome: "already_sent" | "in_progress" }
  // Not created: Personio already has someone with this email. Shown, never stored.
  | { outcome: "existing_employee"; employee: PersonioEmployeeMatch; employeeUrl: string | null; previousAttemptUncertain: boolean }
  | { outcome: "failed"; code: HandoffFailureCode; field?: string; retryAfterSeconds?: number; outcomeUnknown?: boolean };

type Failure = Extract<HandoffResult, { outcome: "failed" }>;
type Actor = { id: string };
type HandoffRequest = { actor: Actor; candidateId: string; fields: TPersonioEmployeeFields };

// Errors that say something about the credentials themselves go into connection health.
const CREDENTIAL_ERRORS: readonly string[] = ["invalid_credentials", "credentials_disabled", "missing_permission"];
const UNCERTAIN_PREVIOUS: readonly (string | null)[] = ["timeout", "connection_lost", "unavailable", "unexpected", "stale_claim"];

// Sends a candidate to Personio once: claim → look the email up → create → record.
export async function sendCandidateToPersonio(request: HandoffRequest): Promise<HandoffResult> {
  return withClaimedCandidate(request, "handoff.send", async ({ client, claim, linkTo }) => {
    const existing = await findExistingEmployee(client, request.fields.email);
    if (existing) {
      return {
        result: {
          outcome: "existing_employee",
          employee: existing,
          employeeUrl: linkTo(existing.id),
          previousAttemptUncertain: UNCERTAIN_PREVIOUS.includes(claim.previous?.lastErrorCode ?? null),
        },
        release: { code: "employee_exists" },
      };
    }
    const { firstName, lastName, email, position } = request.fields;
    const { id } = await client.createEmployee({ firstName, lastName, email, ...(position ? { position } : {}) });
    return { result: { outcome: "sent", employeeId: id, employeeUrl: linkTo(id) }, complete: { status: "SENT", employeeId: id, sentFields: request.fields } };
  });
}

// Links the profile to the employee Personio already has for this email (no create).
export async function linkCandidateToPersonioEmployee(request: HandoffRequest & { employeeId: number }): Promise<HandoffResult> {
  return withClaimedCandidate(request, "handoff.link", async ({ client, linkTo }) => {
    // Checked again now: the employee shown to the recruiter must still be the one with this email.
    const existing = await client.findEmployeeByEmail(request.fields.email);
    if (existing?.id !== request.employeeId) {
      return { result: { outcome: "failed", code: "employee_changed" }, release: { code: "employee_changed" } };
    }
    return { result: { outcome: "linked", employeeId: existing.id, employeeUrl: linkTo(existing.id) }, complete: { status: "LINKED", employeeId: existing.id, sentFields: null } };
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

type Step = (context: { client: PersonioClient; claim: Claim; linkTo: (employeeId: number) => string | null }) => Promise<{
  result: HandoffResult;
  release?: { code: string };
  complete?: { status: "SENT" | "LINKED"; employeeId: number; sentFields: TPersonioEmployeeFields | null };
}>;

async function withClaimedCandidate(request: HandoffRequest, action: string, step: Step): Promise<HandoffResult> {
  const { actor, candidateId } = request;
  const audit = (outcome: AuditOutcome, details: Record<string, string | number | boolean | null>) =>
    writeAuditLog(db, { actorId: actor.id, action, targetType: "candidate", targetId: candidateId, outcome, details });

  const connection = await getConnectedPersonioClient();
  if (!connection?.enabled) {
    const code = connection ? "integration_disabled" : "not_connected";
    await audit("failure", { code });
    return { outcome: "failed", code };
  }

  const claim = await claimHandoff(candidateId, env.HANDOFF_CLAIM_TTL_MS);
  if (!isClaim(claim)) {
    await audit("failure", { code: claim.reason });
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
    const { result, release, complete } = await step({ client: connection.client, claim, linkTo });
    if (complete) {
      await completeClaim(candidateId, claim.claimToken, {
        status: complete.status,
        personioEmployeeId: complete.employeeId,
        personioSubdomain: connection.subdomain,
        sentById: actor.id,
        sentFields: complete.sentFields ? JSON.stringify(complete.sentFields) : null,
      });
      await audit("success", { employeeId: complete.employeeId, status: complete.status });
    } else if (release) {
      await releaseClaim(candidateId, claim.claimToken, release);
      const employeeId = result.outcome === "existing_employee" ? result.employee.id : null;
      // Finding the employee Personio already has is no failure: the recruiter links it next.
      await audit(release.code === "employee_exists" ? "notice" : "failure", { code: release.code, employeeId });
    }
    if (!connection.healthIsFresh) await recordPersonioHealth({ ok: true });
    return result;
  } catch (error) {
    const failure = toFailure(error);
    await releaseClaim(candidateId, claim.claimToken, failure);
    await audit("failure", { code: failure.code, field: failure.field ?? null, outcomeUnknown: failure.outcomeUnknown ?? false });
    if (CREDENTIAL_ERRORS.includes(failure.code)) await recordPersonioHealth({ ok: false, error });
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
  console.error("Handoff failed unexpectedly", error);
  return { outcome: "failed", code: "unexpected", outcomeUnknown: true };
}
