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
} from "./fixtures";
import { addSource } from "./webhooks";

// Every page, in both languages, on a desktop and a phone, checked with axe-core against WCAG 2.1
// A/AA. One walk per language and size instead of axe in every test keeps the suite fast.
// A new page goes into SIGNED_OUT_PAGES or SIGNED_IN_PAGES (with the data it needs in Records).

type Records = { hired: string; sent: string; importId: string; sourceId: string };

const SIGNED_OUT_PAGES = ["/sign-in", "/set-password/no-such-token"];

const SIGNED_IN_PAGES: ((records: Records) => string)[] = [
  () => "/candidates",
  ({ hired }) => `/candidates/${hired}`,
  ({ sent }) => `/candidates/${sent}`,
  () => "/to-send",
  ({ hired }) => `/to-send/review?ids=${hired}`,
  () => "/import",
  ({ importId }) => `/import/${importId}`,
  () => "/account",
  () => "/admin/users",
  () => "/admin/audit",
  () => "/admin/integrations",
  () => "/admin/integrations/personio",
  () => "/admin/integrations/ats",
  () => "/admin/integrations/ats/new?kind=greenhouse",
  ({ sourceId }) => `/admin/integrations/ats/${sourceId}`,
  () => "/admin/integrations/ats/intake",
  () => "/admin/jobs",
  () => "/admin/sso",
  () => "/admin/api-keys",
];

const SCREENS = [
  { name: "desktop", use: { viewport: { width: 1440, height: 900 } } },
  { name: "phone", use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
];
const LANGUAGES = [
  { locale: "en", browserLocale: "en-US" },
  { locale: "de", browserLocale: "de-DE" },
] as const;

async function createRecords(request: Parameters<typeof addSource>[0], adminId: string): Promise<Records> {
  const hired = await createTestCandidate({ phone: "+49 30 1234567", notes: "Starts in March." });
  const sent = await createTestCandidate();
  await db.handoff.create({
    data: {
      candidateId: sent.id,
      status: "SENT",
      personioEmployeeId: 4242,
      personioSubdomain: "demo",
      sentById: adminId,
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
      createdById: adminId,
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
  const source = await addSource(request, "greenhouse", `Greenhouse a11y ${uniqueSuffix()}`);
  return { hired: hired.id, sent: sent.id, importId: finishedImport.id, sourceId: source.sourceId };
}

for (const language of LANGUAGES) {
  for (const screen of SCREENS) {
    test.describe(`in ${language.locale} on a ${screen.name}`, DATABASE_INDEPENDENT, () => {
      test.use({ ...screen.use, locale: language.browserLocale });

      test("every page passes axe-core's WCAG 2.1 A/AA checks", async ({ page, request }) => {
        for (const path of SIGNED_OUT_PAGES) {
          await test.step(path, async () => {
            await page.goto(path);
            await expect(page.locator("html")).toHaveAttribute("lang", language.locale);
            await expectAccessible(page, path);
          });
        }

        const admin = await createTestUser("admin");
        await db.user.update({ where: { id: admin.id }, data: { locale: language.locale } });
        const records = await createRecords(request, admin.id);
        await signIn(page, admin);
        for (const pathFor of SIGNED_IN_PAGES) {
          const path = pathFor(records);
          await test.step(path, async () => {
            await page.goto(path);
            await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
            await expectAccessible(page, path);
          });
        }
      });
    });
  }
}
