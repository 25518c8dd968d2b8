import { demoCredential } from "@/scripts/personio-sandbox/demo";

import { createTestCandidate, createTestUser, DATABASE_INDEPENDENT, db, expect, test } from "./fixtures";
import { demoIntegrationAtStart, restoreIntegration, signedInPage, type StoredIntegration } from "./integrations-admin";
import { openSendDialog, sandbox } from "./personio";

// Connection health where admins look: a send that fails because the credential was disabled in
// Personio turns the marketplace card and the settings page's header from "Connected" to
// "Connection failing" and puts a banner on every page an admin opens, until a test succeeds.
// Exclusive: it breaks the one connection every other spec sends through.
test.describe.configure({ mode: "serial" });

let original: StoredIntegration;

test.beforeAll(async () => {
  original = await demoIntegrationAtStart();
});

test.afterAll(async () => {
  await sandbox.clearFaults();
  await sandbox.enableCredential(demoCredential().clientId);
  await restoreIntegration(original);
});

test(
  "a failing connection shows on the card, the header and as a banner for admins, until a test succeeds",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const admin = await createTestUser("admin");
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate({ stage: "HIRED" });
    const adminPage = await signedInPage(browser, admin);
    const recruiterPage = await signedInPage(browser, recruiter);
    const banner = adminPage.getByRole("region", { name: "Personio connection" });

    await test.step("while the connection works: Connected, and no banner", async () => {
      await adminPage.goto("/admin/integrations");
      await expect(adminPage.getByRole("article", { name: "Personio" })).toContainText("Connected");
      await adminPage.goto("/candidates");
      await expect(banner).toHaveCount(0);
    });

    await test.step("a send fails because the credential was disabled in Personio", async () => {
      await sandbox.disableCredential(demoCredential().clientId);
      const dialog = await openSendDialog(recruiterPage, candidate.id);
      await dialog.getByRole("button", { name: "Send" }).click();
      await expect(dialog.getByRole("alert")).toContainText(
        "The Personio API credentials were disabled or removed in Personio.",
      );
      expect((await db.personioIntegration.findUniqueOrThrow({ where: { id: "personio" } })).lastErrorCode).toBe(
        "credentials_disabled",
      );
    });

    await test.step("admins see a banner on every page, with the reason and a link to the integration", async () => {
      for (const path of ["/candidates", `/candidates/${candidate.id}`, "/admin/users", "/admin/audit"]) {
        await adminPage.goto(path);
        await expect(banner, path).toContainText("The connection to Personio is failing");
        await expect(banner, path).toContainText("The credentials were disabled or removed in Personio.");
      }
      // People who cannot fix it are not told on every page (the send dialog tells them).
      await recruiterPage.goto("/candidates");
      await expect(recruiterPage.getByRole("region", { name: "Personio connection" })).toHaveCount(0);
    });

    await test.step("the marketplace card says the connection is failing, not Connected", async () => {
      await adminPage.goto("/admin/integrations");
      const card = adminPage.getByRole("article", { name: "Personio" });
      await expect(card).toContainText("Connection failing");
      await expect(card).not.toContainText(/\bConnected\b/);
    });

    await test.step("the banner leads to the integration page, whose header says the same", async () => {
      await adminPage.goto("/candidates");
      await banner.getByRole("link", { name: "Check the Personio connection" }).click();
      await expect(adminPage).toHaveURL("/admin/integrations/personio");
      const header = adminPage.getByRole("main").locator("header").first();
      await expect(header).toContainText("Connection failing");
      await expect(header).not.toContainText(/\bConnected\b/);
      // The page itself has the health card: no banner repeating it.
      await expect(banner).toHaveCount(0);
      await expect(adminPage.getByRole("region", { name: "Connection health" })).toContainText(
        "The last call to Personio failed.",
      );
    });

    await test.step("a test while it is still disabled fails, and the state stays", async () => {
      const health = adminPage.getByRole("region", { name: "Connection health" });
      await health.getByRole("button", { name: "Test connection" }).click();
      await expect(health.getByRole("alert")).toContainText("The connection test failed.");
      await adminPage.goto("/candidates");
      await expect(banner).toBeVisible();
    });

    await test.step("once re-enabled, a successful test says so once, and the banner is gone", async () => {
      await sandbox.enableCredential(demoCredential().clientId);
      await adminPage.goto("/admin/integrations/personio");
      const health = adminPage.getByRole("region", { name: "Connection health" });
      await health.getByRole("button", { name: "Test connection" }).click();
      await expect(health.getByRole("status").filter({ hasText: "The connection works." })).toBeVisible();
      await expect(adminPage.getByText("The connection works.")).toHaveCount(1);
      await expect(adminPage.getByRole("main").locator("header").first()).toContainText("Connected");
      for (const path of ["/candidates", "/admin/users"]) {
        await adminPage.goto(path);
        await expect(adminPage.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(banner, path).toHaveCount(0);
      }
      await adminPage.goto("/admin/integrations");
      await expect(adminPage.getByRole("article", { name: "Personio" })).toContainText("Connected");
      await expect(adminPage.getByRole("article", { name: "Personio" })).not.toContainText("Connection failing");
    });

    await adminPage.context().close();
    await recruiterPage.context().close();
  },
);

test(
  "a Personio outage (503s on send) turns the health to failing on the integration page and the banner, until a send succeeds",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const admin = await createTestUser("admin");
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate({ stage: "HIRED" });
    const adminPage = await signedInPage(browser, admin);
    const recruiterPage = await signedInPage(browser, recruiter);
    const banner = adminPage.getByRole("region", { name: "Personio connection" });
    const health = adminPage.getByRole("region", { name: "Connection health" });

    await test.step("before: the last call succeeded, and no banner", async () => {
      await db.personioRateLimitEvent.deleteMany();
      await adminPage.goto("/admin/integrations/personio");
      await health.getByRole("button", { name: "Test connection" }).click();
      await expect(health.getByRole("status").filter({ hasText: "The connection works." })).toBeVisible();
      await expect(health).toContainText("The last call to Personio succeeded.");
      await expect(health).not.toContainText("Personio asked Handoff to slow down");
      await adminPage.goto("/candidates");
      await expect(adminPage.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(banner).toHaveCount(0);
    });

    await test.step("Personio asks Handoff to slow down: the send says when to retry, the health view counts it, the connection still works", async () => {
      await sandbox.addFault({
        endpoint: "POST /v1/company/employees",
        kind: "status",
        status: 429,
        retryAfterSeconds: 2,
        times: 1,
      });
      const dialog = await openSendDialog(recruiterPage, candidate.id);
      await dialog.getByRole("button", { name: "Send" }).click();
      await expect(dialog.getByRole("alert")).toContainText("Nothing was created. Try again in 2 seconds.");
      await adminPage.goto("/admin/integrations/personio");
      await expect(health).toContainText("The last call to Personio succeeded.");
      await expect(health).toContainText(
        /Personio asked Handoff to slow down once in the last 24 hours, last at .+ \(employee writes\)\./,
      );
      await expect(adminPage.getByRole("main").locator("header").first()).toContainText("Connected");
    });

    await test.step("Personio answers every create with 503: the send fails and says Personio is not available", async () => {
      await sandbox.addFault({ endpoint: "POST /v1/company/employees", kind: "status", status: 503 });
      const dialog = await openSendDialog(recruiterPage, candidate.id);
      await dialog.getByRole("button", { name: "Send" }).click();
      await expect(dialog.getByRole("alert")).toContainText("Personio is not available right now.");
      const integration = await db.personioIntegration.findUniqueOrThrow({ where: { id: "personio" } });
      expect(integration.lastErrorCode).toBe("unavailable");
      expect(integration.lastErrorAt!.getTime()).toBeGreaterThan(integration.lastSuccessAt!.getTime());
    });

    await test.step("the banner and the integration page say the connection is failing, not that the last call succeeded", async () => {
      await adminPage.goto("/candidates");
      await expect(banner).toContainText("The connection to Personio is failing");
      await expect(banner).toContainText("Personio was unavailable.");
      await adminPage.goto("/admin/integrations/personio");
      const header = adminPage.getByRole("main").locator("header").first();
      await expect(header).toContainText("Connection failing");
      await expect(health).toContainText("The last call to Personio failed.");
      await expect(health).not.toContainText("succeeded");
      await expect(health).toContainText("Personio was unavailable.");
    });

    await test.step("Personio is back: the next send succeeds, and the health with it", async () => {
      await sandbox.clearFaults();
      const dialog = await openSendDialog(recruiterPage, candidate.id);
      await dialog.getByRole("button", { name: "Send" }).click();
      await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
      await adminPage.goto("/admin/integrations/personio");
      await expect(health).toContainText("The last call to Personio succeeded.");
      await adminPage.goto("/candidates");
      await expect(adminPage.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(banner).toHaveCount(0);
    });

    await adminPage.context().close();
    await recruiterPage.context().close();
  },
);
