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
  DEMO,
  demoIntegrationAtStart,
  integrationAction,
  restoreIntegration,
  sendAsRecruiter,
  signedInPage,
  storedIntegration,
  type StoredIntegration,
} from "./integrations-admin";
import { collectResponses, SECRET_SCAN_LIMITS, visitAll } from "./integrations-scan";
import { openSendDialog, sandbox, type SandboxCredential } from "./personio";

// Credentials and secrets: changing the API credentials (checked before saving, the secret never
// shown, a blank field keeps it), then a scan of every page and payload an admin or a recruiter
// can load for any secret this file connected or its ciphertext. States, in order: connected to a
// fresh credential "C", then changed to another fresh credential "G". See integrations-admin.ts.
test.describe.configure({ mode: "serial" });

let admin: TestUser;
let recruiter: TestUser;
let adminPage: Page;
let original: StoredIntegration;
let sentCandidate: Awaited<ReturnType<typeof createTestCandidate>>;
let credentialC: SandboxCredential;
let credentialG: SandboxCredential;
// Every secret this file ever connects, with the ciphertexts the app stored for them.
const knownSecrets = new Set<string>([DEMO.clientSecret]);

async function rememberStoredCiphertext() {
  const row = await storedIntegration();
  if (row) knownSecrets.add(row.clientSecretEncrypted);
  return row;
}

test.beforeAll(async ({ browser }) => {
  original = await demoIntegrationAtStart();
  knownSecrets.add(original.clientSecretEncrypted);
  admin = await createTestUser("admin", { name: `Integrations Admin ${uniqueSuffix()}` });
  recruiter = await createTestUser("recruiter", { name: `Sending Recruiter ${uniqueSuffix()}` });
  adminPage = await signedInPage(browser, admin);
  // Connected to a credential of this file's own, through the settings form's action.
  const created = await sandbox.createCredential({
    name: `Handoff e2e ${uniqueSuffix()}`,
    permissions: { employees: { read: true, write: true } },
  });
  credentialC = { clientId: created.credential.clientId, clientSecret: created.clientSecret };
  knownSecrets.add(credentialC.clientSecret);
  const connect = { ...credentialC, subdomain: "demo" };
  expect(await integrationAction(adminPage, "updatePersonioCredentialsAction", connect)).toMatchObject({
    data: { status: "saved" },
  });
  await rememberStoredCiphertext();
  sentCandidate = await createTestCandidate({ firstName: "Ilse", stage: "HIRED" });
  await sendAsRecruiter(browser, recruiter, sentCandidate);
});

test.afterAll(async () => {
  await restoreIntegration(original);
  await adminPage?.context().close();
});

test(
  "change API credentials: checked before saving, the stored secret is never shown and a blank field keeps it",
  DATABASE_INDEPENDENT,
  async () => {
    const page = adminPage;
    const before = await auditCount(admin);
    await page.goto("/admin/integrations/personio");
    const form = page.getByRole("region", { name: "Change API credentials" });
    const stored = (await storedIntegration())!;

    await test.step("the form shows the client ID, never the secret", async () => {
      await expect(form.getByLabel("Client ID")).toHaveValue(credentialC.clientId);
      await expect(form.getByLabel("Client secret")).toHaveValue("");
      await expect(form.getByLabel("Client secret")).toHaveAttribute("type", "password");
      await expect(form.getByLabel("Client secret")).toHaveAttribute("autocomplete", "off");
      await expect(form.getByText("Stored — leave blank to keep.")).toBeVisible();
    });

    await test.step("a wrong secret is refused and nothing changes", async () => {
      await form.getByLabel("Client secret").fill("definitely-not-the-secret");
      await form.getByRole("button", { name: "Save credentials" }).click();
      await expect(form.getByRole("alert").filter({ hasText: "Nothing was saved." })).toContainText(
        "Personio did not accept this client ID and client secret.",
      );
      // Only the credential columns: sends running meanwhile in other files update the health columns.
      expect(await storedIntegration()).toMatchObject({
        clientId: stored.clientId,
        clientSecretEncrypted: stored.clientSecretEncrypted,
        subdomain: stored.subdomain,
      });
    });

    await test.step("a blank secret keeps the stored one", async () => {
      await form.getByLabel("Client secret").fill("");
      await form.getByRole("button", { name: "Save credentials" }).click();
      await expect(
        form.getByRole("status").filter({ hasText: "The new credentials work and were saved." }),
      ).toBeVisible();
      expect((await storedIntegration())!.clientSecretEncrypted).toBe(stored.clientSecretEncrypted);
    });

    await test.step("new credentials replace the old ones", async () => {
      const created = await sandbox.createCredential({
        name: `Rotated ${uniqueSuffix()}`,
        permissions: { employees: { read: true, write: true } },
      });
      credentialG = { clientId: created.credential.clientId, clientSecret: created.clientSecret };
      knownSecrets.add(credentialG.clientSecret);
      await form.getByLabel("Client ID").fill(credentialG.clientId);
      await form.getByLabel("Client secret").fill(credentialG.clientSecret);
      await form.getByRole("button", { name: "Save credentials" }).click();
      await expect(
        form.getByRole("status").filter({ hasText: "The new credentials work and were saved." }),
      ).toBeVisible();
      await expect(form.getByLabel("Client secret")).toHaveValue("");
      await expect(form.getByLabel("Client ID")).toHaveValue(credentialG.clientId);
      const row = (await rememberStoredCiphertext())!;
      expect(row.clientId).toBe(credentialG.clientId);
      expect(row.clientSecretEncrypted).not.toBe(stored.clientSecretEncrypted);
      await page.reload();
      await expect(form.getByLabel("Client secret")).toHaveValue("");
    });

    const entries = await auditSince(admin, before);
    expect(
      entries.map(({ action, outcome, details }) => [action, outcome, details.secretChanged ?? details.reason]),
    ).toEqual([
      ["integration.update-credentials", "failure", "invalid_credentials"],
      ["integration.update-credentials", "success", false],
      ["integration.update-credentials", "success", true],
    ]);
  },
);

test(
  "no page or payload an admin or a recruiter can load contains the stored secret or its ciphertext",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    test.setTimeout(180_000);
    await rememberStoredCiphertext();
    const secrets = [...knownSecrets];
    expect(secrets).toEqual(
      expect.arrayContaining([credentialG.clientSecret, credentialC.clientSecret, DEMO.clientSecret]),
    );
    const unsent = await createTestCandidate({ stage: "HIRED" });
    const assertClean = (label: string, bodies: string[]) => {
      for (const secret of secrets) {
        const leaks = bodies.filter((body) => body.includes(secret)).length;
        expect(leaks, `${label}: a response contained a stored secret or its ciphertext`).toBe(0);
      }
    };

    await test.step("admin: every page, plus the settings actions", async () => {
      const page = adminPage;
      const bodies = collectResponses(page);
      const visited = await visitAll(
        page,
        [
          "/candidates",
          `/candidates/${sentCandidate.id}`,
          `/candidates/${unsent.id}`,
          "/admin/integrations",
          "/admin/integrations?category=hris",
          "/admin/integrations/personio",
          "/admin/integrations/personio/connect",
          "/admin/users",
          "/admin/audit",
          "/admin/audit?category=settings",
        ],
        bodies,
      );
      expect(visited.length).toBeGreaterThanOrEqual(SECRET_SCAN_LIMITS.minimumPages);
      await page.goto("/admin/integrations/personio");
      // Client-side navigation, so RSC payloads are captured as the browser receives them.
      await page.getByRole("main").getByRole("link", { name: "Back to integrations" }).click();
      await page.getByRole("link", { name: "Manage Personio" }).click();
      const health = page.getByRole("region", { name: "Connection health" });
      await health.getByRole("button", { name: "Test connection" }).click();
      await expect(health.getByRole("status").filter({ hasText: "The connection works." })).toBeVisible();
      const form = page.getByRole("region", { name: "Change API credentials" });
      await form.getByRole("button", { name: "Save credentials" }).click();
      await expect(
        form.getByRole("status").filter({ hasText: "The new credentials work and were saved." }),
      ).toBeVisible();
      // The roles are on their own tab since issue 24.
      await page.getByRole("navigation", { name: "Personio settings" }).getByRole("link", { name: "Roles" }).click();
      const roles = page.getByRole("region", { name: "Who may send and who sees the badge" });
      await roles.getByRole("checkbox", { name: "Interviewer: May see that a profile was sent" }).check();
      await expect(roles.getByRole("status")).toContainText("is now on");
      await roles.getByRole("checkbox", { name: "Interviewer: May see that a profile was sent" }).uncheck();
      await expect(roles.getByRole("status")).toContainText("is now off");
      const captured = [...(await bodies.stop()), await page.content()];
      expect(
        captured.some((body) => body.includes(credentialG.clientId)),
        "the scan saw the settings page",
      ).toBe(true);
      assertClean("admin", captured);
    });

    await test.step("recruiter: every page, a send, and the admin pages they cannot open", async () => {
      const page = await signedInPage(browser, recruiter);
      const bodies = collectResponses(page);
      await visitAll(
        page,
        [
          "/candidates",
          `/candidates/${sentCandidate.id}`,
          "/admin/integrations",
          "/admin/integrations/personio",
          "/admin/audit",
        ],
        bodies,
      );
      const dialog = await openSendDialog(page, unsent.id);
      await dialog.getByRole("button", { name: "Send" }).click();
      await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
      const captured = [...(await bodies.stop()), await page.content()];
      expect(
        captured.some((body) => body.includes(unsent.email)),
        "the scan saw the send",
      ).toBe(true);
      assertClean("recruiter", captured);
      await page.context().close();
    });
  },
);
