import { createTestCandidate, createTestUser, db, expect, signIn, test } from "./fixtures";

// A phone (390 × 844): nothing scrolls sideways, the nav folds away, the badge opens by tap.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const ADMIN_PAGES = ["/candidates", "/to-send", "/admin/integrations", "/admin/integrations/personio", "/admin/users", "/admin/audit"];

test.describe("on a phone", () => {
  test("no admin page is wider than the screen, and the nav opens from its Menu button", async ({ page }) => {
    const admin = await createTestUser("admin");
    const candidate = await createTestCandidate();
    await signIn(page, admin);
    for (const path of [...ADMIN_PAGES, `/candidates/${candidate.id}`]) {
      await test.step(path, async () => {
        await page.goto(path);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        expect(scrollWidth, `${path} is ${scrollWidth} px wide`).toBeLessThanOrEqual(innerWidth);
      });
    }
    // The profile menu (and Sign out in it) stays on screen beside Menu.
    const profile = page.getByRole("button", { name: `Profile and settings of ${admin.name}` });
    await expect(profile).toBeInViewport({ ratio: 1 });
    await profile.tap();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
    await page.keyboard.press("Escape");
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).tap();
    await expect(nav).toBeVisible();
    await nav.getByRole("link", { name: "Audit log" }).tap();
    await expect(page).toHaveURL("/admin/audit");
    await expect(nav).toBeHidden();
  });

  test("a tap on the badge shows who sent it and when, with an explicit link to Personio", async ({ page }) => {
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate();
    await db.handoff.create({
      data: { candidateId: candidate.id, status: "SENT", personioEmployeeId: 4242, personioSubdomain: "demo", sentById: recruiter.id, sentAt: new Date() },
    });
    await signIn(page, recruiter);
    await page.goto(`/candidates/${candidate.id}`);
    await page.getByRole("main").getByRole("button", { name: "Personio" }).tap();
    const popover = page.getByRole("dialog", { name: "Personio" });
    await expect(popover).toBeVisible();
    await expect(popover).toContainText(`Sent to Personio by ${recruiter.name} on`);
    await expect(popover.getByRole("link", { name: /Open in Personio/ })).toHaveAttribute("href", /\/staff\/details\/4242$/);
    await expect(page).toHaveURL(`/candidates/${candidate.id}`);
    const box = await popover.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });
});
