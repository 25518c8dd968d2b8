import type { Page } from "@playwright/test";

import {
  createTestCandidate,
  createTestUser,
  DATABASE_INDEPENDENT,
  expect,
  test,
  uniqueSuffix,
  type TestUser,
} from "./fixtures";
import {
  auditCount,
  auditSince,
  demoIntegrationAtStart,
  fillCredentials,
  notSavedAlert,
  restoreIntegration,
  sendAsRecruiter,
  signedInPage,
  storedIntegration,
  type StoredIntegration,
} from "./integrations-admin";
import { generateCredentialInSandbox, sandbox, type SandboxCredential } from "./personio";

// Connecting Personio: an admin deletes the connection, connects a credential generated in
// Personio (after three refused ones), a recruiter sends, and the connection's health is tested.
// States, in order: integration deleted, then connected to a fresh credential "C" (~10 s
// unconnected); C disabled in the sandbox for one "Test connection" (~1 s). See integrations-admin.ts.
test.describe.configure({ mode: "serial" });

let admin: TestUser;
let recruiter: TestUser;
let adminPage: Page;
let original: StoredIntegration;
let credentialC: SandboxCredential;

test.beforeAll(async ({ browser }) => {
  original = await demoIntegrationAtStart();
  admin = await createTestUser("admin", { name: `Integrations Admin ${uniqueSuffix()}` });
  recruiter = await createTestUser("recruiter", { name: `Sending Recruiter ${uniqueSuffix()}` });
  adminPage = await signedInPage(browser, admin);
});

test.afterAll(async () => {
  await restoreIntegration(original);
  await adminPage?.context().close();
});

test(
  "an admin deletes the connection, connects a credential generated in Personio, and a recruiter can then send",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const page = adminPage;
    const before = await auditCount(admin);
    credentialC = await test.step("generate a credential on the sandbox's API credentials page", () =>
      generateCredentialInSandbox(page, `Handoff e2e ${uniqueSuffix()}`));
    // Prepared ahead, so the time without a connection stays short.
    const disabled = await sandbox.createCredential({
      name: `Disabled ${uniqueSuffix()}`,
      permissions: { employees: { read: true, write: true } },
    });
    await sandbox.disableCredential(disabled.credential.clientId);
    const readOnly = await sandbox.createCredential({
      name: `Read only ${uniqueSuffix()}`,
      permissions: { employees: { read: true, write: false } },
    });

    await test.step("the marketplace lists Personio under HRIS, connected", async () => {
      await page.goto("/admin/integrations");
      await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
      const hris = page.getByRole("region", { name: "HRIS" });
      await expect(hris.getByRole("article", { name: "Personio" })).toContainText("Connected");
      await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "HRIS" }).click();
      await expect(page).toHaveURL(/category=hris/);
      await hris.getByRole("link", { name: "Manage Personio" }).click();
      await expect(page.getByRole("heading", { name: "Personio", level: 1 })).toBeVisible();
    });

    await test.step("delete permanently, after a confirmation that says what happens", async () => {
      await page.getByRole("button", { name: "Delete integration" }).click();
      const dialog = page.getByRole("dialog", { name: "Delete the Personio integration?" });
      await expect(dialog).toContainText("nobody can send profiles to Personio until someone connects it again");
      await expect(dialog).toContainText("the audit log keeps the history of what was sent");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(dialog).toBeHidden();
      expect(await storedIntegration()).not.toBeNull();
      await page.getByRole("button", { name: "Delete integration" }).click();
      await dialog.getByRole("button", { name: "Delete permanently" }).click();
      await expect(page).toHaveURL(/\/admin\/integrations\?deleted=1$/);
      await expect(page.getByRole("main").getByRole("status")).toContainText("The Personio integration was deleted.");
      expect(await storedIntegration()).toBeNull();
    });

    await test.step("Integrate opens the information screen", async () => {
      await expect(page.getByRole("article", { name: "Personio" })).toContainText("Not connected");
      await page.getByRole("link", { name: "Integrate Personio" }).click();
      await expect(page.getByRole("heading", { name: "Integrate Personio" })).toBeVisible();
      const sent = page.getByRole("region", { name: "What is sent to Personio" });
      for (const field of ["First name", "Last name", "Email", "Job title"])
        await expect(sent.getByRole("listitem").filter({ hasText: field })).toHaveCount(1);
      await expect(page.getByRole("region", { name: "What Handoff stores" })).toContainText(
        "No personal data from Personio",
      );
      const how = page.getByRole("region", { name: "Create the API credentials in Personio" });
      await expect(how).toContainText("Settings → Integrations → API credentials");
      await expect(how).toContainText("Under Employees, tick Write");
      await expect(how).toContainText("Tick Employees → Read as well (recommended)");
      await page.getByRole("link", { name: "Accept & integrate" }).click();
      await expect(page.getByRole("heading", { name: "Connect Personio" })).toBeVisible();
    });

    await test.step("wrong secret, disabled credential and missing write permission each have their own message; nothing is saved", async () => {
      await fillCredentials(page, {
        clientId: credentialC.clientId,
        clientSecret: `${credentialC.clientSecret}-wrong`,
        subdomain: "demo",
      });
      await page.getByRole("button", { name: "Integrate" }).click();
      await expect(notSavedAlert(page)).toContainText("Personio did not accept this client ID and client secret.");
      expect(await storedIntegration()).toBeNull();

      await fillCredentials(page, { clientId: disabled.credential.clientId, clientSecret: disabled.clientSecret });
      await page.getByRole("button", { name: "Integrate" }).click();
      await expect(notSavedAlert(page)).toContainText("These credentials are disabled or were removed in Personio.");
      expect(await storedIntegration()).toBeNull();

      await fillCredentials(page, { clientId: readOnly.credential.clientId, clientSecret: readOnly.clientSecret });
      await page.getByRole("button", { name: "Integrate" }).click();
      await expect(notSavedAlert(page)).toContainText("These credentials lack the Employees → Write permission");
      expect(await storedIntegration()).toBeNull();
    });

    await test.step("a pasted Personio address is reduced to the subdomain, and the person is told", async () => {
      await fillCredentials(page, {
        clientId: credentialC.clientId,
        clientSecret: credentialC.clientSecret,
        subdomain: "https://demo.personio.de/",
      });
      await page.getByLabel("Personio subdomain").blur();
      await expect(page.getByLabel("Personio subdomain")).toHaveValue("demo");
      await expect(
        page.getByText("Only the subdomain is needed, so “https://demo.personio.de/” became “demo”."),
      ).toBeVisible();
    });

    await test.step("the working credential is saved, encrypted", async () => {
      await page.getByRole("button", { name: "Integrate" }).click();
      await expect(page).toHaveURL(/\/admin\/integrations\/personio\?connected=read_write$/);
      await expect(
        page.getByRole("main").getByRole("status").filter({ hasText: "Personio is connected." }),
      ).toBeVisible();
      await expect(page.getByText("Personio confirmed the Employees read and write permissions.")).toBeVisible();
      const row = await storedIntegration();
      expect(row).toMatchObject({
        clientId: credentialC.clientId,
        subdomain: "demo",
        enabled: true,
        connectedById: admin.id,
      });
      expect(row!.clientSecretEncrypted).toMatch(/^v2:/); // AES-256-GCM with the key id (lib/crypto.ts)
      expect(row!.clientSecretEncrypted).not.toContain(credentialC.clientSecret);
    });

    await test.step("a recruiter can then send", async () => {
      const candidate = await createTestCandidate({ firstName: "Ilse", stage: "HIRED" });
      await sendAsRecruiter(browser, recruiter, candidate);
    });

    await test.step("each step is in the audit log", async () => {
      const entries = await auditSince(admin, before);
      expect(entries.map(({ action, outcome, details }) => [action, outcome, details.reason ?? null])).toEqual([
        ["integration.delete", "success", null],
        ["integration.connect", "failure", "invalid_credentials"],
        ["integration.connect", "failure", "credentials_disabled"],
        ["integration.connect", "failure", "missing_permission"],
        ["integration.connect", "success", null],
      ]);
      expect(JSON.stringify(entries)).not.toContain(credentialC.clientSecret);
    });
  },
);

test(
  "connection health shows the last success and the last error, with Test connection",
  DATABASE_INDEPENDENT,
  async () => {
    const page = adminPage;
    const before = await auditCount(admin);
    await page.goto("/admin/integrations/personio");
    const health = page.getByRole("region", { name: "Connection health" });

    await test.step("a working connection", async () => {
      await health.getByRole("button", { name: "Test connection" }).click();
      await expect(health.getByRole("status").filter({ hasText: "The connection works." })).toBeVisible();
      await expect(health.getByText("None", { exact: true })).toBeVisible();
    });

    await test.step("the credential disabled in Personio shows as the last error", async () => {
      await sandbox.disableCredential(credentialC.clientId);
      try {
        await health.getByRole("button", { name: "Test connection" }).click();
        await expect(health.getByRole("alert")).toContainText(
          "These credentials are disabled or were removed in Personio.",
        );
      } finally {
        await sandbox.enableCredential(credentialC.clientId);
      }
      await expect(health).toContainText("The last call to Personio failed.");
      await expect(health).toContainText("The credentials were disabled or removed in Personio.");
      const row = await storedIntegration();
      expect(row).toMatchObject({ lastErrorCode: "credentials_disabled" });
    });

    await test.step("re-enabled in Personio, the test succeeds again and the old error stays visible", async () => {
      await health.getByRole("button", { name: "Test connection" }).click();
      await expect(health.getByRole("status").filter({ hasText: "The connection works." })).toBeVisible();
      await expect(health.getByText("The last call to Personio failed.")).toHaveCount(0);
      await expect(health).toContainText("The credentials were disabled or removed in Personio.");
      const row = await storedIntegration();
      expect(row!.lastSuccessAt!.getTime()).toBeGreaterThan(row!.lastErrorAt!.getTime());
    });

    const entries = await auditSince(admin, before);
    expect(entries.map(({ action, outcome }) => [action, outcome])).toEqual([
      ["integration.test", "success"],
      ["integration.test", "failure"],
      ["integration.test", "success"],
    ]);
  },
);
