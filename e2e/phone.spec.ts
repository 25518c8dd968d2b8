import {
  createTestCandidate,
  createTestJob,
  createTestUser,
  DATABASE_INDEPENDENT,
  db,
  expect,
  signIn,
  test,
  uniqueSuffix,
} from "./fixtures";

// A phone (390 × 844): nothing scrolls sideways, the nav folds away, who sent a profile and when is
// written out on it (no hover on a phone), and a tap on the badge opens the employee.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const ADMIN_PAGES = [
  "/candidates",
  "/to-send",
  "/admin/integrations",
  "/admin/integrations/personio",
  "/admin/users",
  "/admin/audit",
];

test.describe("on a phone", DATABASE_INDEPENDENT, () => {
  test("no admin page is wider than the screen, and the nav opens from its Menu button", async ({ page }) => {
    const admin = await createTestUser("admin");
    const candidate = await createTestCandidate();
    await signIn(page, admin);
    for (const path of [...ADMIN_PAGES, `/candidates/${candidate.id}`]) {
      await test.step(path, async () => {
        await page.goto(path);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
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
    // The admin pages are behind Settings (issue 24), in the settings sidebar.
    await nav.getByRole("link", { name: "Settings" }).tap();
    await expect(page).toHaveURL("/admin/integrations");
    await expect(nav).toBeHidden();
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" }).tap();
    await expect(page).toHaveURL("/admin/audit");
  });

  test("the candidate list shows four candidates or more at once, and a chosen filter applies at once", async ({
    page,
  }) => {
    const job = await createTestJob(`Barista ${uniqueSuffix()}`);
    for (const stage of ["OFFER", "HIRED", "HIRED", "HIRED", "HIRED"])
      await createTestCandidate({ jobId: job.id, stage });
    await signIn(page, await createTestUser("recruiter"));
    await page.goto("/candidates");
    const candidates = page.getByRole("row").filter({ has: page.getByRole("link") });
    await expect(candidates).not.toHaveCount(0);
    const boxes = await Promise.all((await candidates.all()).map((row) => row.boundingBox()));
    const whollyOnScreen = boxes.filter((box) => box && box.y >= 0 && box.y + box.height <= 844);
    expect(whollyOnScreen.length, "candidates wholly on the first screen").toBeGreaterThanOrEqual(4);

    await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden();
    await page.getByLabel("Job").selectOption({ label: job.title });
    await expect(page).toHaveURL(new RegExp(`job=${job.id}`));
    await expect(page.getByText("5 candidates", { exact: true })).toBeVisible();
    await page.getByLabel("Stage").selectOption({ label: "Offer" });
    await expect(page).toHaveURL(new RegExp(`job=${job.id}&stage=OFFER`));
    await expect(page.getByText("1 candidate", { exact: true })).toBeVisible();
  });

  test("who sent the profile and when is written out beside the badge, on screen without a tap; a tap on the badge opens the employee", async ({
    page,
  }) => {
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate();
    await db.handoff.create({
      data: {
        candidateId: candidate.id,
        status: "SENT",
        personioEmployeeId: 4242,
        personioSubdomain: "demo",
        sentById: recruiter.id,
        sentAt: new Date(),
      },
    });
    await signIn(page, recruiter);
    await page.goto(`/candidates/${candidate.id}`);
    const sentBy = page.getByTestId("personio-sent-by");
    await expect(sentBy).toContainText(`Sent to Personio by ${recruiter.name} on`);
    await expect(sentBy).toBeInViewport({ ratio: 1 });
    const panel = page.getByRole("region", { name: "Personio", exact: true });
    await expect(panel.getByTestId("personio-panel-by")).toHaveText(recruiter.name);
    await expect(panel.getByTestId("personio-panel-employee-id")).toHaveText("4242");
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);

    const badge = page.getByRole("main").getByRole("link", { name: /^Personio/ });
    await expect(badge).toBeInViewport({ ratio: 1 });
    const [tab] = await Promise.all([page.context().waitForEvent("page"), badge.tap()]);
    await tab.waitForLoadState("domcontentloaded");
    expect(tab.url()).toMatch(/\/staff\/details\/4242$/);
    await tab.close();
    // A tap is no hover: no tooltip left over the profile.
    await expect(page).toHaveURL(`/candidates/${candidate.id}`);
    await expect(page.getByRole("tooltip")).toBeHidden();
  });
});

// The narrowest phones still common (360 px): every page, the ones with wide tables included, fits;
// tables stack into cards or scroll inside their own box.
test.describe("on a 360 px phone", DATABASE_INDEPENDENT, () => {
  test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

  const PAGES = [
    ...ADMIN_PAGES,
    "/admin/users?q=e2e",
    "/admin/jobs",
    "/admin/api-keys",
    "/admin/background-jobs",
    "/admin/email",
    "/admin/sso",
    "/import",
    "/account",
    "/candidates?q=nobody-at-all",
  ];

  test("no page is wider than 360 px", async ({ page }) => {
    const admin = await createTestUser("admin");
    const candidate = await createTestCandidate({ notes: "A long note without spaces: ".padEnd(200, "x") });
    // The newest audit entry has values without spaces (an import's checksum and file name):
    // they must wrap in the audit log's cards, as other specs' entries would otherwise show by chance.
    await db.auditLog.create({
      data: {
        actorId: admin.id,
        action: "import.run",
        targetType: "import",
        targetId: "phone-spec",
        outcome: "success",
        details: JSON.stringify({
          fileName: "".padEnd(80, "bewerber_"),
          fileSha256: "da4359329c10e6ae8f012858d01c94879c720ab4a63b256058a3280fb6672dde",
          rows: 1,
        }),
      },
    });
    await signIn(page, admin);
    for (const path of [...PAGES, `/candidates/${candidate.id}`]) {
      await test.step(path, async () => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, `${path} is ${scrollWidth} px wide`).toBeLessThanOrEqual(360);
      });
    }
  });

  test("the candidate list and the users become cards: nothing cut off, the users' values with their labels", async ({
    page,
  }) => {
    const admin = await createTestUser("admin");
    const candidate = await createTestCandidate();
    await signIn(page, admin);
    await page.goto(`/candidates?q=${encodeURIComponent(candidate.email)}`);
    const row = page.getByRole("row", { name: new RegExp(candidate.lastName) });
    await expect(row).toBeVisible();
    const email = row.getByRole("cell").filter({ hasText: candidate.email });
    // A compact card (issue 24: four candidates per phone screen): the email spans the card, not a
    // column, and needs no label to be read as one.
    expect(await email.evaluate((cell) => getComputedStyle(cell).display)).toBe("block");
    await expect(email).toBeInViewport({ ratio: 1 });

    await page.goto(`/admin/users?q=${encodeURIComponent(admin.email)}`);
    const userRow = page.getByRole("row", { name: new RegExp(admin.name) });
    await expect(userRow).toBeVisible();
    for (const cell of await userRow.getByRole("cell").all()) await expect(cell).toBeInViewport({ ratio: 1 });
    const userEmail = userRow.getByRole("cell").filter({ hasText: admin.email });
    expect(await userEmail.evaluate((cell) => getComputedStyle(cell, "::before").content)).toBe('"Email"');
  });
});
