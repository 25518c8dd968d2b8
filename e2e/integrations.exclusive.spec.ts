import type { Browser, Page } from "@playwright/test";

import { DEFAULT_ROLES } from "@/lib/permissions/definitions";
import { demoCredentialFromEnv } from "@/lib/personio-sandbox/demo";

import { createTestCandidate, createTestUser, db, expect, signIn, test, uniqueSuffix, type TestUser } from "./fixtures";
import { collectResponses, SECRET_SCAN_LIMITS, visitAll } from "./integrations-scan";
import { generateCredentialInSandbox, openSendDialog, sandbox, sandboxEmployeesWithEmail, type SandboxCredential } from "./personio";
import { callServerAction } from "./server-actions";

// Everything that changes the (singleton) Personio integration or the per-role Personio settings
// lives in this one serial file, named *.exclusive.spec.ts so the "exclusive" Playwright project runs
// it after the others. Should it run alongside them, each disruptive state is kept short, and
// afterAll puts back the demo connection and the default role grants whatever happened.
// States this file passes through, in order:
//   1. integration deleted, then connected to a fresh sandbox credential ("C")   (~10 s unconnected)
//   2. credential C disabled in the sandbox for one "Test connection"             (~1 s)
//   3. credentials changed to another fresh credential ("G")
//   4. integration disabled, then re-enabled                                     (~5 s disabled)
//   5. Hiring manager without personio:see-badge, then with personio:send, both restored
//   6. integration deleted, then reconnected to the demo credential in the UI    (~8 s unconnected)
test.describe.configure({ mode: "serial" });

const PERSONIO_PERMISSIONS = ["personio:send", "personio:see-badge"];
// The credential the e2e server connects at start (scripts/e2e-server.ts).
const DEMO = { ...demoCredentialFromEnv(), subdomain: "demo" };


let admin: TestUser;
let recruiter: TestUser;
let hiringManager: TestUser;
let adminPage: Page;
let original: NonNullable<Awaited<ReturnType<typeof db.personioIntegration.findUnique>>>;
let sentCandidate: Awaited<ReturnType<typeof createTestCandidate>>;
let credentialC: SandboxCredential;
let credentialG: SandboxCredential;
// Every secret this file ever connects, with the ciphertexts the app stored for them.
const knownSecrets = new Set<string>([DEMO.clientSecret]);

async function storedIntegration() {
  return db.personioIntegration.findUnique({ where: { id: "personio" } });
}

async function rememberStoredCiphertext() {
  const row = await storedIntegration();
  if (row) knownSecrets.add(row.clientSecretEncrypted);
  return row;
}

// The admin's own changes; their sign-ins ("auth.sign-in", one per browser context) are left out.
const ADMIN_CHANGES = () => ({ actorId: admin.id, NOT: { action: { startsWith: "auth." } } });

/** The admin's audit entries after `since` (a count taken before a step), oldest first. */
async function adminAuditSince(since: number) {
  const rows = await db.auditLog.findMany({ where: ADMIN_CHANGES(), orderBy: [{ at: "asc" }, { id: "asc" }] });
  return rows.slice(since).map((row) => ({ action: row.action, outcome: row.outcome, details: JSON.parse(row.details ?? "{}") as Record<string, unknown> }));
}

async function adminAuditCount() {
  return db.auditLog.count({ where: ADMIN_CHANGES() });
}

async function signedInPage(browser: Browser, user: TestUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

async function fillCredentials(page: Page, values: { clientId?: string; clientSecret?: string; subdomain?: string }) {
  if (values.clientId !== undefined) await page.getByLabel("Client ID").fill(values.clientId);
  if (values.clientSecret !== undefined) await page.getByLabel("Client secret").fill(values.clientSecret);
  if (values.subdomain !== undefined) await page.getByLabel("Personio subdomain").fill(values.subdomain);
}

function notSavedAlert(page: Page) {
  return page.getByRole("main").getByRole("alert").filter({ hasText: "Nothing was saved." });
}

test.beforeAll(async ({ browser }) => {
  const row = await storedIntegration();
  expect(row, "the e2e server starts with the demo credential connected").not.toBeNull();
  original = row!;
  knownSecrets.add(original.clientSecretEncrypted);
  admin = await createTestUser("admin", { name: `Integrations Admin ${uniqueSuffix()}` });
  recruiter = await createTestUser("recruiter", { name: `Sending Recruiter ${uniqueSuffix()}` });
  hiringManager = await createTestUser("hiring_manager", { name: `Watching Manager ${uniqueSuffix()}` });
  adminPage = await signedInPage(browser, admin);
});

test.afterAll(async () => {
  // Back to what the other spec files expect: the demo credential connected and enabled,
  // and every role's Personio settings as seeded.
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...data } = original;
  await db.personioIntegration.upsert({ where: { id: "personio" }, create: { ...data, id: "personio", enabled: true }, update: { ...data, enabled: true } });
  await db.rolePermission.deleteMany({ where: { permission: { in: PERSONIO_PERMISSIONS } } });
  await db.rolePermission.createMany({
    data: DEFAULT_ROLES.flatMap((role) =>
      role.permissions.filter((permission) => PERSONIO_PERMISSIONS.includes(permission)).map((permission) => ({ roleId: role.id, permission })),
    ),
  });
  await adminPage?.context().close();
});

test("an admin deletes the connection, connects a credential generated in Personio, and a recruiter can then send", async ({ browser }) => {
  const page = adminPage;
  const before = await adminAuditCount();
  credentialC = await test.step("generate a credential on the sandbox's API credentials page", () =>
    generateCredentialInSandbox(page, `Handoff e2e ${uniqueSuffix()}`));
  // Prepared ahead, so the time without a connection stays short.
  const disabled = await sandbox.createCredential({ name: `Disabled ${uniqueSuffix()}`, permissions: { employees: { read: true, write: true } } });
  await sandbox.disableCredential(disabled.credential.clientId);
  const readOnly = await sandbox.createCredential({ name: `Read only ${uniqueSuffix()}`, permissions: { employees: { read: true, write: false } } });

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
    for (const field of ["First name", "Last name", "Email", "Job title"]) await expect(sent.getByRole("listitem").filter({ hasText: field })).toHaveCount(1);
    await expect(page.getByRole("region", { name: "What Handoff stores" })).toContainText("No personal data from Personio");
    const how = page.getByRole("region", { name: "Create the API credentials in Personio" });
    await expect(how).toContainText("Settings → Integrations → API credentials");
    await expect(how).toContainText("Under Employees, tick Write");
    await expect(how).toContainText("Tick Employees → Read as well (recommended)");
    await page.getByRole("link", { name: "Accept & integrate" }).click();
    await expect(page.getByRole("heading", { name: "Connect Personio" })).toBeVisible();
  });

  await test.step("wrong secret, disabled credential and missing write permission each have their own message; nothing is saved", async () => {
    await fillCredentials(page, { clientId: credentialC.clientId, clientSecret: `${credentialC.clientSecret}-wrong`, subdomain: "demo" });
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
    await fillCredentials(page, { clientId: credentialC.clientId, clientSecret: credentialC.clientSecret, subdomain: "https://demo.personio.de/" });
    await page.getByLabel("Personio subdomain").blur();
    await expect(page.getByLabel("Personio subdomain")).toHaveValue("demo");
    await expect(page.getByText("Only the subdomain is needed, so “https://demo.personio.de/” became “demo”.")).toBeVisible();
  });

  await test.step("the working credential is saved, encrypted", async () => {
    await page.getByRole("button", { name: "Integrate" }).click();
    await expect(page).toHaveURL(/\/admin\/integrations\/personio\?connected=read_write$/);
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Personio is connected." })).toBeVisible();
    await expect(page.getByText("Personio confirmed the Employees read and write permissions.")).toBeVisible();
    const row = await rememberStoredCiphertext();
    expect(row).toMatchObject({ clientId: credentialC.clientId, subdomain: "demo", enabled: true, connectedById: admin.id });
    expect(row!.clientSecretEncrypted).toMatch(/^v2:/); // AES-256-GCM with the key id (lib/crypto.ts)
    expect(row!.clientSecretEncrypted).not.toContain(credentialC.clientSecret);
    knownSecrets.add(credentialC.clientSecret);
  });

  await test.step("a recruiter can then send", async () => {
    sentCandidate = await createTestCandidate({ firstName: "Ilse", stage: "HIRED" });
    const recruiterPage = await signedInPage(browser, recruiter);
    const dialog = await openSendDialog(recruiterPage, sentCandidate.id);
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
    expect(await sandboxEmployeesWithEmail(sentCandidate.email)).toHaveLength(1);
    await recruiterPage.context().close();
  });

  await test.step("each step is in the audit log", async () => {
    const entries = await adminAuditSince(before);
    expect(entries.map(({ action, outcome, details }) => [action, outcome, details.reason ?? null])).toEqual([
      ["integration.delete", "success", null],
      ["integration.connect", "failure", "invalid_credentials"],
      ["integration.connect", "failure", "credentials_disabled"],
      ["integration.connect", "failure", "missing_permission"],
      ["integration.connect", "success", null],
    ]);
    expect(JSON.stringify(entries)).not.toContain(credentialC.clientSecret);
  });
});

test("connection health shows the last success and the last error, with Test connection", async () => {
  const page = adminPage;
  const before = await adminAuditCount();
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
      await expect(health.getByRole("alert")).toContainText("These credentials are disabled or were removed in Personio.");
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

  const entries = await adminAuditSince(before);
  expect(entries.map(({ action, outcome }) => [action, outcome])).toEqual([
    ["integration.test", "success"],
    ["integration.test", "failure"],
    ["integration.test", "success"],
  ]);
});

test("change API credentials: checked before saving, the stored secret is never shown and a blank field keeps it", async () => {
  const page = adminPage;
  const before = await adminAuditCount();
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
    await expect(form.getByRole("alert").filter({ hasText: "Nothing was saved." })).toContainText("Personio did not accept this client ID and client secret.");
    // Only the credential columns: sends running meanwhile in other files update the health columns.
    expect(await storedIntegration()).toMatchObject({ clientId: stored.clientId, clientSecretEncrypted: stored.clientSecretEncrypted, subdomain: stored.subdomain });
  });

  await test.step("a blank secret keeps the stored one", async () => {
    await form.getByLabel("Client secret").fill("");
    await form.getByRole("button", { name: "Save credentials" }).click();
    await expect(form.getByRole("status").filter({ hasText: "The new credentials work and were saved." })).toBeVisible();
    expect((await storedIntegration())!.clientSecretEncrypted).toBe(stored.clientSecretEncrypted);
  });

  await test.step("new credentials replace the old ones", async () => {
    const created = await sandbox.createCredential({ name: `Rotated ${uniqueSuffix()}`, permissions: { employees: { read: true, write: true } } });
    credentialG = { clientId: created.credential.clientId, clientSecret: created.clientSecret };
    knownSecrets.add(credentialG.clientSecret);
    await form.getByLabel("Client ID").fill(credentialG.clientId);
    await form.getByLabel("Client secret").fill(credentialG.clientSecret);
    await form.getByRole("button", { name: "Save credentials" }).click();
    await expect(form.getByRole("status").filter({ hasText: "The new credentials work and were saved." })).toBeVisible();
    await expect(form.getByLabel("Client secret")).toHaveValue("");
    await expect(form.getByLabel("Client ID")).toHaveValue(credentialG.clientId);
    const row = (await rememberStoredCiphertext())!;
    expect(row.clientId).toBe(credentialG.clientId);
    expect(row.clientSecretEncrypted).not.toBe(stored.clientSecretEncrypted);
    await page.reload();
    await expect(form.getByLabel("Client secret")).toHaveValue("");
  });

  const entries = await adminAuditSince(before);
  expect(entries.map(({ action, outcome, details }) => [action, outcome, details.secretChanged ?? details.reason])).toEqual([
    ["integration.update-credentials", "failure", "invalid_credentials"],
    ["integration.update-credentials", "success", false],
    ["integration.update-credentials", "success", true],
  ]);
});

test("disable and re-enable: while disabled nobody can send, badges stay", async ({ browser }) => {
  const page = adminPage;
  const before = await adminAuditCount();
  const unsent = await createTestCandidate({ stage: "HIRED" });
  const recruiterPage = await signedInPage(browser, recruiter);
  await page.goto("/admin/integrations/personio");
  const controls = page.getByRole("region", { name: "Disable or delete" });

  await test.step("disable", async () => {
    await controls.getByRole("button", { name: "Disable integration" }).click();
    await expect(controls.getByRole("status")).toHaveText("The integration is disabled.");
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "The integration is disabled. Nobody can send" })).toBeVisible();
    expect((await storedIntegration())!.enabled).toBe(false);
  });

  await test.step("the recruiter has no menu item, the action refuses, the badge stays", async () => {
    await recruiterPage.goto(`/candidates/${unsent.id}`);
    await recruiterPage.getByRole("button", { name: "More" }).click();
    await expect(recruiterPage.getByRole("menuitem", { name: "Send to Personio" })).toHaveCount(0);
    const { result } = await callServerAction(recruiterPage.request, {
      exportedName: "sendToPersonioAction",
      path: `/candidates/${unsent.id}`,
      input: { candidateId: unsent.id, fields: { firstName: unsent.firstName, lastName: unsent.lastName, email: unsent.email, position: "" } },
    });
    expect(JSON.stringify(result)).toContain("integration_disabled");
    expect(await sandboxEmployeesWithEmail(unsent.email)).toHaveLength(0);
    await recruiterPage.goto(`/candidates/${sentCandidate.id}`);
    await expect(recruiterPage.getByRole("main").getByRole("link", { name: "Personio" })).toBeVisible();
  });

  await test.step("re-enable", async () => {
    await controls.getByRole("button", { name: "Re-enable integration" }).click();
    await expect(controls.getByRole("status")).toHaveText("The integration is enabled again.");
    expect((await storedIntegration())!.enabled).toBe(true);
    await recruiterPage.goto(`/candidates/${unsent.id}`);
    await recruiterPage.getByRole("button", { name: "More" }).click();
    await expect(recruiterPage.getByRole("menuitem", { name: "Send to Personio" })).toBeVisible();
  });
  await recruiterPage.context().close();

  const entries = await adminAuditSince(before);
  expect(entries.map(({ action, outcome }) => [action, outcome])).toEqual([
    ["integration.disable", "success"],
    ["integration.enable", "success"],
  ]);
});

test("role settings: 'may see' off hides the badge and the sender; 'may send' off removes the item and the action refuses", async ({ browser }) => {
  const page = adminPage;
  const before = await adminAuditCount();
  const managerPage = await signedInPage(browser, hiringManager);
  await page.goto("/admin/integrations/personio");
  const roles = page.getByRole("region", { name: "Who may send and who sees the badge" });
  const seeBadge = roles.getByRole("checkbox", { name: "Hiring manager: May see that a profile was sent" });
  const maySend = roles.getByRole("checkbox", { name: "Hiring manager: May send profiles to Personio" });

  await test.step("the hiring manager sees the badge by default", async () => {
    await expect(seeBadge).toBeChecked();
    await managerPage.goto(`/candidates/${sentCandidate.id}`);
    await expect(managerPage.getByRole("main").getByRole("link", { name: "Personio" })).toBeVisible();
  });

  await test.step("'may see' off: no badge, and the sender's name is nowhere in the page", async () => {
    await seeBadge.uncheck();
    await expect(roles.getByRole("status")).toHaveText("Hiring manager: “May see that a profile was sent” is now off.");
    expect(await db.rolePermission.count({ where: { roleId: "hiring_manager", permission: "personio:see-badge" } })).toBe(0);
    const bodies = collectResponses(managerPage);
    await managerPage.goto(`/candidates/${sentCandidate.id}`);
    await expect(managerPage.getByRole("heading", { name: `${sentCandidate.firstName} ${sentCandidate.lastName}` })).toBeVisible();
    await expect(managerPage.getByRole("main").getByRole("link", { name: "Personio" })).toHaveCount(0);
    await managerPage.goto(`/candidates?q=${encodeURIComponent(sentCandidate.lastName)}`);
    await expect(managerPage.getByRole("link", { name: new RegExp(sentCandidate.lastName) })).toBeVisible();
    const captured = [...(await bodies.stop()), await managerPage.content()];
    expect(captured.length).toBeGreaterThan(2);
    for (const body of captured) expect(body).not.toContain(recruiter.name);
    await seeBadge.check();
    await expect(roles.getByRole("status")).toHaveText("Hiring manager: “May see that a profile was sent” is now on.");
    await managerPage.goto(`/candidates/${sentCandidate.id}`);
    await expect(managerPage.getByRole("main").getByRole("link", { name: "Personio" })).toBeVisible();
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
    expect(await db.handoff.count({ where: { candidateId: candidate.id, status: { in: ["SENT", "LINKED"] } } })).toBe(0);

    const { result } = await callServerAction(managerPage.request, {
      exportedName: "sendToPersonioAction",
      path: `/candidates/${candidate.id}`,
      input: { candidateId: candidate.id, fields: { firstName: candidate.firstName, lastName: candidate.lastName, email: candidate.email, position: "" } },
    });
    expect(result).toMatchObject({ serverError: { code: "forbidden" } });
    await managerPage.goto(`/candidates/${candidate.id}`);
    await managerPage.getByRole("button", { name: "More" }).click();
    await expect(managerPage.getByRole("menuitem", { name: "Send to Personio" })).toHaveCount(0);
    expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(0);
  });
  await managerPage.context().close();

  const entries = await adminAuditSince(before);
  expect(entries.map(({ action, details }) => [action, details.permission])).toEqual([
    ["role.revoke-permission", "personio:see-badge"],
    ["role.grant-permission", "personio:see-badge"],
    ["role.grant-permission", "personio:send"],
    ["role.revoke-permission", "personio:send"],
  ]);
});

test("no page or payload an admin or a recruiter can load contains the stored secret or its ciphertext", async ({ browser }) => {
  test.setTimeout(180_000);
  await rememberStoredCiphertext();
  const secrets = [...knownSecrets];
  expect(secrets).toEqual(expect.arrayContaining([credentialG.clientSecret, credentialC.clientSecret, DEMO.clientSecret]));
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
    const visited = await visitAll(page, [
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
    ], bodies);
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
    await expect(form.getByRole("status").filter({ hasText: "The new credentials work and were saved." })).toBeVisible();
    const roles = page.getByRole("region", { name: "Who may send and who sees the badge" });
    await roles.getByRole("checkbox", { name: "Interviewer: May see that a profile was sent" }).check();
    await expect(roles.getByRole("status")).toContainText("is now on");
    await roles.getByRole("checkbox", { name: "Interviewer: May see that a profile was sent" }).uncheck();
    await expect(roles.getByRole("status")).toContainText("is now off");
    const captured = [...(await bodies.stop()), await page.content()];
    expect(captured.some((body) => body.includes(credentialG.clientId)), "the scan saw the settings page").toBe(true);
    assertClean("admin", captured);
  });

  await test.step("recruiter: every page, a send, and the admin pages they cannot open", async () => {
    const page = await signedInPage(browser, recruiter);
    const bodies = collectResponses(page);
    await visitAll(page, ["/candidates", `/candidates/${sentCandidate.id}`, "/admin/integrations", "/admin/integrations/personio", "/admin/audit"], bodies);
    const dialog = await openSendDialog(page, unsent.id);
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
    const captured = [...(await bodies.stop()), await page.content()];
    expect(captured.some((body) => body.includes(unsent.email)), "the scan saw the send").toBe(true);
    assertClean("recruiter", captured);
    await page.context().close();
  });
});

test("deleting keeps the history; the audit log shows every change and send; reconnecting works", async ({ browser }) => {
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
    await expect(recruiterPage.getByRole("main").getByRole("link", { name: "Personio" })).toBeVisible();
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
      await expect(table.getByRole("row").filter({ hasText: admin.name }).filter({ hasText: action }).first()).toBeVisible();
    }
    await expect(
      table.getByRole("row").filter({ hasText: "Turned a role setting off" }).filter({ hasText: "Role: Hiring manager" }).filter({ hasText: "May see that a profile was sent" }).first(),
    ).toBeVisible();
    await expect(table.getByRole("row").filter({ hasText: "Connected Personio" }).filter({ hasText: "Failed" }).filter({ hasText: "credentials_disabled" }).first()).toBeVisible();

    await page.getByLabel("Show", { exact: true }).selectOption({ label: "Sends to Personio" });
    await page.getByRole("button", { name: "Apply" }).click();
    const send = table.getByRole("row").filter({ hasText: `Candidate: ${sentCandidate.firstName} ${sentCandidate.lastName}` });
    await expect(send.filter({ hasText: recruiter.name }).filter({ hasText: "Succeeded" })).toHaveCount(1);
    await expect(table.getByRole("row").filter({ hasText: "Failed" }).filter({ hasText: "integration_disabled" }).filter({ hasText: recruiter.name })).toHaveCount(1);
  });
});
