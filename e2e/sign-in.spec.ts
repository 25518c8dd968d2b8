import { DEMO_USERS } from "@/prisma/demo-data";

import { createTestUser, DATABASE_INDEPENDENT, expect, test, TEST_PASSWORD } from "./fixtures";

test.describe("sign-in", DATABASE_INDEPENDENT, () => {
  for (const demoUser of DEMO_USERS) {
    test(`${demoUser.roleId} signs in with the form and sees the candidate list`, async ({ page }) => {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(demoUser.email);
      await page.getByLabel("Password").fill(demoUser.password);
      await page.getByRole("button", { name: "Sign in" }).click();

      await expect(page).toHaveURL(/\/candidates$/);
      await expect(page.getByRole("heading", { name: "Candidates" })).toBeVisible();
      await page.getByRole("button", { name: `Profile and settings of ${demoUser.name}` }).click();
      await expect(page.getByText(`Signed in as ${demoUser.name}`)).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(page.getByRole("table").getByRole("row")).toHaveCount(21); // header + a full page of 20
    });
  }

  test("a signed-out visitor is sent to sign-in and brought back afterwards", async ({ page }) => {
    const user = await createTestUser("interviewer");
    await page.goto("/candidates?stage=HIRED");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fcandidates%3Fstage%3DHIRED$/);

    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/candidates\?stage=HIRED$/);
  });

  test("a wrong password gets a clear message and no session", async ({ page }) => {
    const user = await createTestUser("recruiter");
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Wrong email or password. Check both and try again.",
    );
    await expect(page).toHaveURL(/\/sign-in/);
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session).toEqual({});
  });

  test("an unknown email gets the same message as a wrong password", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("nobody@e2e.handoff.test");
    await page.getByLabel("Password").fill("whatever-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Wrong email or password. Check both and try again.",
    );
  });

  test("a deactivated user cannot sign in", async ({ page }) => {
    const user = await createTestUser("recruiter", { active: false });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "This account has been deactivated. Ask an admin to reactivate it.",
    );
    await page.goto("/candidates");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the form validates before sending", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
  });

  test("signing out ends the session", async ({ page }) => {
    const user = await createTestUser("hiring_manager");
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Candidates" })).toBeVisible();

    await page.getByRole("button", { name: `Profile and settings of ${user.name}` }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/candidates");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
