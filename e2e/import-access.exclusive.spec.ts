import { createTestUser, DATABASE_INDEPENDENT, db, expect, signIn, test } from "./fixtures";

// Changes a role's permissions, which every test shares: runs in the exclusive project.
test(
  "an admin lets hiring managers import, and takes it back; Admin always keeps it",
  DATABASE_INDEPENDENT,
  async ({ page, browser }) => {
    const admin = await createTestUser("admin");
    const manager = await createTestUser("hiring_manager");
    await signIn(page, admin);
    const managerContext = await browser.newContext();
    const managerPage = await managerContext.newPage();
    await signIn(managerPage, manager);
    try {
      await page.goto("/import");
      const access = page.getByRole("region", { name: "Who may import" });
      await expect(access.getByLabel("Admin may import")).toBeChecked();
      await expect(access.getByLabel("Admin may import")).toBeDisabled();
      await expect(access.getByLabel("Hiring manager may import")).not.toBeChecked();

      await access.getByLabel("Hiring manager may import").check();
      await expect(access.getByRole("status")).toHaveText("Saved.");
      await managerPage.goto("/candidates");
      // Import is a settings page (issue 24): Settings, then Import in its sidebar.
      await managerPage
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Settings" })
        .click();
      await managerPage.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Import" }).click();
      await expect(managerPage.getByRole("heading", { name: "Import candidates" })).toBeVisible();
      // Granting is for people who manage users: a hiring manager sees no such section.
      await expect(managerPage.getByRole("region", { name: "Who may import" })).toHaveCount(0);

      await access.getByLabel("Hiring manager may import").uncheck();
      await expect(access.getByRole("status")).toHaveText("Saved.");
      expect((await managerPage.goto("/import"))?.status()).toBe(403); // issue 13's "no access" page
      const audit = await db.auditLog.findMany({
        where: { actorId: admin.id, targetId: "hiring_manager" },
        orderBy: { at: "asc" },
      });
      expect(audit.map((entry) => entry.action)).toEqual(["role.grant-permission", "role.revoke-permission"]);
    } finally {
      await db.rolePermission.deleteMany({ where: { roleId: "hiring_manager", permission: "candidates:import" } });
      await managerContext.close();
    }
  },
);
