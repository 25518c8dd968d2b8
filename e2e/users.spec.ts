import { fillNewPassword, shownLink } from "./accounts";
import {
  createTestUser,
  DATABASE_INDEPENDENT,
  db,
  expect,
  signIn,
  test,
  TEST_PASSWORD,
  uniqueSuffix,
} from "./fixtures";
import { offeredSettingsPages } from "./settings-navigation";

// The changes to an account in the audit log (its sign-ins are recorded too, as "auth.sign-in").
async function userActions(userId: string) {
  return db.auditLog.findMany({
    where: { targetId: userId, action: { startsWith: "user." } },
    orderBy: { at: "asc" },
    select: { action: true, actorId: true },
  });
}

test.describe("users (admin)", () => {
  // Three focused tests rather than one long story: each signs in only the people it needs (every
  // sign-in is a bcrypt hash, seconds on a busy machine), so none runs near its time limit.
  test(
    "an admin invites someone, who sets a password from the link and is signed in",
    DATABASE_INDEPENDENT,
    async ({ page, browser }) => {
      const admin = await createTestUser("admin");
      await signIn(page, admin);
      const email = `new.${uniqueSuffix()}@e2e.handoff.test`;
      const name = `Małgorzata Wójcik ${uniqueSuffix()}`;
      let link = "";

      await test.step("invite: a one-time link to pass on, no password set by the admin", async () => {
        await page.goto("/admin/users");
        await page.getByRole("link", { name: "Invite", exact: true }).click(); // top right (issue 24)
        const form = page.getByRole("region", { name: "Invite someone" });
        await form.getByLabel("Name").fill(name);
        await form.getByLabel("Email").fill(email);
        await form.getByLabel("Role").selectOption({ label: "Hiring manager" });
        await form.getByRole("button", { name: "Create invitation link" }).click();
        await expect(form.getByRole("status")).toHaveText(`${name} was invited. Send them this link:`);
        link = await shownLink(page, name);
        expect(link.startsWith(new URL(page.url()).origin)).toBe(true);
        await expect(form.getByText("Works once, until")).toBeVisible();
        const created = await db.user.findUniqueOrThrow({ where: { email }, include: { accountTokens: true } });
        expect(created).toMatchObject({ name, roleId: "hiring_manager", active: true, passwordHash: null });
        expect(created.accountTokens).toHaveLength(1);
        // Only a hash of the token is stored.
        expect(created.accountTokens[0]!.tokenHash).not.toContain(link.split("/").pop()!);
        await page.reload();
        await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Invitation pending (link until");
      });

      await test.step("the same email again is refused with a clear message", async () => {
        const form = page.getByRole("region", { name: "Invite someone" });
        await form.getByLabel("Name").fill("Someone Else");
        await form.getByLabel("Email").fill(email.toUpperCase());
        await form.getByRole("button", { name: "Create invitation link" }).click();
        await expect(page.getByRole("main").getByRole("alert")).toHaveText("A user with this email already exists.");
      });

      await test.step("the invited person chooses a password, in another browser, and is signed in", async () => {
        const otherContext = await browser.newContext();
        const otherPage = await otherContext.newPage();
        await otherPage.goto(link);
        await expect(otherPage.getByRole("heading", { name: "Welcome to Handoff" })).toBeVisible();
        await fillNewPassword(otherPage, TEST_PASSWORD);
        await otherPage.getByRole("button", { name: "Save password and sign in" }).click();
        await expect(otherPage).toHaveURL(/\/candidates$/);
        await expect(otherPage.getByRole("button", { name: `Profile and settings of ${name}` })).toBeVisible();
        await otherContext.close();
      });

      const created = await db.user.findUniqueOrThrow({ where: { email } });
      expect(await userActions(created.id)).toEqual([
        { action: "user.invite", actorId: admin.id },
        { action: "user.accept-invitation", actorId: created.id },
      ]);
    },
  );

  test("a role change asks first, and once confirmed ends the person's sessions", async ({ page, browser }) => {
    const admin = await createTestUser("admin");
    const person = await createTestUser("hiring_manager");
    await signIn(page, admin);
    const otherContext = await browser.newContext();
    const otherPage = await otherContext.newPage();
    await signIn(otherPage, person);
    await page.goto("/admin/users");

    await test.step("cancelling changes nothing", async () => {
      const select = page.getByLabel(`Role of ${person.name}`);
      await select.selectOption({ label: "Recruiter" });
      const dialog = page.getByRole("dialog");
      await expect(dialog).toContainText(`Change ${person.name}'s role from Hiring manager to Recruiter?`);
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(dialog).toBeHidden();
      await expect(select).toHaveValue("hiring_manager");
      expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).roleId).toBe("hiring_manager");
    });

    await test.step("confirmed, the role changes and their sessions end", async () => {
      await page.getByLabel(`Role of ${person.name}`).selectOption({ label: "Recruiter" });
      await page.getByRole("dialog").getByRole("button", { name: "Change role" }).click();
      await expect(page.getByRole("main").getByRole("status")).toHaveText(
        `${person.name} is now Recruiter. They are signed out everywhere.`,
      );
      expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).roleId).toBe("recruiter");
      await otherPage.goto("/candidates");
      await expect(otherPage).toHaveURL(/\/sign-in/);
    });
    await otherContext.close();
    expect(await userActions(person.id)).toEqual([{ action: "user.change-role", actorId: admin.id }]);
  });

  test("deactivating asks first, and the person's open session stops working at once", async ({ page, browser }) => {
    const admin = await createTestUser("admin");
    const person = await createTestUser("recruiter");
    await signIn(page, admin);
    const otherContext = await browser.newContext();
    const otherPage = await otherContext.newPage();
    await signIn(otherPage, person);
    await page.goto("/admin/users");

    await page.getByRole("button", { name: `Deactivate ${person.name}` }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("They are signed out at once");
    await dialog.getByRole("button", { name: "Deactivate" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(`${person.name} was deactivated.`);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).active).toBe(false);

    await otherPage.goto("/candidates");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await otherContext.close();
    expect(await userActions(person.id)).toEqual([{ action: "user.deactivate", actorId: admin.id }]);
  });

  test("only admins see the Users page", DATABASE_INDEPENDENT, async ({ page }) => {
    for (const roleId of ["recruiter", "hiring_manager", "interviewer"] as const) {
      const user = await createTestUser(roleId);
      await page.context().clearCookies();
      await signIn(page, user);
      expect(await offeredSettingsPages(page)).not.toContain("Users");
      await page.goto("/admin/users");
      await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
    }
  });
});
