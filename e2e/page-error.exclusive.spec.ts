import { createTestUser, DATABASE_INDEPENDENT, db, expect, signIn, test } from "./fixtures";

// An unexpected server error in a page: the person sees it in their language, inside the app's
// frame, with a reference for the admin and a working "try again"; nothing of the error itself.
// The error is real: the jobs table is renamed under the running app for a moment. Exclusive,
// since every page that lists candidates fails meanwhile.
test(
  "a page that fails shows a German error page with a reference, and Try again recovers",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const recruiter = await createTestUser("recruiter");
    await db.user.update({ where: { id: recruiter.id }, data: { locale: "de" } });
    await signIn(page, recruiter);
    await page.goto("/candidates");
    await expect(page.getByRole("heading", { name: "Kandidat:innen", level: 1 })).toBeVisible();

    await db.$executeRawUnsafe('ALTER TABLE "Job" RENAME TO "JobHiddenByTest"');
    try {
      const response = await page.goto("/candidates");
      expect(response?.status()).toBe(500);
      const alert = page
        .getByRole("alert")
        .filter({ has: page.getByRole("heading", { name: "Diese Seite konnte nicht angezeigt werden" }) });
      await expect(alert).toBeVisible();
      await expect(alert).toContainText("Bei uns ist etwas schiefgelaufen.");
      await expect(alert).toContainText(/Referenz: \S+/);
      // The frame stays: the navigation is there to go elsewhere.
      await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
      // Nothing of the error reaches the browser: no table name, no driver, no stack.
      const html = await page.content();
      for (const leak of ["JobHiddenByTest", "no such table", "does not exist", "prisma", "at async"])
        expect(html).not.toContain(leak);
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE "JobHiddenByTest" RENAME TO "Job"');
    }

    await page.getByRole("button", { name: "Erneut versuchen" }).click();
    await expect(page.getByRole("heading", { name: "Kandidat:innen", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Diese Seite konnte nicht angezeigt werden" })).toHaveCount(0);
  },
);
