import "server-only";

import { env } from "@/lib/env";
import { SSO_PROVIDER_ID } from "@/lib/sso/settings";

// The redirect URI exactly as next-auth sends it to the provider. next-auth takes its base from
// NEXTAUTH_URL, never from the Host header (unless told to trust it): an origin alone means
// "<origin>/api/auth", a path is the base itself (next-auth/utils/parse-url). So what the admin copies
// into Entra, Google or Okta is what the provider receives, whichever address or proxy the
// admin's browser came through.
export function ssoRedirectUri(): string {
  const url = new URL(env.NEXTAUTH_URL ?? "http://localhost:3000");
  const path = url.pathname === "/" ? "/api/auth" : url.pathname.replace(/\/$/, "");
  return `${url.origin}${path}/callback/${SSO_PROVIDER_ID}`;
}
