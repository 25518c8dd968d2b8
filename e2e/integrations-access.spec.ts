import { createTestUser, DATABASE_INDEPENDENT, db, expect, signIn, test } from "./fixtures";
import { callServerAction } from "./server-actions";
import { offeredSettingsPages } from "./settings-navigation";

// Read-only for the integration when the server does its job: every call below must be refused,
// so this file can run in parallel with everything else.

const SETTINGS_ACTIONS = [
  { exportedName: "connectPersonioAction", input: { clientId: "papi-x", clientSecret: "papi-y", subdomain: "evil" } },
  {
    exportedName: "updatePersonioCredentialsAction",
    input: { clientId: "papi-x", clientSecret: "papi-y", subdomain: "evil" },
  },
  { exportedName: "setPersonioEnabledAction", input: { enabled: false } },
  { exportedName: "deletePersonioAction", input: {} },
  { exportedName: "testPersonioConnectionAction", input: {} },
  {
    exportedName: "setRolePersonioPermissionAction",
    input: { roleId: "interviewer", permission: "personio:send", granted: true },
  },
];

test.describe("integration settings are for admins only", DATABASE_INDEPENDENT, () => {
  for (const roleId of ["recruiter", "hiring_manager", "interviewer"] as const) {
    test(`a ${roleId} sees no Integrations or Audit log, and cannot open them`, async ({ page }) => {
      await signIn(page, await createTestUser(roleId));
      const offered = await offeredSettingsPages(page);
      expect(offered).not.toContain("Integrations");
      expect(offered).not.toContain("Audit log");
      for (const path of [
        "/admin/integrations",
        "/admin/integrations/personio",
        "/admin/integrations/personio/connect",
        "/admin/audit",
      ]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.getByRole("heading", { name: "No access" }), path).toBeVisible();
      }
    });
  }

  test("a recruiter calling the settings actions directly is refused and nothing changes", async ({ page }) => {
    const recruiter = await createTestUser("recruiter");
    await signIn(page, recruiter);
    const integrationBefore = await db.personioIntegration.findUnique({
      where: { id: "personio" },
      select: { clientId: true, subdomain: true },
    });
    for (const action of SETTINGS_ACTIONS) {
      const { result } = await callServerAction(page.request, { ...action, path: "/admin/integrations/personio" });
      expect(result, action.exportedName).toMatchObject({ serverError: { code: "forbidden" } });
    }
    // Besides signing in, nothing but the refusals was recorded for the recruiter, and those
    // within the audit log's bounds (at most 5 per person in a window; 6 calls were refused).
    const recorded = await db.auditLog.findMany({
      where: { actorId: recruiter.id, NOT: { action: "auth.sign-in" } },
      select: { action: true, outcome: true },
    });
    expect(recorded.length).toBe(5);
    expect(new Set(recorded.map((row) => `${row.action} ${row.outcome}`))).toEqual(new Set(["access.denied denied"]));
    expect(await db.rolePermission.count({ where: { roleId: "interviewer", permission: "personio:send" } })).toBe(0);
    const integrationAfter = await db.personioIntegration.findUnique({
      where: { id: "personio" },
      select: { clientId: true, subdomain: true },
    });
    // The serial integrations spec may be mid-way through its own changes; ours must never show up.
    expect(integrationAfter?.subdomain).not.toBe("evil");
    expect(integrationAfter?.clientId ?? "").not.toBe("papi-x");
    expect(integrationBefore?.subdomain).not.toBe("evil");
  });

  test("signed out, the settings actions are refused", async ({ request }) => {
    for (const action of SETTINGS_ACTIONS) {
      const { result } = await callServerAction(request, { ...action, path: "/admin/integrations/personio" });
      expect(result, action.exportedName).toMatchObject({ serverError: { code: "unauthenticated" } });
    }
  });
});
