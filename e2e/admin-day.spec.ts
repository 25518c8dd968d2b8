import { createTestUser, DATABASE_INDEPENDENT, db, expect, signIn, test, uniqueSuffix } from "./fixtures";

// The admin's day on the Users page: finding people as they are typed, seeing who signs in, and
// one current message rather than a stack of stale ones.
test.describe("users page", () => {
  test("search finds people however their name is typed, and shows each person's last sign-in", async ({
    page,
    browser,
  }) => {
    const suffix = uniqueSuffix();
    const admin = await createTestUser("admin");
    const mueller = await createTestUser("recruiter", { name: `Jürgen Müller ${suffix}` });
    const oeztuerk = await createTestUser("interviewer", { name: `Ayşe Öztürk ${suffix}` });
    const bergmann = await createTestUser("hiring_manager", { name: `Lena Bergmann ${suffix}` });

    await test.step("a sign-in by password is recorded", async () => {
      const before = Date.now();
      const context = await browser.newContext();
      await signIn(await context.newPage(), mueller);
      await context.close();
      const stored = await db.user.findUniqueOrThrow({ where: { id: mueller.id }, select: { lastSignInAt: true } });
      expect(stored.lastSignInAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(stored.lastSignInAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      expect((await db.user.findUniqueOrThrow({ where: { id: oeztuerk.id } })).lastSignInAt).toBeNull();
    });

    await signIn(page, admin);
    await page.goto("/admin/users");
    const search = page.getByRole("search").getByLabel("Search users");
    const table = page.getByRole("table");
    const rowOf = (name: string) => table.getByRole("row", { name: new RegExp(name) });
    const searchFor = async (q: string) => {
      await search.fill(q);
      await search.press("Enter");
      await expect(page).toHaveURL(`/admin/users?q=${encodeURIComponent(q).replace(/%20/g, "+")}`);
    };

    for (const q of ["muller", "mueller", "MÜLLER", "ller"]) {
      await test.step(`"${q}" finds Jürgen Müller`, async () => {
        await searchFor(`${q} ${suffix}`);
        await expect(rowOf(mueller.name)).toBeVisible();
        await expect(table.getByRole("row")).toHaveCount(2); // the header row and Müller's
        await expect(page.getByText("1 of ")).toBeVisible();
      });
    }
    for (const q of ["ozturk", "ÖZTÜRK"]) {
      await test.step(`"${q}" finds Ayşe Öztürk`, async () => {
        await searchFor(`${q} ${suffix}`);
        await expect(rowOf(oeztuerk.name)).toBeVisible();
        await expect(table.getByRole("row")).toHaveCount(2);
      });
    }
    await test.step("a part of an email finds its owner", async () => {
      await searchFor(bergmann.email.slice(0, bergmann.email.indexOf("@") + 1));
      await expect(rowOf(bergmann.name)).toBeVisible();
      await expect(table.getByRole("row")).toHaveCount(2);
    });

    await test.step("last sign-in: a date for who signed in, Never for who did not", async () => {
      await searchFor(suffix);
      await expect(table.getByRole("row")).toHaveCount(4);
      const stored = await db.user.findUniqueOrThrow({ where: { id: mueller.id }, select: { lastSignInAt: true } });
      await expect(rowOf(mueller.name).locator("time")).toHaveAttribute("datetime", stored.lastSignInAt!.toISOString());
      await expect(rowOf(mueller.name).locator("time")).toHaveText(/\d{4}/);
      await expect(rowOf(oeztuerk.name)).toContainText("Never");
      await expect(rowOf(bergmann.name)).toContainText("Never");
    });

    await test.step("no match: a clear empty state and a way back to everyone", async () => {
      await searchFor(`nobody-${suffix}`);
      await expect(page.getByText(`No user matches “nobody-${suffix}”`)).toBeVisible();
      await page.getByRole("link", { name: "Show all" }).click();
      await expect(page).toHaveURL("/admin/users");
      await expect(rowOf(mueller.name)).toBeVisible();
      await expect(rowOf(admin.name)).toBeVisible();
    });
  });

  test("one current message: a newer outcome replaces the older one", DATABASE_INDEPENDENT, async ({ page }) => {
    const suffix = uniqueSuffix();
    const admin = await createTestUser("admin");
    const first = await createTestUser("recruiter", { name: `Frieda First ${suffix}` });
    const second = await createTestUser("recruiter", { name: `Sami Second ${suffix}` });
    await signIn(page, admin);
    await page.goto(`/admin/users?q=${suffix}`);
    const main = page.getByRole("main");
    const messages = main.getByRole("status");
    const invited = `Ines Invited ${suffix}`;

    await test.step("an invitation's link is the one message", async () => {
      await page.getByRole("link", { name: "Invite", exact: true }).click(); // top right (issue 24)
      const form = page.getByRole("region", { name: "Invite someone" });
      await form.getByLabel("Name").fill(invited);
      await form.getByLabel("Email").fill(`ines.${suffix}@e2e.handoff.test`);
      await form.getByRole("button", { name: "Create invitation link" }).click();
      await expect(form.getByRole("status")).toHaveText(`${invited} was invited. Send them this link:`);
      await expect(messages).toHaveCount(1);
    });

    await test.step("deactivating someone replaces it", async () => {
      await page.getByRole("button", { name: `Deactivate ${first.name}` }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
      await expect(messages).toHaveText([`${first.name} was deactivated.`]);
      await expect(main.getByRole("region", { name: new RegExp(invited) })).toHaveCount(0);
    });

    await test.step("a role change replaces that", async () => {
      await page.getByLabel(`Role of ${second.name}`).selectOption({ label: "Hiring manager" });
      await page.getByRole("dialog").getByRole("button", { name: "Change role" }).click();
      await expect(messages).toHaveCount(1);
      await expect(messages).toContainText(`${second.name} is now Hiring manager.`);
      expect((await db.user.findUniqueOrThrow({ where: { id: second.id } })).roleId).toBe("hiring_manager");
      expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).active).toBe(false);
    });
  });
});
