import { expectAccessible } from "./accessibility";
import {
  createTestCandidate,
  createTestUser,
  DATABASE_INDEPENDENT,
  db,
  expect,
  signIn,
  test,
  uniqueSuffix,
  type TestUser,
} from "./fixtures";
import { openSendDialog } from "./personio";
import { addSource } from "./webhooks";

// Every page, in both languages, on a desktop and a phone, checked with axe-core against WCAG 2.1
// A/AA: one dedicated walk instead of axe in every test keeps the suite fast. A new page is one
// more line in PAGES (with the record it shows in Records, when it needs one).

type Records = { hired: string; sent: string; importId: string; sourceId: string };
type PageToCheck = { name: string; signedIn: boolean; path: (records: Records) => string };

const page = (name: string, path: (records: Records) => string = () => name): PageToCheck => ({
  name,
  signedIn: true,
  path,
});

const PAGES: PageToCheck[] = [
  { name: "/sign-in", signedIn: false, path: () => "/sign-in" },
  { name: "/set-password/[unknown token]", signedIn: false, path: () => "/set-password/no-such-token" },
  { name: "/forgot-password", signedIn: false, path: () => "/forgot-password" },
  page("/candidates"),
  page("/candidates/[hired]", ({ hired }) => `/candidates/${hired}`),
  page("/candidates/[sent]", ({ sent }) => `/candidates/${sent}`),
  page("/to-send"),
  page("/to-send/review", ({ hired }) => `/to-send/review?ids=${hired}`),
  page("/import"),
  page("/import/[done]", ({ importId }) => `/import/${importId}`),
  page("/account"),
  page("/admin/users"),
  page("/admin/audit"),
  page("/admin/integrations"),
  page("/admin/integrations/personio"),
  page("/admin/integrations/ats"),
  page("/admin/integrations/ats/new?kind=greenhouse"),
  page("/admin/integrations/ats/[source]", ({ sourceId }) => `/admin/integrations/ats/${sourceId}`),
  page("/admin/integrations/ats/intake"),
  page("/admin/jobs"),
  page("/admin/sso"),
  page("/admin/api-keys"),
  page("/admin/background-jobs"),
  page("/admin/email"),
  page("/admin/privacy"),
  page("/admin/mappings"),
  page("/admin/automatic-send"),
];

// Each page once per language and once per screen size, paired (English on a desktop, German on
// a phone): the same coverage of languages and layouts as all four combinations, at half the
// suite's time (each axe pass costs seconds of CPU on CI's two cores).
const WALKS = [
  {
    locale: "en",
    browserLocale: "en-US",
    screen: "desktop",
    use: { viewport: { width: 1440, height: 900 } },
  },
  {
    locale: "de",
    browserLocale: "de-DE",
    screen: "phone",
    use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  },
] as const;

async function createRecords(request: Parameters<typeof addSource>[0], admin: TestUser): Promise<Records> {
  const hired = await createTestCandidate({ phone: "+49 30 1234567", notes: "Starts in March." });
  const sent = await createTestCandidate();
  await db.handoff.create({
    data: {
      candidateId: sent.id,
      status: "SENT",
      personioEmployeeId: 4242,
      personioSubdomain: "demo",
      sentById: admin.id,
      sentAt: new Date(),
    },
  });
  const finishedImport = await db.candidateImport.create({
    data: {
      fileName: `hires-${uniqueSuffix()}.csv`,
      fileSize: 120,
      fileSha256: uniqueSuffix().padEnd(64, "0"),
      format: "csv",
      encoding: "utf-8",
      delimiter: ",",
      externalSource: "spreadsheet",
      headers: JSON.stringify(["First name", "Last name", "Email", "Job"]),
      status: "DONE",
      totalRows: 2,
      processedRows: 2,
      createdCount: 1,
      rejectedCount: 1,
      createdById: admin.id,
      finishedAt: new Date(),
      rejections: {
        create: {
          rowNumber: 3,
          reasons: JSON.stringify(["invalid_email"]),
          cells: JSON.stringify(["A", "B", "x@", "Job"]),
        },
      },
    },
  });
  // The background jobs page with a row to retry (its import is gone: a retry finds nothing to do).
  await db.backgroundJob.create({
    data: {
      kind: "import",
      key: `a11y-${uniqueSuffix()}`,
      payload: JSON.stringify({ importId: `a11y-gone-${uniqueSuffix()}` }),
      status: "FAILED",
      attempts: 3,
      lastError: "unexpected",
      finishedAt: new Date(),
    },
  });
  // The value mappings page with a row (its ATS value is this walk's own: no hire is mapped by it).
  const atsDepartment = `Engineering a11y ${uniqueSuffix()}`;
  await db.valueMapping.create({
    data: {
      source: "*",
      fieldKey: "department",
      atsValue: atsDepartment,
      atsValueKey: atsDepartment.toLowerCase(),
      personioValue: "Engineering",
    },
  });
  const source = await addSource(request, "greenhouse", `Greenhouse a11y ${uniqueSuffix()}`);
  return { hired: hired.id, sent: sent.id, importId: finishedImport.id, sourceId: source.sourceId };
}

for (const walk of WALKS) {
  test.describe(`axe-core, WCAG 2.1 A/AA, in ${walk.locale} on a ${walk.screen}`, DATABASE_INDEPENDENT, () => {
    test.use({ ...walk.use, locale: walk.browserLocale });

    // One admin in this language and the records the pages show, per worker.
    let admin: TestUser;
    let records: Records;
    test.beforeAll(async ({ playwright }) => {
      admin = await createTestUser("admin");
      await db.user.update({ where: { id: admin.id }, data: { locale: walk.locale } });
      const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
      records = await createRecords(request, admin);
      await request.dispose();
    });

    for (const pageToCheck of PAGES) {
      test(pageToCheck.name, async ({ page: browserPage }) => {
        if (pageToCheck.signedIn) await signIn(browserPage, admin);
        await browserPage.goto(pageToCheck.path(records));
        await expect(browserPage.locator("html")).toHaveAttribute("lang", walk.locale);
        await expect(browserPage.getByRole("heading", { level: 1 })).toBeVisible();
        await expectAccessible(browserPage, pageToCheck.name);
      });
    }
  });
}

// What axe cannot see: where the keyboard goes.
test.describe("keyboard focus", () => {
  test(
    "the first Tab reaches Skip to content, which moves focus past the header",
    DATABASE_INDEPENDENT,
    async ({ page }) => {
      await signIn(page, await createTestUser("recruiter"));
      await page.goto("/candidates");
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Skip to content" });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("main")).toBeFocused();
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
    },
  );

  test(
    "the Send dialog takes focus when it opens, and keeps it when its form arrives",
    DATABASE_INDEPENDENT,
    async ({ page }) => {
      const candidate = await createTestCandidate();
      await signIn(page, await createTestUser("recruiter"));
      const dialog = await openSendDialog(page, candidate.id);
      await expect(dialog.getByLabel("First name")).toBeFocused();
    },
  );
});
