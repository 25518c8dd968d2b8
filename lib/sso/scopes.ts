// Which scopes a sign-in asks for. Pure: the provider (lib/sso/provider.ts) and the settings page
// use it with the discovery document's scopes_supported.

import type { SsoPreset } from "@/lib/sso/presets";

// Okta and Keycloak (and most others) put groups into the token only when a "groups" scope is
// asked for; Entra ID refuses scopes it does not know and sends groups by its own token
// configuration; Google sends none.
const GROUPS_SCOPE_PRESETS: ReadonlySet<SsoPreset> = new Set(["okta", "keycloak", "generic"]);

type ScopeSettings = { preset: SsoPreset; groupsClaim: string | null };

/** Whether the groups scope matters here at all: roles come from groups with a provider that
 * sends them by scope. */
export function wantsGroupsScope(settings: ScopeSettings): boolean {
  return settings.groupsClaim !== null && GROUPS_SCOPE_PRESETS.has(settings.preset);
}

/** Whether the discovery document offers a "groups" scope. An Okta custom authorization server
 * has none unless one was made, and asking for a scope it does not have fails the sign-in
 * (invalid_scope); a missing or malformed list offers nothing. */
export function offersGroupsScope(scopesSupported: unknown): boolean {
  return Array.isArray(scopesSupported) && scopesSupported.includes("groups");
}

/** The scopes to ask for: "groups" only when wanted and offered; otherwise the groups claim is
 * read from the ID token as the provider sends it (a claim configured on its side). */
export function ssoScopes(settings: ScopeSettings, scopesSupported: unknown): string[] {
  const scopes = ["openid", "email", "profile"];
  if (wantsGroupsScope(settings) && offersGroupsScope(scopesSupported)) scopes.push("groups");
  return scopes;
}
