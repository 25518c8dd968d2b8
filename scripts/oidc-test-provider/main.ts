// npm run sso:test-provider — a local OpenID Connect provider to try single sign-on with
// (README, "Single sign-on"). Prints its issuer, client ID and secret for /admin/sso.
import { startOidcTestProvider } from "./server";

const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const provider = await startOidcTestProvider({
  port: Number(process.env.SSO_TEST_PROVIDER_PORT ?? 4020),
  redirectUris: [`${appUrl}/api/auth/callback/sso`],
  clientId: "handoff",
  clientSecret: process.env.SSO_TEST_PROVIDER_SECRET ?? "handoff-local-secret",
});
for (const account of [
  { email: "admin@handoff.test", name: "Amélie Laurent", groups: ["handoff-admins"] },
  { email: "recruiter@handoff.test", name: "Rafael Ortiz", groups: ["recruiting"] },
  { email: "new.hire@handoff.test", name: "Noor Haddad", groups: ["recruiting"] },
  { email: "unverified@handoff.test", name: "Uma Unverified", emailVerified: false },
]) {
  provider.setAccount(account);
}
console.log(`OpenID Connect test provider at ${provider.issuer}
  Issuer URL:    ${provider.issuer}
  Client ID:     ${provider.clientId}
  Client secret: ${provider.clientSecret}
  Sign in with any of: admin@handoff.test, recruiter@handoff.test, new.hire@handoff.test, unverified@handoff.test (any password)`);
