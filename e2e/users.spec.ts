import { createTestUser, db, expect, signIn, TEST_PASSWORD, test, uniqueSuffix } from "./fixtures";

test.describe("users (admin)", () => {
  test("an admin adds a user, changes the role and deactivates them", async ({ page, browser }) => {
    const admin = await createTestUser("admin");
    await signIn(page, admin);
    const email = `new.${uniqueSuffix()}@e2e.handoff.test`;

    await test.step("add a user", async () => {
      await page.goto("/admin/users");
      const form = page.getByRole("region", { name: "Add user" });
      await form.getByLabel("Name").fill("Małgorzata Wójcik");
      await form.getByLabel("Email").fill(email);
      await form.getByLabel("Role").selectOption({ label: "Hiring manager" });
      await form.getByLabel("Initial password").fill("short");
      await form.getByRole("button", { name: "Add user" }).click();
      await expect(form.getByText("The password must have 10 to 200 characters.")).toBeVisible();
      await form.getByLabel("Initial password").fill(TEST_PASSWORD);
      await form.getByRole("button", { name: "Add user" }).click();
      await expect(page.getByRole("main").getByRole("status")).toHaveText("Małgorzata Wójcik was added.");
      const created = await db.user.findUniqueOrThrow({ where: { email } });
      expect(created).toMatchObject({ name: "Małgorzata Wójcik", roleId: "hiring_manager", active: true });
    });

    await test.step("the same email again is refused with a clear message", async () => {
      const form = page.getByRole("region", { name: "Add user" });
      await form.getByLabel("Name").fill("Someone Else");
      await form.getByLabel("Email").fill(email.toUpperCase());
      await form.getByLabel("Initial password").fill(TEST_PASSWORD);
      await form.getByRole("button", { name: "Add user" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("A user with this email already exists.");
    });

    const created = await db.user.findUniqueOrThrow({ where: { email } });
    // The new user signs in in a second browser context and keeps that session open.
    const otherContext = await browser.newContext();
    const otherPage = await otherContext.newPage();
    await signIn(otherPage, { email });
    await otherPage.goto("/candidates");
    await expect(otherPage.getByRole("heading", { name: "Candidates" })).toBeVisible();

    await test.step("change the role", async () => {
      await page.getByLabel("Role of Małgorzata Wójcik").selectOption({ label: "Recruiter" });
      await expect(page.getByRole("main").getByRole("status")).toHaveText("Małgorzata Wójcik is now Recruiter.");
      await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: created.id } })).roleId).toBe("recruiter");
    });

    await test.step("deactivate after confirming; the open session stops working at once", async () => {
      await page.getByRole("button", { name: "Deactivate Małgorzata Wójcik" }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog).toContainText("They are signed out at once");
      await dialog.getByRole("button", { name: "Deactivate" }).click();
      await expect(page.getByRole("main").getByRole("status")).toHaveText("Małgorzata Wójcik was deactivated.");
      expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).active).toBe(false);

      await otherPage.goto("/candidates");
      await expect(otherPage).toHaveURL(/\/sign-in/);
    });

    await test.step("the audit log has every change", async () => {
      // The changes to the account (its sign-ins are recorded too, as "auth.sign-in").
      const actions = await db.auditLog.findMany({
        where: { targetId: created.id, action: { startsWith: "user." } },
        orderBy: { at: "asc" },
        select: { action: true, actorId: true },
      });
      expect(actions).toEqual([
        { action: "user.create", actorId: admin.id },
        { action: "user.change-role", actorId: admin.id },
        { action: "user.deactivate", actorId: admin.id },
      ]);
    });
    await otherContext.close();
  });

  test("only admins see the Users page", async ({ page }) => {
    for (const roleId of ["recruiter", "hiring_manager", "interviewer"] as const) {
      const user = await createTestUser(roleId);
      await page.context().clearCookies();
      await signIn(page, user);
      await page.goto("/candidates");
      await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
      await page.goto("/admin/users");
      await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
    }
  });
});
