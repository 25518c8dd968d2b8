import type { OidcTestProvider } from "@/scripts/oidc-test-provider/server";

import {
  createTestUser,
  DATABASE_INDEPENDENT,
  db,
  expect,
  signIn,
  test,
  TEST_PASSWORD,
  uniqueSuffix,
  type TestUser,
} from "./fixtures";
import {
  APP_ORIGIN,
  lastSsoAudit,
  removeSsoSettings,
  sessionEmail,
  signInAtProvider,
  signInWithSso,
  SSO_DOMAIN,
  SSO_LABEL,
  startTestProvider,
} from "./sso";

// Single sign-on against a real OpenID Connect provider (oidc-provider on loopback). SSO settings
// are one row shared by the whole app, so this file runs in the exclusive project, in order: the
// admin configures SSO in the browser first, and the last test puts everything back.
test.describe.configure({ mode: "serial" });

let provider: OidcTestProvider;
let admin: TestUser;

test.beforeAll(async () => {
  await removeSsoSettings();
  provider = await startTestProvider();
  admin = await createTestUser("admin", { name: `Ada Admin ${uniqueSuffix()}` });
  provider.setAccount({ email: admin.email, name: admin.name });
});

test.afterAll(async () => {
  await removeSsoSettings();
  await provider?.close();
});

test(
  "an admin configures single sign-on, tests it and switches it on, in the browser",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    await signIn(page, admin);
    await page.goto("/admin/sso");
    await expect(page.getByRole("heading", { name: "Single sign-on", level: 1 })).toBeVisible();

    await test.step("presets explain their setup; Entra ID's shared 'common' issuer is refused", async () => {
      await page.getByLabel("Provider", { exact: true }).selectOption({ label: "Microsoft Entra ID" });
      await expect(page.getByText("Redirect URI: platform Web, http://localhost:")).toBeVisible();
      await page.getByLabel("Issuer URL").fill("https://login.microsoftonline.com/common/v2.0");
      await page.getByLabel("Client ID").fill("x");
      await page.getByRole("button", { name: "Save and check the provider" }).click();
      await expect(page.getByText("Use your tenant's own issuer (with its tenant ID)")).toBeVisible();
      await page.getByLabel("Provider", { exact: true }).selectOption({ label: "Google Workspace" });
      await expect(page.getByText("Enter your Workspace domain under Allowed email domains")).toBeVisible();
    });

    await test.step("the issuer's discovery document is checked before saving", async () => {
      await page.getByLabel("Provider", { exact: true }).selectOption({ label: "Other OpenID Connect provider" });
      await page.getByLabel("Issuer URL").fill(`${provider.issuer}/not-an-issuer`);
      await page.getByLabel("Client ID").fill(provider.clientId);
      await page.getByLabel("Client secret").fill(provider.clientSecret);
      await page.getByLabel("Button label").fill(SSO_LABEL);
      await page.getByLabel("Allowed email domains").fill(SSO_DOMAIN);
      await page.getByRole("button", { name: "Save and check the provider" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(
        "The provider's discovery document could not be read. Check the issuer URL.",
      );
      expect(await db.ssoSettings.count()).toBe(0);
    });

    await test.step("saved with just-in-time accounts and roles from groups; the secret is encrypted", async () => {
      await page.getByLabel("Issuer URL").fill(provider.issuer);
      await page.getByLabel("Anyone from the allowed domains").check();
      await page.getByLabel("Role for new accounts").selectOption({ label: "Interviewer" });
      await page.getByLabel("Take the role from the provider's groups").check();
      await page.getByRole("button", { name: "Save and check the provider" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved. Run a test sign-in" })).toBeVisible();
      const stored = await db.ssoSettings.findUniqueOrThrow({ where: { id: "sso" } });
      expect(stored).toMatchObject({
        issuer: provider.issuer,
        clientId: provider.clientId,
        allowedDomains: SSO_DOMAIN,
        provisioning: "jit",
        defaultRoleId: "interviewer",
        groupsClaim: "groups",
        enabled: false,
      });
      expect(stored.clientSecretEncrypted).not.toContain(provider.clientSecret);
      expect(stored.clientSecretEncrypted).toMatch(/^v\d:/);
      await expect(page.getByRole("button", { name: "Switch single sign-on on" })).toBeDisabled();
    });

    await test.step("a group is mapped to Recruiter", async () => {
      await page.getByLabel("Group", { exact: true }).fill("recruiting");
      await page.getByLabel("Role", { exact: true }).selectOption({ label: "Recruiter" });
      await page.getByRole("button", { name: "Add mapping" }).click();
      await expect(
        page.getByRole("status").filter({ hasText: "recruiting now gives the role Recruiter." }),
      ).toBeVisible();
      expect(await db.ssoGroupRole.findUnique({ where: { group: "recruiting" } })).toMatchObject({
        roleId: "recruiter",
      });
    });

    await test.step("the sign-in page offers no SSO before it is switched on", async () => {
      const response = await page.request.get("/sign-in");
      expect(await response.text()).not.toContain(`Sign in with ${SSO_LABEL}`);
    });

    await test.step("test sign-in through the provider's login page reports the outcome and signs nobody in", async () => {
      await page.getByRole("button", { name: "Test sign-in" }).click();
      await signInAtProvider(page, provider, admin.email);
      await expect(page).toHaveURL(/\/admin\/sso/);
      await expect(page.getByRole("status").filter({ hasText: "Test sign-in worked." })).toContainText(
        `${admin.email} has an account and would be signed in as Admin.`,
      );
      expect(await sessionEmail(page)).toBe(admin.email);
      expect((await db.ssoSettings.findUniqueOrThrow({ where: { id: "sso" } })).testedEmail).toBe(admin.email);
    });

    await test.step("switched on; the sign-in page offers the button", async () => {
      await page.getByRole("button", { name: "Switch single sign-on on" }).click();
      await expect(
        page
          .getByRole("status")
          .filter({ hasText: `Single sign-on is on: the sign-in page offers “Sign in with ${SSO_LABEL}”.` }),
      ).toBeVisible();
      expect((await db.ssoSettings.findUniqueOrThrow({ where: { id: "sso" } })).enabled).toBe(true);
      const audit = await db.auditLog.findMany({
        where: { action: { startsWith: "sso." } },
        select: { action: true, outcome: true },
      });
      expect(audit.map((row) => `${row.action}:${row.outcome}`)).toEqual(
        expect.arrayContaining([
          "sso.configure:failure",
          "sso.configure:success",
          "sso.map-group:success",
          "sso.test:success",
          "sso.enable:success",
        ]),
      );
    });
  },
);

test(
  "a new person signs in through the provider and gets an account with the default role",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const since = new Date();
    const email = `noor.${uniqueSuffix()}@${SSO_DOMAIN}`;
    provider.setAccount({ email, name: "Noor Haddad" });
    await signInWithSso(page, provider, email);
    await expect(page).toHaveURL(/\/candidates$/);
    await expect(page.getByRole("button", { name: "Profile and settings of Noor Haddad" })).toBeVisible();
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Noor Haddad", roleId: "interviewer", active: true });
    // The Users page's "Last sign-in" counts SSO sign-ins too.
    expect(user.lastSignInAt?.getTime()).toBeGreaterThanOrEqual(since.getTime());
    const audit = await lastSsoAudit(since);
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: user.id,
        outcome: "success",
        details: expect.objectContaining({ email, created: true }),
      }),
    ]);
  },
);

test(
  "a member of the mapped group becomes a Recruiter, new or existing",
  DATABASE_INDEPENDENT,
  async ({ page, browser }) => {
    const email = `rafael.${uniqueSuffix()}@${SSO_DOMAIN}`;
    provider.setAccount({ email, name: "Rafael Ortiz", groups: ["staff", "recruiting"] });
    await signInWithSso(page, provider, email);
    await expect(page.getByRole("button", { name: "Profile and settings of Rafael Ortiz" })).toBeVisible();
    expect((await db.user.findUniqueOrThrow({ where: { email } })).roleId).toBe("recruiter");

    const existing = await createTestUser("interviewer");
    provider.setAccount({ email: existing.email, name: existing.name, groups: ["recruiting"] });
    const context = await browser.newContext();
    const other = await context.newPage();
    await signInWithSso(other, provider, existing.email);
    await expect(other.getByRole("button", { name: `Profile and settings of ${existing.name}` })).toBeVisible();
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).roleId).toBe("recruiter");
    await context.close();
  },
);

test(
  "people the app must not let in are refused with a clear message and no session",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const deactivated = await createTestUser("recruiter", { active: false });
    const cases = [
      {
        email: `eve.${uniqueSuffix()}@other-company.test`,
        account: {},
        message: "Your email address is not from a domain that may sign in to Handoff.",
        reason: "domain",
      },
      {
        email: deactivated.email,
        account: {},
        message: "This account has been deactivated. Ask an admin to reactivate it.",
        reason: "deactivated",
      },
      {
        email: `uma.${uniqueSuffix()}@${SSO_DOMAIN}`,
        account: { emailVerified: false },
        message: "Your identity provider has not verified your email address.",
        reason: "unverified",
      },
    ];
    for (const { email, account, message, reason } of cases) {
      await test.step(reason, async () => {
        const since = new Date();
        provider.setAccount({ email, ...account, groups: ["recruiting"] });
        const context = await browser.newContext();
        const page = await context.newPage();
        await signInWithSso(page, provider, email);
        await expect(page).toHaveURL(/\/sign-in\?(.*&)?error=SsoRefused-/);
        await expect(page.getByRole("main").getByRole("alert")).toContainText(message);
        expect(await sessionEmail(page)).toBeUndefined();
        expect(await lastSsoAudit(since)).toEqual([
          expect.objectContaining({ outcome: "denied", details: expect.objectContaining({ email, reason }) }),
        ]);
        await context.close();
      });
    }
    expect(await db.user.count({ where: { email: { endsWith: "@other-company.test" } } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: deactivated.id } })).active).toBe(false);
  },
);

test(
  "the redirect URI shown is the one the provider receives, whichever Host the admin's browser used",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    // The app reached as 127.0.0.1 instead of localhost (as through a proxy with another name).
    const otherHost = APP_ORIGIN.replace("localhost", "127.0.0.1");
    const context = await browser.newContext({ baseURL: otherHost });
    const page = await context.newPage();
    await signIn(page, admin);
    await page.goto("/admin/sso");
    const shown = `${APP_ORIGIN}/api/auth/callback/sso`;
    await expect(page.getByText(shown, { exact: true }).first()).toBeVisible();
    await expect(page.getByText(`${otherHost}/api/auth/callback/sso`)).toHaveCount(0);
    await context.close();

    const signInPage = await (await browser.newContext()).newPage();
    await signInPage.goto("/sign-in");
    await signInPage.getByRole("button", { name: `Sign in with ${SSO_LABEL}` }).click();
    await expect(signInPage).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
    expect(provider.lastRedirectUri()).toBe(shown);
    await signInPage.context().close();
  },
);

test(
  "a provider's access_denied says the organisation has not given access and whom to ask; a test shows the provider's words",
  DATABASE_INDEPENDENT,
  async ({ page, browser }) => {
    provider.setAuthorizationError({
      error: "access_denied",
      description: "AADSTS50105: The signed in user is not assigned to a role for the application.",
    });
    try {
      const since = new Date();
      const context = await browser.newContext();
      const person = await context.newPage();
      await person.goto("/sign-in");
      await person.getByRole("button", { name: `Sign in with ${SSO_LABEL}` }).click();
      await expect(person).toHaveURL(/\/sign-in\?error=SsoProviderError-access_denied$/);
      await expect(person.getByRole("main").getByRole("alert")).toHaveText(
        `Your organisation has not given you access to Handoff in ${SSO_LABEL}. Ask your IT team (the admin of your company's sign-in) to assign you to the Handoff app.`,
      );
      expect(await sessionEmail(person)).toBeUndefined();
      expect(await lastSsoAudit(since)).toEqual([
        expect.objectContaining({
          outcome: "denied",
          details: expect.objectContaining({ reason: "provider_error", error: "access_denied" }),
        }),
      ]);
      await context.close();

      await signIn(page, admin);
      await page.goto("/admin/sso");
      await page.getByRole("button", { name: "Test sign-in" }).click();
      await expect(page).toHaveURL(/\/admin\/sso\?/);
      const alert = page.getByRole("main").getByRole("alert").filter({ hasText: "access_denied" });
      await expect(alert).toContainText("the account you used is not given access to this app there");
      await expect(alert).toContainText(
        "Provider's answer: access_denied AADSTS50105: The signed in user is not assigned to a role for the application.",
      );
    } finally {
      provider.setAuthorizationError(null);
    }
  },
);

test(
  "an SSO session ends like any other: a raised session version, a deactivation",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const email = `leon.${uniqueSuffix()}@${SSO_DOMAIN}`;
    provider.setAccount({ email, name: "Leon Weber" });
    await signInWithSso(page, provider, email);
    await expect(page).toHaveURL(/\/candidates$/);

    await test.step('the session version goes up (as "sign out everywhere", a password or role change do)', async () => {
      await db.user.update({ where: { email }, data: { sessionVersion: { increment: 1 } } });
      await page.goto("/candidates");
      await expect(page).toHaveURL(/\/sign-in/);
    });

    await test.step("signed in again, then deactivated", async () => {
      // Without the provider's own session cookie, so that its login page shows again.
      await page.context().clearCookies();
      await signInWithSso(page, provider, email);
      await expect(page).toHaveURL(/\/candidates$/);
      await db.user.update({ where: { email }, data: { active: false } });
      await page.goto("/candidates");
      await expect(page).toHaveURL(/\/sign-in/);
    });
  },
);

test(
  "ID tokens that do not check out are refused: wrong signature, issuer, audience, expired",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const email = `tom.${uniqueSuffix()}@${SSO_DOMAIN}`;
    provider.setAccount({ email, name: "Tom Tampered" });
    const expected = { signature: /signature/i, issuer: /iss/i, audience: /aud/i, expired: /expired|exp/i } as const;
    try {
      for (const fault of ["signature", "issuer", "audience", "expired"] as const) {
        await test.step(fault, async () => {
          provider.setIdTokenFault(fault);
          const since = new Date();
          const context = await browser.newContext();
          const page = await context.newPage();
          await signInWithSso(page, provider, email);
          await expect(page).toHaveURL(/\/sign-in\?(.*&)?error=OAuthCallback(&|$)/);
          await expect(page.getByRole("main").getByRole("alert")).toContainText(
            "your identity provider's answer was refused",
          );
          expect(await sessionEmail(page)).toBeUndefined();
          await expect.poll(async () => (await lastSsoAudit(since)).length).toBe(1);
          const audit = await lastSsoAudit(since);
          expect(audit[0]).toMatchObject({ outcome: "denied", details: { reason: "token_refused" } });
          expect(String(audit[0]!.details.error)).toMatch(expected[fault]);
          await context.close();
        });
      }
    } finally {
      provider.setIdTokenFault(null);
    }
    expect(await db.user.count({ where: { email } })).toBe(0);
  },
);

test("a replayed callback (its state used already) is refused", DATABASE_INDEPENDENT, async ({ page, browser }) => {
  const email = `rita.${uniqueSuffix()}@${SSO_DOMAIN}`;
  provider.setAccount({ email, name: "Rita Replay" });
  let callbackUrl: string | null = null;
  page.on("request", (request) => {
    if (request.url().includes("/api/auth/callback/sso?")) callbackUrl = request.url();
  });
  await signInWithSso(page, provider, email);
  await expect(page).toHaveURL(/\/candidates$/);
  expect(callbackUrl).toContain("state=");

  await test.step("in another browser, during its own sign-in (its own state cookie)", async () => {
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto("/sign-in");
    await other.getByRole("button", { name: `Sign in with ${SSO_LABEL}` }).click();
    await expect(other).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
    const since = new Date();
    await other.goto(callbackUrl!);
    await expect(other).toHaveURL(/\/sign-in\?(.*&)?error=OAuthCallback(&|$)/);
    expect(await sessionEmail(other)).toBeUndefined();
    // Written beside the redirect, not before it.
    await expect.poll(async () => (await lastSsoAudit(since)).length).toBe(1);
    const audit = await lastSsoAudit(since);
    expect(String(audit[0]!.details.error)).toMatch(/state mismatch/);
    await context.close();
  });

  await test.step("in the same browser, after signing out", async () => {
    await page.context().clearCookies();
    const since = new Date();
    await page.goto(callbackUrl!);
    await expect(page).toHaveURL(/\/sign-in\?(.*&)?error=OAuthCallback(&|$)/);
    expect(await sessionEmail(page)).toBeUndefined();
    // Written beside the redirect, not before it.
    await expect.poll(async () => (await lastSsoAudit(since)).length).toBe(1);
    const audit = await lastSsoAudit(since);
    expect(String(audit[0]!.details.error)).toMatch(/state/i);
  });
});

test("after the provider rotates its signing key, sign-in still works", DATABASE_INDEPENDENT, async ({ page }) => {
  const before = provider.signingKeyId();
  await provider.rotateSigningKey();
  expect(provider.signingKeyId()).not.toBe(before);
  const email = `kim.${uniqueSuffix()}@${SSO_DOMAIN}`;
  provider.setAccount({ email, name: "Kim Rotation" });
  await signInWithSso(page, provider, email);
  await expect(page).toHaveURL(/\/candidates$/);
  expect(await sessionEmail(page)).toBe(email);
  // Signed with the new key, which the app had never seen before this sign-in.
  expect(provider.lastIdTokenKeyId()).toBe(provider.signingKeyId());
});

test(
  "with SSO required, password sign-in is refused except for the break-glass admin",
  DATABASE_INDEPENDENT,
  async ({ page, browser }) => {
    const recruiter = await createTestUser("recruiter");
    const otherAdmin = await createTestUser("admin");
    await signIn(page, admin);
    await page.goto("/admin/sso");
    await page.getByRole("checkbox", { name: "Require single sign-on" }).check();
    await page
      .getByLabel("Break-glass admin (keeps password sign-in)")
      .selectOption({ label: `${admin.name} (${admin.email})` });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: `Single sign-on is required; only ${admin.name} can still sign in with a password.` }),
    ).toBeVisible();
    expect(await db.ssoSettings.findUniqueOrThrow({ where: { id: "sso" } })).toMatchObject({
      required: true,
      breakGlassUserId: admin.id,
    });

    const tryPassword = async (user: TestUser) => {
      const context = await browser.newContext();
      const other = await context.newPage();
      await other.goto("/sign-in");
      await other.getByText("Sign in with a password (break-glass admin only)").click();
      await other.getByLabel("Email").fill(user.email);
      await other.getByLabel("Password").fill(TEST_PASSWORD);
      await other.getByRole("button", { name: "Sign in", exact: true }).click();
      return { context, page: other };
    };

    for (const user of [recruiter, otherAdmin]) {
      await test.step(`${user.roleId} with the right password is refused`, async () => {
        const attempt = await tryPassword(user);
        await expect(attempt.page.getByRole("main").getByRole("alert")).toHaveText(
          "Password sign-in is switched off for this account. Use single sign-on.",
        );
        expect(await sessionEmail(attempt.page)).toBeUndefined();
        await attempt.context.close();
      });
    }

    await test.step("the break-glass admin signs in with the password", async () => {
      const attempt = await tryPassword(admin);
      await expect(attempt.page).toHaveURL(/\/candidates$/);
      expect(await sessionEmail(attempt.page)).toBe(admin.email);
      await attempt.context.close();
    });

    await test.step("SSO still works for the others", async () => {
      provider.setAccount({ email: recruiter.email, name: recruiter.name });
      const context = await browser.newContext();
      const other = await context.newPage();
      await signInWithSso(other, provider, recruiter.email);
      await expect(other).toHaveURL(/\/candidates$/);
      await context.close();
    });

    await test.step("switched off again, passwords work for everyone", async () => {
      await page.getByRole("checkbox", { name: "Require single sign-on" }).uncheck();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(
        page.getByRole("status").filter({ hasText: "Password sign-in works for everyone again." }),
      ).toBeVisible();
      const context = await browser.newContext();
      const other = await context.newPage();
      await signIn(other, recruiter);
      await context.close();
    });
  },
);

test(
  "a renewed client secret is tested before it is saved: SSO and 'SSO required' stay on, SSO-only people sign in throughout",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    await db.ssoSettings.update({ where: { id: "sso" }, data: { required: true, breakGlassUserId: admin.id } });
    const ssoOnly = await createTestUser("recruiter");
    await db.user.update({ where: { id: ssoOnly.id }, data: { passwordHash: null } });
    provider.setAccount({ email: ssoOnly.email, name: ssoOnly.name });
    const renewed = `renewed-${uniqueSuffix()}`;
    provider.addClientSecret(renewed);
    const stored = () => db.ssoSettings.findUniqueOrThrow({ where: { id: "sso" } });

    const ssoOnlySignsIn = async () => {
      const context = await browser.newContext();
      const other = await context.newPage();
      await signInWithSso(other, provider, ssoOnly.email);
      await expect(other).toHaveURL(/\/candidates$/);
      expect(await sessionEmail(other)).toBe(ssoOnly.email);
      await context.close();
    };
    // Each attempt in a browser of its own, so the provider asks for the admin's login each time.
    const testNewSecret = async (secret: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, admin);
      await page.goto("/admin/sso");
      await page.getByLabel("New secret").fill(secret);
      await page.getByRole("button", { name: "Test and save the new secret" }).click();
      await signInAtProvider(page, provider, admin.email);
      await expect(page).toHaveURL(/\/admin\/sso\?/);
      return { context, page };
    };

    await test.step("a secret the provider does not know fails its test and changes nothing", async () => {
      const { context, page } = await testNewSecret("not-the-secret");
      await expect(page.getByText("The new client secret was not saved")).toBeVisible();
      expect(await stored()).toMatchObject({ enabled: true, required: true });
      await context.close();
    });
    await test.step("the SSO-only person signs in with the stored secret meanwhile", ssoOnlySignsIn);

    await test.step("the renewed secret passes its test and is saved; SSO and 'required' stay on", async () => {
      const { context, page } = await testNewSecret(renewed);
      await expect(
        page.getByText("The new client secret is saved; single sign-on stayed on throughout."),
      ).toBeVisible();
      expect(await stored()).toMatchObject({
        enabled: true,
        required: true,
        pendingSecretEncrypted: null,
        pendingSecretTestId: null,
      });
      await context.close();
    });

    await test.step("with the old secret retired at the provider, the SSO-only person signs in with the new one", async () => {
      provider.retireClientSecret(provider.clientSecret);
      await ssoOnlySignsIn();
    });
    await db.ssoSettings.update({ where: { id: "sso" }, data: { required: false } });
  },
);

test(
  "a discovery document without a 'groups' scope: sign-in does not ask for it, the groups come from the ID token, and the admin is told what to add",
  DATABASE_INDEPENDENT,
  async ({ page, browser }) => {
    expect(await db.ssoGroupRole.findUnique({ where: { group: "recruiting" } })).toMatchObject({ roleId: "recruiter" });
    const person = await createTestUser("interviewer");
    provider.setAccount({ email: person.email, name: person.name, groups: ["recruiting"] });
    await provider.setGroupsScope(false);

    await test.step("the sign-in asks for no groups scope and takes the role from the ID token's groups", async () => {
      const context = await browser.newContext();
      const other = await context.newPage();
      await signInWithSso(other, provider, person.email);
      await expect(other).toHaveURL(/\/candidates$/);
      expect(provider.lastScope()?.split(" ")).toEqual(["openid", "email", "profile"]);
      expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).roleId).toBe("recruiter");
      await context.close();
    });

    await test.step("the settings page tells the admin to add a groups claim on the authorization server", async () => {
      await signIn(page, admin);
      await page.goto("/admin/sso");
      await expect(page.getByText("Your provider's discovery document offers no “groups” scope")).toBeVisible();
    });

    await test.step("offered again, the scope is asked for and the hint is gone", async () => {
      await provider.setGroupsScope(true);
      await page.reload();
      await expect(page.getByText("Your provider's discovery document offers no “groups” scope")).toHaveCount(0);
      const context = await browser.newContext();
      const other = await context.newPage();
      await signInWithSso(other, provider, person.email);
      await expect(other).toHaveURL(/\/candidates$/);
      expect(provider.lastScope()?.split(" ")).toContain("groups");
      await context.close();
    });
  },
);
