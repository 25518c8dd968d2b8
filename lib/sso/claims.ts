// Who may come in through SSO, decided from the ID token's claims (already verified by
// next-auth/openid-client: signature, issuer, audience, expiry, nonce). Pure, so it is tested
// without a provider (claims.test.ts); lib/sso/admission.ts applies it to the database.

import { isEntraHost, type SsoPreset } from "@/lib/sso/presets";

export type SsoClaimRefusal = "no_email" | "unverified" | "domain" | "hosted_domain";

export type SsoPolicy = {
  preset: SsoPreset;
  allowedDomains: string[];
  groupsClaim: string | null;
};

export type CheckedIdentity = { email: string; name: string; groups: string[] };

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

// An Entra ID token (any cloud, or External ID) whatever preset the admin chose: "Other" with an
// Entra issuer must not lose the Entra rule below and refuse everyone as unverified.
function isEntraToken(claims: Record<string, unknown>, preset: SsoPreset) {
  if (preset === "entra") return true;
  try {
    return typeof claims.iss === "string" && isEntraHost(new URL(claims.iss).hostname);
  } catch {
    return false;
  }
}

// Providers send email_verified as a boolean; a few older ones as the string "true".
function isTrue(value: unknown) {
  return value === true || value === "true";
}

export function checkSsoClaims(
  claims: Record<string, unknown>,
  policy: SsoPolicy,
): { ok: true; identity: CheckedIdentity } | { ok: false; reason: SsoClaimRefusal; email?: string } {
  const email = stringClaim(claims, "email")?.toLowerCase();
  if (!email || !email.includes("@")) return { ok: false, reason: "no_email" };
  // An address the provider has not verified could be anyone's: matching it to an account
  // would let whoever typed it into their profile take that account over. Entra ID sends no
  // email_verified; its optional claim xms_edov says the domain's owner verified the address.
  const verified = isTrue(claims.email_verified) || (isEntraToken(claims, policy.preset) && isTrue(claims.xms_edov));
  if (!verified) return { ok: false, reason: "unverified", email };
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (policy.allowedDomains.length > 0 && !policy.allowedDomains.includes(domain))
    return { ok: false, reason: "domain", email };
  // Google: any Google account may sign in to a Google client; hd names the Workspace the
  // account belongs to, and only that proves it is one of the company's accounts.
  if (policy.preset === "google") {
    const hd = stringClaim(claims, "hd")?.toLowerCase();
    if (!hd || !policy.allowedDomains.includes(hd)) return { ok: false, reason: "hosted_domain", email };
  }
  const name =
    stringClaim(claims, "name") ??
    ([stringClaim(claims, "given_name"), stringClaim(claims, "family_name")].filter(Boolean).join(" ") ||
      email.split("@")[0]!);
  return { ok: true, identity: { email, name: name.slice(0, 200), groups: groupsOf(claims, policy.groupsClaim) } };
}

function groupsOf(claims: Record<string, unknown>, claimName: string | null): string[] {
  if (!claimName) return [];
  const value = claims[claimName];
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === "string");
  return typeof value === "string" ? [value] : [];
}

// The role the groups give: of the mapped groups the person is in, the role listed first in
// the role order (most privileged); null when no group of theirs is mapped.
export function roleFromGroups(
  groups: string[],
  mappings: ReadonlyArray<{ group: string; roleId: string }>,
  roleOrder: readonly string[],
): string | null {
  const mapped = mappings.filter((mapping) => groups.includes(mapping.group)).map((mapping) => mapping.roleId);
  if (mapped.length === 0) return null;
  const rank = (roleId: string) => {
    const index = roleOrder.indexOf(roleId);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return mapped.sort((a, b) => rank(a) - rank(b))[0]!;
}
