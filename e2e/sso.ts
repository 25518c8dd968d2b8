import type { Page } from "@playwright/test";

import { startOidcTestProvider, type OidcTestProvider } from "@/scripts/oidc-test-provider/server";

import { db, expect } from "./fixtures";

export const APP_ORIGIN = `http://localhost:${process.env.E2E_APP_PORT ?? 3100}`;
export const SSO_DOMAIN = "e2e.handoff.test";
export const SSO_LABEL = "Acme SSO";

export function startTestProvider(): Promise<OidcTestProvider> {
  return startOidcTestProvider({ redirectUris: [`${APP_ORIGIN}/api/auth/callback/sso`] });
}

// On the provider's own login page (oidc-provider's devInteractions form): the login is the
// account's email, any password.
export async function signInAtProvider(page: Page, provider: OidcTestProvider, email: string) {
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.getByPlaceholder("Enter any login").fill(email);
  await page.getByPlaceholder("and password").fill("any password at all");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

// From the app's sign-in page through the provider and back.
export async function signInWithSso(page: Page, provider: OidcTestProvider, email: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in with ${SSO_LABEL}` }).click();
  await signInAtProvider(page, provider, email);
}

export async function sessionEmail(page: Page): Promise<string | undefined> {
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  return session.user?.email;
}

export async function lastSsoAudit(since: Date) {
  const rows = await db.auditLog.findMany({
    where: { action: "auth.sign-in", at: { gte: since } },
    orderBy: { at: "asc" },
  });
  return rows
    .map((row) => ({ ...row, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : {} }))
    .filter((row) => row.details.method === "sso");
}

// SSO settings are shared by every test: put them back the way a fresh installation has them.
export async function removeSsoSettings() {
  await db.ssoGroupRole.deleteMany({});
  await db.ssoSettings.deleteMany({});
}
