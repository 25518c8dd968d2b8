// The codes an SSO sign-in ends with, carried in the error page's ?error= (next-auth sends
// every failure there). Pure, shared by the route's callbacks and the pages that explain them.

import { ROLE_KEYS, type RoleKey } from "@/lib/permissions/definitions";

export const SSO_REFUSALS = ["no_email", "unverified", "domain", "hosted_domain", "no_account", "deactivated"] as const;
export type SsoRefusalCode = (typeof SSO_REFUSALS)[number];

const REFUSED = "SsoRefused-";
const TEST_PASSED = "SsoTestPassed-";
const TEST_FAILED = "SsoTestFailed-";
const PROVIDER_ERROR = "SsoProviderError-";

// An OAuth error code as the provider sent it back (RFC 6749 4.1.2.1: access_denied,
// temporarily_unavailable, …); anything outside a plain code's characters is "unknown".
export function providerErrorCode(error: string): string {
  return /^[A-Za-z0-9_.-]{1,64}$/.test(error) ? error : "unknown";
}

export function ssoProviderError(error: string) {
  return PROVIDER_ERROR + providerErrorCode(error);
}

/** The provider's own error code from ?error=, or null: access_denied when the organisation has
 * not given the person access to the app (not assigned to it in Entra, Okta, Google, …). */
export function parseSsoProviderError(error: string | undefined): string | null {
  if (!error?.startsWith(PROVIDER_ERROR)) return null;
  return providerErrorCode(error.slice(PROVIDER_ERROR.length));
}

export const SSO_TEST_OUTCOMES = ["existing", "create", "no_account", "deactivated"] as const;
export type SsoTestOutcome = (typeof SSO_TEST_OUTCOMES)[number];

export function ssoRefusedError(reason: SsoRefusalCode) {
  return REFUSED + reason;
}

// secretSaved: the test tried a renewed client secret, which is now the stored one.
export function ssoTestPassedError(outcome: SsoTestOutcome, roleId: string | null, secretSaved = false) {
  return `${TEST_PASSED}${outcome}-${roleId ?? "none"}${secretSaved ? "-secret" : ""}`;
}

export function ssoTestFailedError(reason: SsoRefusalCode) {
  return TEST_FAILED + reason;
}

function isRefusal(value: string): value is SsoRefusalCode {
  return (SSO_REFUSALS as readonly string[]).includes(value);
}

export function parseSsoRefusal(error: string | undefined): SsoRefusalCode | null {
  if (!error?.startsWith(REFUSED)) return null;
  const reason = error.slice(REFUSED.length);
  return isRefusal(reason) ? reason : null;
}

export type ParsedSsoTest =
  | { passed: true; outcome: SsoTestOutcome; roleId: RoleKey | null; secretSaved: boolean }
  | { passed: false; reason: SsoRefusalCode | "token" }
  | { passed: false; reason: "provider"; providerError: string };

// What the settings page shows after a test sign-in came back. next-auth's own codes for a
// refused answer from the provider (a bad token, state or code) are "OAuthCallback", "Callback"
// and "OAuthSignin".
export function parseSsoTest(error: string | undefined): ParsedSsoTest | null {
  if (!error) return null;
  if (error.startsWith(TEST_PASSED)) {
    const [outcome, roleId, saved] = error.slice(TEST_PASSED.length).split("-");
    if (!(SSO_TEST_OUTCOMES as readonly string[]).includes(outcome ?? "")) return null;
    const role = (ROLE_KEYS as readonly string[]).includes(roleId ?? "") ? (roleId as RoleKey) : null;
    return { passed: true, outcome: outcome as SsoTestOutcome, roleId: role, secretSaved: saved === "secret" };
  }
  if (error.startsWith(TEST_FAILED)) {
    const reason = error.slice(TEST_FAILED.length);
    return isRefusal(reason) ? { passed: false, reason } : null;
  }
  const providerError = parseSsoProviderError(error);
  if (providerError) return { passed: false, reason: "provider", providerError };
  if (["OAuthCallback", "Callback", "OAuthSignin"].includes(error)) return { passed: false, reason: "token" };
  return null;
}
