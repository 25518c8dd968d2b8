import fs from "node:fs";
import path from "node:path";

import { E2E_METRICS_TOKEN } from "@/scripts/lib/app-with-sandbox";
import { startOidcTestProvider, type OidcTestProvider } from "@/scripts/oidc-test-provider/server";

import {
  test as base,
  createTestUser,
  DATABASE_INDEPENDENT,
  db,
  expect,
  signIn,
  uniqueSuffix,
  type TestUser,
} from "./fixtures";
import { makeTestCertificate } from "./harness/test-certificate";
import { APP_ORIGIN, lastSsoAudit, removeSsoSettings, sessionEmail, signInAtProvider, SSO_DOMAIN } from "./sso";

// Entra ID signs people in on several hosts: the global cloud, the national clouds (US Government,
// China operated by 21Vianet) and Entra External ID (<tenant>.ciamlogin.com). Its ID tokens carry
// no email_verified; the optional claim xms_edov says the domain's owner verified the address
// (lib/sso/claims.ts). Here an issuer on each host, chosen as "Microsoft Entra ID" in the settings
// as an admin would, signs a person in with xms_edov alone.
//
// The test provider serves each issuer over HTTPS under that host name, from a local port: a
// certificate made for these names at the start, the app server told to send these names to the
// local ports and to trust that certificate (e2e/support/tls-host-routes.mjs, preloaded into the
// E2E server only), and Chromium mapping them with --host-resolver-rules. SSO settings are one row
// for the whole app, so this file runs in the exclusive project, in order.
const TENANT = "5f2b8e3c-1d4a-4c6b-9a7e-0b3c2d1e4f5a";
const ENTRA_ISSUERS = [
  `https://login.microsoftonline.com/${TENANT}/v2.0`,
  `https://login.microsoftonline.us/${TENANT}/v2.0`,
  `https://login.partner.microsoftonline.cn/${TENANT}/v2.0`,
  `https://${TENANT}.ciamlogin.com/${TENANT}/v2.0`,
];
const hostOf = (issuer: string) => new URL(issuer).hostname;
const routesFile = process.env.E2E_TLS_HOST_ROUTES!;

const test = base.extend<object, { entraProviders: OidcTestProvider[] }>({
  entraProviders: [
    async ({}, use) => {
      const { key, cert } = makeTestCertificate({ dns: ENTRA_ISSUERS.map(hostOf) });
      const providers = await Promise.all(
        ENTRA_ISSUERS.map((issuer) =>
          startOidcTestProvider({ issuer, tls: { key, cert }, redirectUris: [`${APP_ORIGIN}/api/auth/callback/sso`] }),
        ),
      );
      const ports = Object.fromEntries(providers.map((provider) => [hostOf(provider.issuer), provider.port]));
      fs.mkdirSync(path.dirname(routesFile), { recursive: true });
      fs.writeFileSync(routesFile, JSON.stringify({ ca: cert, ports }));
      await use(providers);
      fs.rmSync(routesFile, { force: true });
      await Promise.all(providers.map((provider) => provider.close()));
    },
    { scope: "worker" },
  ],
  // The browser of this file's worker resolves the Entra hosts to the local providers.
  launchOptions: [
    async ({ launchOptions, entraProviders }, use) => {
      const rules = entraProviders.map((provider) => `MAP ${hostOf(provider.issuer)}:443 127.0.0.1:${provider.port}`);
      await use({
        ...launchOptions,
        args: [...(launchOptions.args ?? []), `--host-resolver-rules=${rules.join(",")}`],
      });
    },
    { scope: "worker" },
  ],
});

// The browser is not what is tested here (the app's server-side TLS check is): it accepts the
// test certificate instead of trusting it through a certificate store.
test.use({ ignoreHTTPSErrors: true });
test.describe.configure({ mode: "serial" });

const SSO_BUTTON = "Sign in with Microsoft";
let admin: TestUser;

test.beforeAll(async ({ entraProviders }) => {
  await removeSsoSettings();
  admin = await createTestUser("admin", { name: `Ada Admin ${uniqueSuffix()}` });
  // As Entra ID sends it: no email_verified, xms_edov true.
  for (const provider of entraProviders)
    provider.setAccount({ email: admin.email, emailVerified: null, xmsEdov: true });
});

test.afterAll(async () => {
  await removeSsoSettings();
});

for (const issuer of ENTRA_ISSUERS) {
  test(
    `an Entra ID issuer on ${hostOf(issuer)} is set up by the admin and signs a person in with xms_edov`,
    DATABASE_INDEPENDENT,
    async ({ page, browser, entraProviders }) => {
      const provider = entraProviders.find((candidate) => candidate.issuer === issuer)!;
      await signIn(page, admin);
      await page.goto("/admin/sso");

      await test.step("the admin chooses Microsoft Entra ID and saves; the discovery document is read over TLS", async () => {
        await page.getByLabel("Provider", { exact: true }).selectOption({ label: "Microsoft Entra ID" });
        await page.getByLabel("Issuer URL").fill(issuer);
        await page.getByLabel("Client ID").fill(provider.clientId);
        await page.getByLabel("Client secret").fill(provider.clientSecret);
        await page.getByLabel("Allowed email domains").fill(SSO_DOMAIN);
        await page.getByLabel("Anyone from the allowed domains").check();
        await page.getByLabel("Role for new accounts").selectOption({ label: "Interviewer" });
        await page.getByRole("button", { name: "Save and check the provider" }).click();
        await expect(page.getByRole("status").filter({ hasText: "Saved. Run a test sign-in" })).toBeVisible();
        expect(await db.ssoSettings.findUniqueOrThrow({ where: { id: "sso" } })).toMatchObject({
          preset: "entra",
          issuer,
          enabled: false,
        });
      });

      await test.step("the test sign-in through the provider passes on xms_edov", async () => {
        await page.getByRole("button", { name: "Test sign-in" }).click();
        await signInAtProvider(page, provider, admin.email);
        await expect(page).toHaveURL(/\/admin\/sso/);
        await expect(page.getByRole("status").filter({ hasText: "Test sign-in worked." })).toContainText(
          `${admin.email} has an account and would be signed in as Admin.`,
        );
        await page.getByRole("button", { name: "Switch single sign-on on" }).click();
        await expect(page.getByRole("status").filter({ hasText: "Single sign-on is on" })).toBeVisible();
      });

      await test.step("a new person signs in; the ID token has xms_edov and no email_verified", async () => {
        const since = new Date();
        const email = `noor.${uniqueSuffix()}@${SSO_DOMAIN}`;
        provider.setAccount({ email, name: "Noor Haddad", emailVerified: null, xmsEdov: true });
        const context = await browser.newContext();
        const person = await context.newPage();
        await person.goto("/sign-in");
        await person.getByRole("button", { name: SSO_BUTTON }).click();
        await signInAtProvider(person, provider, email);
        await expect(person).toHaveURL(/\/candidates$/);
        expect(await sessionEmail(person)).toBe(email);
        const user = await db.user.findUniqueOrThrow({ where: { email } });
        expect(user).toMatchObject({ name: "Noor Haddad", roleId: "interviewer", active: true });
        expect(await lastSsoAudit(since)).toEqual([
          expect.objectContaining({
            actorId: user.id,
            outcome: "success",
            details: expect.objectContaining({ email }),
          }),
        ]);
        await context.close();
      });
    },
  );
}

test(
  `on ${hostOf(ENTRA_ISSUERS.at(-1)!)}, a person whose xms_edov is false or absent is refused as unverified`,
  DATABASE_INDEPENDENT,
  async ({ browser, entraProviders, request }) => {
    // What the metrics endpoint counts for a refused single sign-on (README, "Metrics").
    const unverifiedCount = async () => {
      const response = await request.get("/api/metrics", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
      const line = /^handoff_sign_in_failures_total\{reason="sso_unverified"\} (\d+)$/m.exec(await response.text());
      return Number(line?.[1] ?? 0);
    };
    const refusedBefore = await unverifiedCount();
    // The last test left SSO on with this issuer.
    const provider = entraProviders.at(-1)!;
    expect(await db.ssoSettings.findUniqueOrThrow({ where: { id: "sso" } })).toMatchObject({
      issuer: provider.issuer,
      enabled: true,
    });
    for (const xmsEdov of [false, undefined]) {
      await test.step(`xms_edov ${xmsEdov === undefined ? "absent" : "false"}`, async () => {
        const since = new Date();
        const email = `uma.${uniqueSuffix()}@${SSO_DOMAIN}`;
        provider.setAccount({ email, emailVerified: null, xmsEdov });
        const context = await browser.newContext();
        const person = await context.newPage();
        await person.goto("/sign-in");
        await person.getByRole("button", { name: SSO_BUTTON }).click();
        await signInAtProvider(person, provider, email);
        await expect(person).toHaveURL(/\/sign-in\?(.*&)?error=SsoRefused-/);
        await expect(person.getByRole("main").getByRole("alert")).toContainText(
          "Your identity provider has not verified your email address.",
        );
        expect(await sessionEmail(person)).toBeUndefined();
        expect(await lastSsoAudit(since)).toEqual([
          expect.objectContaining({
            outcome: "denied",
            details: expect.objectContaining({ email, reason: "unverified" }),
          }),
        ]);
        expect(await db.user.count({ where: { email } })).toBe(0);
        await context.close();
      });
    }
    expect(await unverifiedCount()).toBe(refusedBefore + 2);
  },
);
