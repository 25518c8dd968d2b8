import type { Page } from "@playwright/test";

import {
  createTestCandidate,
  createTestUser,
  DATABASE_INDEPENDENT,
  db,
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
  fillCredentials,
  integrationAction,
  restoreIntegration,
  sendAsRecruiter,
  signedInPage,
  storedIntegration,
  type StoredIntegration,
} from "./integrations-admin";
import { collectResponses } from "./integrations-scan";
import { openSendDialog, sandbox, sandboxEmployeesWithEmail } from "./personio";
import { callServerAction } from "./server-actions";

// Who may send: disabling the integration, the per-role settings, and deleting it, after which the
// history stays and the audit page lists every change and send. States, in order: integration
// disabled, then re-enabled (~5 s); Hiring manager without personio:see-badge, then with
// personio:send, both restored; integration deleted, then reconnected to the demo credential in
// the UI (~8 s unconnected). See integrations-admin.ts.
test.describe.configure({ mode: "serial" });

let admin: TestUser;
let recruiter: TestUser;
let hiringManager: TestUser;
let adminPage: Page;
let original: StoredIntegration;
let sentCandidate: Awaited<ReturnType<typeof createTestCandidate>>;

test.beforeAll(async ({ browser }) => {
  original = await demoIntegrationAtStart();
  admin = await createTestUser("admin", { name: `Integrations Admin ${uniqueSuffix()}` });
  recruiter = await createTestUser("recruiter", { name: `Sending Recruiter ${uniqueSuffix()}` });
  hiringManager = await createTestUser("hiring_manager", { name: `Watching Manager ${uniqueSuffix()}` });
  adminPage = await signedInPage(browser, admin);
  sentCandidate = await createTestCandidate({ firstName: "Ilse", stage: "HIRED" });
  await sendAsRecruiter(browser, recruiter, sentCandidate);
  // The connection's part of this admin's history, through the settings forms' actions (the
  // forms themselves are integrations-connect and integrations-credentials): a test, a credential
  // save, a delete, a connect refused for a disabled credential, and the demo connected again.
  const disabled = await sandbox.createCredential({
    name: `Disabled ${uniqueSuffix()}`,
    permissions: { employees: { read: true, write: true } },
  });
  await sandbox.disableCredential(disabled.credential.clientId);
  expect(await integrationAction(adminPage, "testPersonioConnectionAction", {})).toMatchObject({
    data: { status: "ok" },
  });
  const keep = { clientId: DEMO.clientId, clientSecret: "", subdomain: "demo" };
  expect(await integrationAction(adminPage, "updatePersonioCredentialsAction", keep)).toMatchObject({
    data: { status: "saved" },
  });
  expect(await integrationAction(adminPage, "deletePersonioAction", {})).toEqual({
    redirectedTo: "/admin/integrations?deleted=1",
  });
  const refused = { clientId: disabled.credential.clientId, clientSecret: disabled.clientSecret, subdomain: "demo" };
  expect(await integrationAction(adminPage, "connectPersonioAction", refused)).toMatchObject({
    data: { status: "rejected", reason: "credentials_disabled" },
  });
  expect(await integrationAction(adminPage, "connectPersonioAction", DEMO)).toEqual({
    redirectedTo: "/admin/integrations/personio?connected=read_write",
  });
});

test.afterAll(async () => {
  await restoreIntegration(original);
  await adminPage?.context().close();
});

test(
  "disable and re-enable: while disabled nobody can send, badges stay",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const page = adminPage;
    const before = await auditCount(admin);
    const unsent = await createTestCandidate({ stage: "HIRED" });
    const recruiterPage = await signedInPage(browser, recruiter);
    await page.goto("/admin/integrations/personio");
    const controls = page.getByRole("region", { name: "Disable or delete" });

    await test.step("disable", async () => {
      await controls.getByRole("button", { name: "Disable integration" }).click();
      await expect(controls.getByRole("status")).toHaveText("The integration is disabled.");
      await expect(
        page.getByRole("main").getByRole("status").filter({ hasText: "The integration is disabled. Nobody can send" }),
      ).toBeVisible();
      expect((await storedIntegration())!.enabled).toBe(false);
    });

    await test.step("the recruiter has no menu item, the action refuses, the badge stays", async () => {
      await recruiterPage.goto(`/candidates/${unsent.id}`);
      // The status strip says why, without a Send button; no More menu whose only item is disabled.
      const strip = recruiterPage.getByRole("region", { name: "Not in Personio yet" });
      await expect(strip).toContainText("The Personio integration is disabled.");
      await expect(strip.getByRole("button")).toHaveCount(0);
      await expect(recruiterPage.getByRole("button", { name: "More" })).toHaveCount(0);
      const { result } = await callServerAction(recruiterPage.request, {
        exportedName: "sendToPersonioAction",
        path: `/candidates/${unsent.id}`,
        input: {
          candidateId: unsent.id,
          fields: { firstName: unsent.firstName, lastName: unsent.lastName, email: unsent.email, position: "" },
        },
      });
      expect(JSON.stringify(result)).toContain("integration_disabled");
      expect(await sandboxEmployeesWithEmail(unsent.email)).toHaveLength(0);
      await recruiterPage.goto(`/candidates/${sentCandidate.id}`);
      await expect(recruiterPage.getByRole("main").getByRole("link", { name: /^Personio/ })).toBeVisible();
    });

    await test.step("re-enable", async () => {
      await controls.getByRole("button", { name: "Re-enable integration" }).click();
      await expect(controls.getByRole("status")).toHaveText("The integration is enabled again.");
      expect((await storedIntegration())!.enabled).toBe(true);
      await recruiterPage.goto(`/candidates/${unsent.id}`);
      await recruiterPage.getByRole("button", { name: "More" }).click();
      await expect(recruiterPage.getByRole("menuitem", { name: "Send to Personio" })).toBeVisible();
      await expect(recruiterPage.getByRole("menuitem", { name: "Send to Personio" })).not.toHaveAttribute(
        "aria-disabled",
      );
    });
    await recruiterPage.context().close();

    const entries = await auditSince(admin, before);
    expect(entries.map(({ action, outcome }) => [action, outcome])).toEqual([
      ["integration.disable", "success"],
      ["integration.enable", "success"],
    ]);
  },
);

test(
  "role settings: 'may see' off hides the badge and the sender; 'may send' off removes the item and the action refuses",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const page = adminPage;
    const before = await auditCount(admin);
    const managerPage = await signedInPage(browser, hiringManager);
    await page.goto("/admin/integrations/personio?tab=roles");
    const roles = page.getByRole("region", { name: "Who may send and who sees the badge" });
    const seeBadge = roles.getByRole("checkbox", { name: "Hiring manager: May see that a profile was sent" });
    const maySend = roles.getByRole("checkbox", { name: "Hiring manager: May send profiles to Personio" });

    await test.step("the hiring manager sees the badge by default", async () => {
      await expect(seeBadge).toBeChecked();
      await managerPage.goto(`/candidates/${sentCandidate.id}`);
      await expect(managerPage.getByRole("main").getByRole("link", { name: /^Personio/ })).toBeVisible();
    });

    await test.step("'may see' off: no badge, and the sender's name is nowhere in the page", async () => {
      await seeBadge.uncheck();
      await expect(roles.getByRole("status")).toHaveText(
        "Hiring manager: “May see that a profile was sent” is now off.",
      );
      expect(
        await db.rolePermission.count({ where: { roleId: "hiring_manager", permission: "personio:see-badge" } }),
      ).toBe(0);
      const bodies = collectResponses(managerPage);
      await managerPage.goto(`/candidates/${sentCandidate.id}`);
      await expect(
        managerPage.getByRole("heading", { name: `${sentCandidate.firstName} ${sentCandidate.lastName}` }),
      ).toBeVisible();
      await expect(managerPage.getByRole("main").getByRole("link", { name: /^Personio/ })).toHaveCount(0);
      await managerPage.goto(`/candidates?q=${encodeURIComponent(sentCandidate.lastName)}`);
      await expect(managerPage.getByRole("link", { name: new RegExp(sentCandidate.lastName) })).toBeVisible();
      const captured = [...(await bodies.stop()), await managerPage.content()];
      expect(captured.length).toBeGreaterThan(2);
      for (const body of captured) expect(body).not.toContain(recruiter.name);
      await seeBadge.check();
      await expect(roles.getByRole("status")).toHaveText(
        "Hiring manager: “May see that a profile was sent” is now on.",
      );
      await managerPage.goto(`/candidates/${sentCandidate.id}`);
      await expect(managerPage.getByRole("main").getByRole("link", { name: /^Personio/ })).toBeVisible();
    });

    await test.step("'may send' on gives the hiring manager the menu item; off removes it and the action refuses", async () => {
      const candidate = await createTestCandidate({ stage: "HIRED" });
      await expect(maySend).not.toBeChecked();
      await maySend.check();
      await expect(roles.getByRole("status")).toHaveText("Hiring manager: “May send profiles to Personio” is now on.");
      // The dialog is opened while allowed; the send is clicked after the setting was turned off.
      const dialog = await openSendDialog(managerPage, candidate.id);
      await maySend.uncheck();
      await expect(roles.getByRole("status")).toHaveText("Hiring manager: “May send profiles to Personio” is now off.");
      await dialog.getByRole("button", { name: "Send" }).click();
      await expect(dialog.getByRole("alert")).toHaveText("You do not have permission to do this.");
      expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(0);
      expect(await db.handoff.count({ where: { candidateId: candidate.id, status: { in: ["SENT", "LINKED"] } } })).toBe(
        0,
      );

      const { result } = await callServerAction(managerPage.request, {
        exportedName: "sendToPersonioAction",
        path: `/candidates/${candidate.id}`,
        input: {
          candidateId: candidate.id,
          fields: {
            firstName: candidate.firstName,
            lastName: candidate.lastName,
            email: candidate.email,
            position: "",
          },
        },
      });
      expect(result).toMatchObject({ serverError: { code: "forbidden" } });
      await managerPage.goto(`/candidates/${candidate.id}`);
      const strip = managerPage.getByRole("region", { name: "Not in Personio yet" });
      await expect(strip).toContainText("Your role may not send profiles to Personio.");
      await expect(strip.getByRole("button", { name: "Send to Personio" })).toHaveCount(0);
      await expect(managerPage.getByRole("button", { name: "More" })).toHaveCount(0);
      expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(0);
    });
    await managerPage.context().close();

    const entries = await auditSince(admin, before);
    expect(entries.map(({ action, details }) => [action, details.permission])).toEqual([
      ["role.revoke-permission", "personio:see-badge"],
      ["role.grant-permission", "personio:see-badge"],
      ["role.grant-permission", "personio:send"],
      ["role.revoke-permission", "personio:send"],
    ]);
  },
);

test(
  "deleting keeps the history; the audit log shows every change and send; reconnecting works",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const page = adminPage;
    const handoffBefore = await db.handoff.findUniqueOrThrow({ where: { candidateId: sentCandidate.id } });

    await test.step("delete permanently", async () => {
      await page.goto("/admin/integrations/personio");
      await page.getByRole("button", { name: "Delete integration" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Delete permanently" }).click();
      await expect(page).toHaveURL(/\/admin\/integrations\?deleted=1$/);
      expect(await storedIntegration()).toBeNull();
    });

    await test.step("reconnect the demo credential (the state the other spec files expect)", async () => {
      await page.getByRole("link", { name: "Integrate Personio" }).click();
      await page.getByRole("link", { name: "Accept & integrate" }).click();
      await fillCredentials(page, DEMO);
      await page.getByRole("button", { name: "Integrate" }).click();
      await expect(page).toHaveURL(/\/admin\/integrations\/personio\?connected=/);
      expect(await storedIntegration()).toMatchObject({ clientId: DEMO.clientId, enabled: true });
    });

    await test.step("what was sent is still recorded, and the badge still shows", async () => {
      expect(await db.handoff.findUniqueOrThrow({ where: { candidateId: sentCandidate.id } })).toEqual(handoffBefore);
      const recruiterPage = await signedInPage(browser, recruiter);
      await recruiterPage.goto(`/candidates/${sentCandidate.id}`);
      await expect(recruiterPage.getByRole("main").getByRole("link", { name: /^Personio/ })).toBeVisible();
      await recruiterPage.context().close();
    });

    await test.step("the audit page lists the settings changes and the sends, with who and the outcome", async () => {
      await page.goto("/admin/audit");
      await page.getByLabel("Show", { exact: true }).selectOption({ label: "Integration settings" });
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/category=settings/);
      const table = page.getByRole("table");
      for (const action of [
        "Deleted the Personio integration",
        "Connected Personio",
        "Changed the Personio API credentials",
        "Disabled the Personio integration",
        "Re-enabled the Personio integration",
        "Tested the Personio connection",
        "Turned a role setting off",
        "Turned a role setting on",
      ]) {
        await expect(
          table.getByRole("row").filter({ hasText: admin.name }).filter({ hasText: action }).first(),
        ).toBeVisible();
      }
      await expect(
        table
          .getByRole("row")
          .filter({ hasText: "Turned a role setting off" })
          .filter({ hasText: "Role: Hiring manager" })
          .filter({ hasText: "May see that a profile was sent" })
          .first(),
      ).toBeVisible();
      await expect(
        table
          .getByRole("row")
          .filter({ hasText: "Connected Personio" })
          .filter({ hasText: "Failed" })
          .filter({ hasText: "Credentials disabled or removed" })
          .first(),
      ).toBeVisible();

      await page.getByLabel("Show", { exact: true }).selectOption({ label: "Sends to Personio" });
      await page.getByRole("button", { name: "Apply" }).click();
      const send = table
        .getByRole("row")
        .filter({ hasText: `Candidate: ${sentCandidate.firstName} ${sentCandidate.lastName}` });
      await expect(send.filter({ hasText: recruiter.name }).filter({ hasText: "Succeeded" })).toHaveCount(1);
      await expect(
        table
          .getByRole("row")
          .filter({ hasText: "Failed" })
          .filter({ hasText: "Integration disabled" })
          .filter({ hasText: recruiter.name }),
      ).toHaveCount(1);
    });
  },
);
