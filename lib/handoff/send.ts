import "server-only";

import {
  stopped,
  withClaimedCandidate,
  type HandoffRequest,
  type HandoffResult,
  type StepOutcome,
} from "@/lib/handoff/claimed-write";
import { toWarnings } from "@/lib/handoff/personio-write";
import { metrics } from "@/lib/metrics/registry";
import { toPersonioInput, toSentValues } from "@/lib/personio-fields/values";
import type { PersonioClient, PersonioEmployeeMatch } from "@/lib/personio/client";
import { isPersonioError, isPersonioErrorCode, PERSONIO_ERRORS } from "@/lib/personio/errors";

export type { HandoffFailureCode, HandoffResult } from "@/lib/handoff/claimed-write";

// Whether the previous attempt may have created the employee: it ended in an error after which
// the write may have happened, or its claim went stale (its process died mid-send).
function previousMayHaveWritten(lastErrorCode: string | null | undefined) {
  if (lastErrorCode === "stale_claim") return true;
  return isPersonioErrorCode(lastErrorCode) && PERSONIO_ERRORS[lastErrorCode].mayHaveWritten;
}

// Sends a candidate to Personio once: claim → (v1) look the email up → create → record. Only the
// fields the admin chose leave Handoff (toPersonioInput drops the rest of `extra`).
export async function sendCandidateToPersonio(request: HandoffRequest): Promise<HandoffResult> {
  try {
    const result = await sendOnce(request);
    metrics.sends.inc({ outcome: result.outcome });
    return result;
  } catch (error) {
    metrics.sends.inc({ outcome: "error" });
    throw error;
  }
}

async function sendOnce(request: HandoffRequest): Promise<HandoffResult> {
  const extra = request.extra ?? {};
  return withClaimedCandidate(request, "handoff.send", {
    checksFields: true,
    step: async ({ client, claim, linkTo, config }) => {
      const found = (existing: PersonioEmployeeMatch, previousAttemptUncertain: boolean) =>
        stopped(
          "employee_exists",
          {
            outcome: "existing_employee",
            employee: existing,
            employeeUrl: linkTo(existing.id),
            previousAttemptUncertain,
          },
          existing.id,
        );
      const uncertainBefore = previousMayHaveWritten(claim.previous?.lastErrorCode);
      const sent = toSentValues(config, request.fields, extra);
      const create = async (): Promise<StepOutcome> => {
        const { id, warnings } = await client.createEmployee(toPersonioInput(config, request.fields, extra));
        return {
          kind: "in_personio",
          status: "SENT",
          employeeId: id,
          sentFields: sent,
          warnings: toWarnings(warnings, sent),
        };
      };
      if (client.apiVersion === "v1") {
        const existing = await findExistingEmployee(client, request.fields.email);
        return existing ? found(existing, uncertainBefore) : create();
      }
      // v2 keeps emails unique per person, so a first send is one create; only a refused email
      // or an answer that may hide a create is followed by a lookup, never by a second create.
      try {
        return await create();
      } catch (error) {
        const conflict = isPersonioError(error) && error.code === "email_taken";
        if (!conflict && !(isPersonioError(error) && error.outcomeUnknown)) throw error;
        const existing = await findExistingEmployee(client, request.fields.email).catch(() => null);
        if (!existing) throw error;
        return found(existing, uncertainBefore || !conflict);
      }
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
