import bcrypt from "bcryptjs";

import { verifyPassword } from "@/lib/auth/password";

import { createInvitation, fillNewPassword, shownLink } from "./accounts";
import {
  createTestUser,
  DATABASE_INDEPENDENT,
  db,
  expect,
  signIn,
  signInRequest,
  test,
  TEST_PASSWORD,
} from "./fixtures";

const NEW_PASSWORD = "Kirschblüte-Fahrrad-93";

async function isSignedIn(page: import("@playwright/test").Page) {
  await page.goto("/candidates");
  return !/\/sign-in/.test(page.url());
}

test.describe("accounts", DATABASE_INDEPENDENT, () => {
  // The invitation itself (made on the Users page) is tested in users.spec.ts; these two start
  // from a link written as that page writes it, so each signs in no one it does not need.
  test("an invitation link refuses short, common and name-based passwords and a mismatch, with a clear message", async ({
    page,
    baseURL,
  }) => {
    const { name, email, link } = await createInvitation(baseURL!);
    await page.goto(link);
    await expect(page.getByText(`choose a password for ${email}`)).toBeVisible();
    const save = page.getByRole("button", { name: "Save password and sign in" });

    await test.step("too short", async () => {
      await fillNewPassword(page, "Kurz-2026!");
      await save.click();
      await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
    });
    await test.step("common (checked on the server)", async () => {
      await fillNewPassword(page, "password1234");
      await save.click();
      await expect(page.getByText("This is one of the most commonly used passwords")).toBeVisible();
      await fillNewPassword(page, "Password12345!");
      await save.click();
      await expect(page.getByText("This is one of the most commonly used passwords")).toBeVisible();
    });
    await test.step("made of the person's own name", async () => {
      const first = name.split(" ")[0]!.toLowerCase();
      await fillNewPassword(page, `${first}${first}2026`);
      await save.click();
      await expect(page.getByText(/contains your name or email|too easy to guess/)).toBeVisible();
    });
    await test.step("the two fields must match", async () => {
      await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel("Repeat the password").fill(`${NEW_PASSWORD}x`);
      await save.click();
      await expect(page.getByText("The two passwords do not match.")).toBeVisible();
    });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBeNull();
  });

  test("an invitation link with a good password: saved, signed in, and it works only once", async ({
    page,
    baseURL,
  }) => {
    const { email, link } = await createInvitation(baseURL!);
    await page.goto(link);

    await test.step("a good password: saved, signed in, the link used up", async () => {
      await fillNewPassword(page, NEW_PASSWORD);
      await page.getByRole("button", { name: "Save password and sign in" }).click();
      await expect(page).toHaveURL(/\/candidates$/);
      const user = await db.user.findUniqueOrThrow({ where: { email }, include: { accountTokens: true } });
      expect(await verifyPassword(NEW_PASSWORD, user.passwordHash)).toBe(true);
      expect(user.accountTokens[0]!.usedAt).not.toBeNull();
    });

    await test.step("the link no longer works, and the person signs in with the sign-in form", async () => {
      await page.goto(link);
      await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
      await page.context().clearCookies();
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/candidates$/);
    });
  });

  test("changing your own password needs the current one and ends your other sessions, not this one", async ({
    page,
    browser,
  }) => {
    const user = await createTestUser("recruiter");
    await signIn(page, user);
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signIn(other, user);

    await page.goto("/candidates");
    await page.getByRole("button", { name: `Profile and settings of ${user.name}` }).click();
    await page.getByRole("link", { name: "Password and sessions" }).click();
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    const section = page.getByRole("region", { name: "Change password" });
    const submit = section.getByRole("button", { name: "Change password" });

    await test.step("a wrong current password is refused", async () => {
      await section.getByLabel("Current password").fill("not-my-password");
      await fillNewPassword(page, NEW_PASSWORD);
      await submit.click();
      await expect(section.getByText("The current password is not right.")).toBeVisible();
    });
    await test.step("a common new password is refused", async () => {
      await section.getByLabel("Current password").fill(TEST_PASSWORD);
      await fillNewPassword(page, "qwertyuiop12");
      await submit.click();
      await expect(section.getByText("This is one of the most commonly used passwords")).toBeVisible();
    });
    await test.step("changed: this browser stays signed in, the other is signed out", async () => {
      await section.getByLabel("Current password").fill(TEST_PASSWORD);
      await fillNewPassword(page, NEW_PASSWORD);
      await submit.click();
      await expect(section.getByRole("status")).toHaveText(
        "Your password was changed. You were signed out on every other device and browser.",
      );
      expect(await isSignedIn(page)).toBe(true);
      expect(await isSignedIn(other)).toBe(false);
      // next-auth's own session endpoint agrees: the ended session is neither answered nor renewed.
      expect(
        ((await (await other.request.get("/api/auth/session")).json()) as { user?: unknown }).user,
      ).toBeUndefined();
      const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(await verifyPassword(NEW_PASSWORD, stored.passwordHash)).toBe(true);
      // One change made; the refused attempt with a wrong current password is audited apart (outcome failure).
      expect(
        await db.auditLog.count({ where: { action: "user.change-password", targetId: user.id, outcome: "success" } }),
      ).toBe(1);
    });
    await test.step("the old password no longer signs in; the new one does", async () => {
      await otherContext.clearCookies();
      const { csrfToken } = (await (await other.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      await other.request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: user.email, password: TEST_PASSWORD, json: "true" },
      });
      expect(
        ((await (await other.request.get("/api/auth/session")).json()) as { user?: unknown }).user,
      ).toBeUndefined();
      await signInRequest(other.request, user, NEW_PASSWORD);
    });
    await otherContext.close();
  });

  test("an admin's reset link: the old password works until it is used, then every session of that person ends", async ({
    page,
    browser,
  }) => {
    const admin = await createTestUser("admin");
    const person = await createTestUser("hiring_manager");
    await signIn(page, admin);
    const personContext = await browser.newContext();
    const personPage = await personContext.newPage();
    await signIn(personPage, person);

    await page.goto("/admin/users");
    await page.getByRole("button", { name: `Reset password of ${person.name}` }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("Their current password keeps working until they use the link");
    await dialog.getByRole("button", { name: "Make link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "A new password link" })).toHaveText(
      `A new password link for ${person.name}. Send it to them:`,
    );
    const link = await shownLink(page, person.name);
    expect(await isSignedIn(personPage)).toBe(true);

    const linkContext = await browser.newContext();
    const linkPage = await linkContext.newPage();
    await linkPage.goto(link);
    await expect(linkPage.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await fillNewPassword(linkPage, NEW_PASSWORD);
    await linkPage.getByRole("button", { name: "Save password and sign in" }).click();
    await expect(linkPage).toHaveURL(/\/candidates$/);

    expect(await isSignedIn(personPage)).toBe(false);
    const stored = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(await verifyPassword(TEST_PASSWORD, stored.passwordHash)).toBe(false);
    expect(await verifyPassword(NEW_PASSWORD, stored.passwordHash)).toBe(true);
    // Account changes only: the person's sign-ins are audited too (auth.sign-in) since the sign-in limits landed.
    const actions = await db.auditLog.findMany({
      where: { targetId: person.id, action: { not: "auth.sign-in" } },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(actions.map((row) => row.action)).toEqual(["user.issue-reset-link", "user.reset-password"]);
    await Promise.all([personContext.close(), linkContext.close()]);
  });

  test("sign out everywhere ends every session of yours, after confirming", async ({ page, browser }) => {
    const user = await createTestUser("interviewer");
    await signIn(page, user);
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signIn(other, user);

    await page.goto("/account");
    // The page's button; while the dialog is open, its confirm button has the same name.
    const opener = page.getByRole("button", { name: "Sign out everywhere" }).first();
    await test.step("the dialog is named by its title; Escape and Cancel close it, focus back on its opener", async () => {
      await opener.click();
      const named = page.getByRole("dialog", { name: "Sign out everywhere" });
      await expect(named).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(named).toBeHidden();
      await expect(opener).toBeFocused();
      await opener.click();
      await named.getByRole("button", { name: "Cancel" }).click();
      await expect(named).toBeHidden();
      await expect(opener).toBeFocused();
    });
    await opener.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("including this one");
    await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await isSignedIn(other)).toBe(false);
    await otherContext.close();
  });

  test("a password stored in the old format still signs in and is moved to the new one", async ({ page }) => {
    const user = await createTestUser("recruiter");
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await bcrypt.hash(TEST_PASSWORD, 10) } });
    await signIn(page, user);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash?.startsWith("v2$")).toBe(true);
    expect(await verifyPassword(TEST_PASSWORD, stored.passwordHash)).toBe(true);
  });
});
