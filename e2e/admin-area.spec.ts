import { createTestUser, DATABASE_INDEPENDENT, db, expect, signIn, test } from "./fixtures";

// The admin area (issue 24): every settings page in one sidebar, so the top bar keeps only the
// daily work (Candidates, To send, Settings) and stays one line, in German too; on a phone no
// settings page is wider than the screen.

const SETTINGS_PAGES = [
  "/admin/integrations",
  "/admin/integrations/personio",
  "/admin/integrations/personio?tab=fields",
  "/admin/integrations/personio?tab=roles",
  "/admin/integrations/personio?tab=stages",
  "/admin/integrations/ats",
  "/import",
  "/admin/jobs",
  "/admin/api-keys",
  "/admin/users",
  "/admin/users?invite=1",
  "/admin/sso",
  "/admin/background-jobs",
  "/admin/email",
  "/admin/audit",
  "/admin/privacy",
  "/admin/mappings",
  "/admin/automatic-send",
];

test.describe("the admin area", DATABASE_INDEPENDENT, () => {
  test("at 1440 px in German the top bar is one line, and the settings sit in the sidebar", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const admin = await createTestUser("admin", { name: "Maximiliane Mustermann-Schneiderhahn" });
    await db.user.update({ where: { id: admin.id }, data: { locale: "de" } });
    await signIn(page, admin);
    for (const path of ["/candidates", "/admin/users"]) {
      await page.goto(path);
      const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
      await expect(nav.getByRole("link")).toHaveText(["Kandidat:innen", /^Zu senden/, /Einstellungen/]);
      // One line: the bar's row is no taller than its tallest item plus its padding (a wrapped
      // bar is at least two items tall), and every link sits on the same line.
      const { row, tallest, tops } = await page
        .getByRole("banner")
        .locator(":scope > div")
        .evaluate((element) => {
          const children = [...element.children].map((child) => child.getBoundingClientRect());
          const links = [...element.querySelectorAll("nav a")].map((link) =>
            Math.round(link.getBoundingClientRect().top),
          );
          return {
            row: element.getBoundingClientRect().height,
            tallest: Math.max(...children.filter((box) => box.height > 0).map((box) => box.height)),
            tops: [...new Set(links)],
          };
        });
      expect(row, `${path}: the top bar is ${row} px high`).toBeLessThanOrEqual(tallest + 24 + 1);
      expect(tops, `${path}: the links are on one line`).toHaveLength(1);
    }
    // Settings is the current entry on every settings page; its sidebar names them all.
    await expect(
      page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: /Einstellungen/ }),
    ).toHaveAttribute("aria-current", "page");
    const sidebar = page.getByRole("navigation", { name: "Einstellungen", exact: true });
    await expect(sidebar.getByRole("link")).toHaveText([
      "Marktplatz",
      "Import",
      "Stellen",
      "API-Schlüssel",
      "Nutzer:innen",
      "Single Sign-on",
      "Hintergrundaufträge",
      "E-Mail",
      "Datenschutz",
      "Wertezuordnungen",
      "Automatisch senden",
      "Protokoll",
    ]);
    await expect(sidebar.getByRole("link", { name: "Nutzer:innen" })).toHaveAttribute("aria-current", "page");
    // "Invite" at the top right, beside the title.
    const invite = page.getByRole("link", { name: "Einladen", exact: true });
    const title = page.getByRole("heading", { level: 1 });
    const [inviteBox, titleBox] = [await invite.boundingBox(), await title.boundingBox()];
    expect(inviteBox!.x).toBeGreaterThan(titleBox!.x + titleBox!.width);
    expect(Math.abs(inviteBox!.y - titleBox!.y)).toBeLessThan(titleBox!.height);
  });
});

// One test per page: the walk as one test outgrew its minute on a busy machine.
test.describe("at 390 px no settings page is wider than the screen", DATABASE_INDEPENDENT, () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  for (const path of SETTINGS_PAGES) {
    test(path, async ({ page }) => {
      await signIn(page, await createTestUser("admin"));
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Settings", exact: true })).toBeVisible();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `${path} is ${scrollWidth} px wide`).toBeLessThanOrEqual(390);
    });
  }
});
