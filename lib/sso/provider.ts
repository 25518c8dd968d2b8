import "server-only";

import type { OAuthConfig } from "next-auth/providers/oauth";

import { discoveryUrl } from "@/lib/sso/discovery";
import { ssoScopes } from "@/lib/sso/scopes";
import { SSO_PROVIDER_ID, type SsoRuntime } from "@/lib/sso/settings";

export type SsoProfile = Record<string, unknown> & { sub: string };

// next-auth's OAuth machinery (openid-client underneath) does the protocol: discovery, the
// authorization code flow with PKCE (S256), state and nonce, and the ID token's checks:
// signature against the provider's JWKS (fetched per sign-in, so rotated keys are picked up),
// issuer, audience, expiry and nonce. Nothing here handles tokens by hand.
// scopesSupported: the discovery document's list; "groups" is asked for only when it is there.
export function buildSsoProvider(settings: SsoRuntime, scopesSupported: unknown): OAuthConfig<SsoProfile> {
  const params: Record<string, string> = { scope: ssoScopes(settings, scopesSupported).join(" ") };
  // Google: the account chooser shows only accounts of the company's Workspace (a hint; the
  // hd claim is what is checked, lib/sso/claims.ts).
  if (settings.preset === "google" && settings.allowedDomains.length === 1) params.hd = settings.allowedDomains[0]!;
  return {
    id: SSO_PROVIDER_ID,
    name: settings.buttonLabel,
    type: "oauth",
    wellKnown: discoveryUrl(settings.issuer),
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params },
    checks: ["pkce", "state", "nonce"],
    idToken: true,
    client: { token_endpoint_auth_method: "client_secret_basic", id_token_signed_response_alg: "RS256" },
    // The claims as the verified ID token carries them; lib/sso/admission.ts decides from them.
    profile(profile) {
      return {
        id: profile.sub,
        email: typeof profile.email === "string" ? profile.email : null,
        name: typeof profile.name === "string" ? profile.name : null,
      };
    },
  };
}
