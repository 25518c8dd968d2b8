import { createTestCandidate, createTestUser, DATABASE_INDEPENDENT, db, expect, signIn, test } from "./fixtures";
import { englishOnlyPhrases, expectNoEnglish, findEnglish } from "./i18n";

// Language and time zone are each person's own: chosen in the profile menu, in effect on the next
// page, server-rendered pages included. The browser here asks for English (Accept-Language en-US).
test.describe("language and time zone", DATABASE_INDEPENDENT, () => {
  test("a person switches to German and to Tokyo time in the profile menu; the next page shows both", async ({
    page,
    context,
  }) => {
    const user = await createTestUser("recruiter");
    // Hired: a stage that may be sent, so the profile has its More menu (issue 13: none in other stages).
    const candidate = await createTestCandidate({ firstName: "Mia", stage: "HIRED" });
    // Updated at 08:30 UTC: 09:30 in Berlin (the default zone), 17:30 in Tokyo.
    const updatedAt = new Date("2026-01-15T08:30:00Z");
    await db.candidate.update({ where: { id: candidate.id }, data: { updatedAt } });
    await signIn(page, user);
    const english = englishOnlyPhrases();

    await test.step("before any choice: English (the browser's language), Berlin time (the default zone)", async () => {
      await page.goto(`/candidates/${candidate.id}`);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      const updated = page.getByRole("definition").filter({ hasText: "2026" }).last();
      await expect(updated).toHaveText(/Jan 15, 2026, 9:30\sAM/);
      expect(
        await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true, timeZone: true } }),
      ).toEqual({ locale: null, timeZone: null });
      // The check used on German pages below does see English where there is English.
      expect(await findEnglish(page, english)).toEqual(
        expect.arrayContaining(
          ["Back to candidates", "Last updated", "More", "Details"].filter((phrase) => english.includes(phrase)),
        ),
      );
      expect((await findEnglish(page, english)).length).toBeGreaterThan(8);
    });

    await test.step("the profile menu shows who is signed in and offers both choices", async () => {
      await page.getByRole("button", { name: `Profile and settings of ${user.name}` }).click();
      const menu = page.getByRole("region", { name: "Your settings" });
      await expect(menu.getByText(`Signed in as ${user.name}`)).toBeVisible();
      await expect(menu.getByText("Role: Recruiter")).toBeVisible();
      await expect(menu.getByLabel("Language")).toHaveValue("en");
      await expect(menu.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
      await expect(menu.getByLabel("Time zone").locator("option")).not.toHaveCount(0);
      expect(await menu.getByLabel("Time zone").locator("option").count()).toBeGreaterThan(300);
      // Searchable (by place, zone or what the language calls it), current IANA names only,
      // grouped by region, each with its offset.
      const zoneSearch = menu.getByRole("searchbox", { name: "Find a city, country or offset" });
      await zoneSearch.fill("kolkata");
      await expect(menu.getByLabel("Time zone")).toHaveValue("Asia/Kolkata");
      await expect(menu.getByLabel("Time zone").locator("option")).toHaveText(["Kolkata (GMT+5:30)"]);
      await zoneSearch.fill("central european");
      await expect(
        menu.getByLabel("Time zone").locator('optgroup[label="Europe"] > option[value="Europe/Berlin"]'),
      ).toHaveText(/^Berlin \(GMT\+[12]\)$/);
      await zoneSearch.fill("");
      expect(await menu.getByLabel("Time zone").locator("option").count()).toBeGreaterThan(300);
      await expect(menu.getByLabel("Time zone").locator('option[value="Asia/Calcutta"]')).toHaveCount(0);

      await menu.getByLabel("Language").selectOption({ label: "Deutsch" });
      await menu.getByLabel("Time zone").selectOption("Asia/Tokyo");
      await menu.getByRole("button", { name: "Save" }).click();
      await expect(menu).toBeHidden();
      expect(
        await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true, timeZone: true } }),
      ).toEqual({ locale: "de", timeZone: "Asia/Tokyo" });
    });

    await test.step("the next page is German, with Tokyo time", async () => {
      await page.goto("/candidates");
      await expect(page.getByRole("heading", { name: "Kandidat:innen", level: 1 })).toBeVisible();
      await expectNoEnglish(page, english, "the candidate list after switching");
      await page.goto(`/candidates/${candidate.id}`);
      await expect(page.getByRole("term").filter({ hasText: "Zuletzt aktualisiert" })).toBeVisible();
      const updated = page.getByRole("definition").filter({ hasText: "2026" }).last();
      await expect(updated).toHaveText("15.01.2026, 17:30");
      await expectNoEnglish(page, english, "the profile after switching");
    });

    await test.step("the menu now speaks German and shows the saved choices", async () => {
      await page.getByRole("button", { name: `Profil und Einstellungen von ${user.name}` }).click();
      const menu = page.getByRole("region", { name: "Deine Einstellungen" });
      await expect(menu.getByLabel("Sprache")).toHaveValue("de");
      await expect(menu.getByLabel("Zeitzone")).toHaveValue("Asia/Tokyo");
      await expect(menu.getByText("Rolle: Recruiter:in")).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(menu).toBeHidden();
    });

    await test.step("signed out, the sign-in page keeps the language chosen in this browser", async () => {
      await page.getByRole("button", { name: `Profil und Einstellungen von ${user.name}` }).click();
      await page.getByRole("button", { name: "Abmelden" }).click();
      await expect(page).toHaveURL(/\/sign-in/);
      await expect(page.getByRole("heading", { name: "Anmelden", exact: true })).toBeVisible();
      expect((await context.cookies()).find((cookie) => cookie.name === "handoff-locale")?.value).toBe("de");
    });

    await test.step("and back to English", async () => {
      await signIn(page, user);
      await page.goto("/candidates");
      await page.getByRole("button", { name: `Profil und Einstellungen von ${user.name}` }).click();
      const menu = page.getByRole("region", { name: "Deine Einstellungen" });
      await menu.getByLabel("Sprache").selectOption("en");
      await menu.getByRole("button", { name: "Speichern" }).click();
      await expect(page.getByRole("heading", { name: "Candidates", level: 1 })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    });
  });

  test("until a person chooses, the browser's Accept-Language decides, then the default (English)", async ({
    request,
  }) => {
    const langOf = async (acceptLanguage: string) => {
      const html = await (await request.get("/sign-in", { headers: { "accept-language": acceptLanguage } })).text();
      return { lang: /<html lang="([^"]+)"/.exec(html)?.[1], title: /<h1[^>]*>([^<]+)</.exec(html)?.[1] };
    };
    expect(await langOf("de-DE,de;q=0.9,en;q=0.8")).toEqual({ lang: "de", title: "Anmelden" });
    expect(await langOf("fr-FR,de;q=0.5")).toEqual({ lang: "de", title: "Anmelden" });
    expect(await langOf("en-US")).toEqual({ lang: "en", title: "Sign in" });
    expect(await langOf("fr-FR,es;q=0.8")).toEqual({ lang: "en", title: "Sign in" });
  });

  test("a person who has not chosen sees the language their browser asks for", async ({ browser }) => {
    const user = await createTestUser("interviewer");
    const context = await browser.newContext({ locale: "de-AT" });
    const page = await context.newPage();
    await signIn(page, user);
    await page.goto("/candidates");
    await expect(page.getByRole("heading", { name: "Kandidat:innen", level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await context.close();
  });
});

// Email notifications are each person's own too, on the Account page: only those the person's
// role allows, with native controls (arrow keys move between the modes).
test.describe("email notifications", DATABASE_INDEPENDENT, () => {
  test("a recruiter chooses 'At once' by keyboard and it is kept; an admin also switches off failed sends", async ({
    page,
  }) => {
    const recruiter = await createTestUser("recruiter");
    await signIn(page, recruiter);
    await page.goto("/account");
    const modes = page.getByRole("group", { name: "New hires waiting to be sent" });
    await expect(modes.getByRole("radio", { name: "Daily digest (8:00 your time)" })).toBeChecked();
    // A recruiter manages no integration: no switches for failed sends or the connection.
    await expect(page.getByRole("checkbox", { name: "A send to Personio failed" })).toHaveCount(0);
    await modes.getByRole("radio", { name: "Daily digest (8:00 your time)" }).focus();
    await page.keyboard.press("ArrowLeft");
    await expect(modes.getByRole("radio", { name: "At once" })).toBeChecked();
    await page.getByRole("button", { name: "Save notifications" }).click();
    await expect(page.getByText("Your notification settings are saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("radio", { name: "At once" })).toBeChecked();
    expect(await db.user.findUniqueOrThrow({ where: { id: recruiter.id }, select: { notifyNewHires: true } })).toEqual({
      notifyNewHires: "IMMEDIATE",
    });

    const admin = await createTestUser("admin");
    await page.context().clearCookies();
    await signIn(page, admin);
    await page.goto("/account");
    const failedSends = page.getByRole("checkbox", { name: "A send to Personio failed" });
    await expect(failedSends).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "The Personio connection is failing" })).toBeChecked();
    await failedSends.uncheck();
    await page.getByRole("button", { name: "Save notifications" }).click();
    await expect(page.getByText("Your notification settings are saved.")).toBeVisible();
    expect(
      await db.user.findUniqueOrThrow({
        where: { id: admin.id },
        select: { notifySendFailures: true, notifyConnection: true },
      }),
    ).toEqual({ notifySendFailures: false, notifyConnection: true });
  });
});
