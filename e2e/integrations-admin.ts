import type { Browser, Page } from "@playwright/test";

import { DEFAULT_ROLES } from "@/lib/permissions/definitions";
import { demoCredentialFromEnv } from "@/scripts/personio-sandbox/demo";

import { db, expect, signIn, type TestUser } from "./fixtures";
import { openSendDialog, sandboxEmployeesWithEmail } from "./personio";
import { callServerAction } from "./server-actions";

// Shared by the integrations.*.exclusive.spec.ts files. Each changes the (singleton) Personio
// integration or the per-role Personio settings, so they run in the "exclusive" project, one at a
// time after the others; each keeps its disruptive states short and, in afterAll, puts back the
// demo connection and the default role grants whatever happened.

export const PERSONIO_PERMISSIONS = ["personio:send", "personio:see-badge"];
// The credential the e2e server connects at start (scripts/e2e-server.ts).
export const DEMO = { ...demoCredentialFromEnv(), subdomain: "demo" };

export type StoredIntegration = NonNullable<Awaited<ReturnType<typeof db.personioIntegration.findUnique>>>;

export async function storedIntegration() {
  return db.personioIntegration.findUnique({ where: { id: "personio" } });
}

/** The integration as the e2e server left it, for restoreIntegration() in afterAll. */
export async function demoIntegrationAtStart(): Promise<StoredIntegration> {
  const row = await storedIntegration();
  expect(row, "the e2e server starts with the demo credential connected").not.toBeNull();
  return row!;
}

/** Back to what the other spec files expect: the demo credential connected and enabled, every role's Personio settings as seeded. */
export async function restoreIntegration(original: StoredIntegration) {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...data } = original;
  await db.personioIntegration.upsert({
    where: { id: "personio" },
    create: { ...data, id: "personio", enabled: true },
    update: { ...data, enabled: true },
  });
  await db.rolePermission.deleteMany({ where: { permission: { in: PERSONIO_PERMISSIONS } } });
  await db.rolePermission.createMany({
    data: DEFAULT_ROLES.flatMap((role) =>
      role.permissions
        .filter((permission) => PERSONIO_PERMISSIONS.includes(permission))
        .map((permission) => ({ roleId: role.id, permission })),
    ),
  });
}

// The actor's own changes; their sign-ins ("auth.sign-in", one per browser context) are left out.
const changesBy = (actor: TestUser) => ({ actorId: actor.id, NOT: { action: { startsWith: "auth." } } });

/** The actor's audit entries after `since` (a count taken before a step), oldest first. */
export async function auditSince(actor: TestUser, since: number) {
  const rows = await db.auditLog.findMany({ where: changesBy(actor), orderBy: [{ at: "asc" }, { id: "asc" }] });
  return rows.slice(since).map((row) => ({
    action: row.action,
    outcome: row.outcome,
    details: JSON.parse(row.details ?? "{}") as Record<string, unknown>,
  }));
}

export async function auditCount(actor: TestUser) {
  return db.auditLog.count({ where: changesBy(actor) });
}

export async function signedInPage(browser: Browser, user: TestUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

export async function fillCredentials(
  page: Page,
  values: { clientId?: string; clientSecret?: string; subdomain?: string },
) {
  if (values.clientId !== undefined) await page.getByLabel("Client ID").fill(values.clientId);
  if (values.clientSecret !== undefined) await page.getByLabel("Client secret").fill(values.clientSecret);
  if (values.subdomain !== undefined) await page.getByLabel("Personio subdomain").fill(values.subdomain);
}

export function notSavedAlert(page: Page) {
  return page.getByRole("main").getByRole("alert").filter({ hasText: "Nothing was saved." });
}

/** A recruiter sends the candidate through the review dialog; Personio then has exactly one employee with that email. */
export async function sendAsRecruiter(browser: Browser, recruiter: TestUser, candidate: { id: string; email: string }) {
  const recruiterPage = await signedInPage(browser, recruiter);
  const dialog = await openSendDialog(recruiterPage, candidate.id);
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
  expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(1);
  await recruiterPage.context().close();
}

/** Calls one of the integration settings' server actions as the signed-in user of `page`, as its form does. */
export async function integrationAction(page: Page, exportedName: string, input: unknown) {
  const { result, redirectedTo } = await callServerAction(page.request, {
    exportedName,
    path: "/admin/integrations/personio",
    input,
  });
  return redirectedTo ? { redirectedTo } : result;
}
