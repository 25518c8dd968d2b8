import "server-only";

import type { PersonioClient } from "@/lib/personio/client";
import { isPersonioError, PERSONIO_ERRORS, PersonioError, type CredentialCheckFailure } from "@/lib/personio/errors";

import { assessPersonioScopes, type ScopeAssessment } from "./scopes";

export type CredentialCheckResult =
  | { ok: true; scopes: string[]; assessment: Exclude<ScopeAssessment, "missing_write"> }
  // `error` is for health records on the server only; it never leaves in an action result.
  | { ok: false; reason: CredentialCheckFailure; scopes?: string[]; error: unknown };

/** Maps any error from the Personio client to a reason the admin can act on. */
export function credentialFailureReason(error: unknown): CredentialCheckFailure {
  return isPersonioError(error) ? PERSONIO_ERRORS[error.code].credentialCheck : "unexpected";
}

/**
 * Authenticates afresh (never a cached token: the point is to learn whether these credentials
 * work now) and reads the token's scope for the Employees write permission.
 */
export async function checkPersonioCredentials(
  client: Pick<PersonioClient, "authenticate">,
): Promise<CredentialCheckResult> {
  let scopes: string[];
  try {
    ({ scopes } = await client.authenticate());
  } catch (error) {
    return { ok: false, reason: credentialFailureReason(error), error };
  }
  const assessment = assessPersonioScopes(scopes);
  if (assessment === "missing_write") {
    const error = new PersonioError("missing_permission", "The credentials lack the Employees write permission.");
    return { ok: false, reason: "missing_permission", scopes, error };
  }
  return { ok: true, scopes, assessment };
}
