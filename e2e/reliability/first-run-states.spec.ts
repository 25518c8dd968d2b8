import type { Browser, Page } from "@playwright/test";

import { DEFAULT_FIELD_CONFIG } from "@/lib/personio-fields/config";
import { connectDemoIntegration } from "@/scripts/lib/personio-demo";

import {
  createTestCandidate,
  createTestUser,
  DATABASE_INDEPENDENT,
  expect,
  signIn,
  test,
  type TestUser,
} from "../fixtures";
import { startAppCluster, type AppCluster } from "../harness/app-cluster";

// A new installation, on its own app process and database (the shared E2E database is never
// empty): what an admin and a recruiter see before anything is set up, the admins' checklist as
// the steps get done, and the nav's To send count after each send, exact because nothing else
// writes here. The tests build on each other, in order.
test.describe.configure({ mode: "serial" });

let cluster: AppCluster;
let admin: TestUser;
let recruiter: TestUser;

test.beforeAll(async () => {
  cluster = await startAppCluster({ name: "reliability-first-run-states", instances: 1, empty: true });
  admin = await createTestUser("admin", { client: cluster.db });
});

test.afterAll(async () => {
  await cluster?.stop();
});

async function openAs(browser: Browser, user: TestUser): Promise<Page> {
  const context = await browser.newContext({ baseURL: cluster.apps[0]!.url });
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

test(
  "nothing set up: the admin's checklist has four open steps; the empty list and To send say what to do, with links for admins only",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const page = await openAs(browser, admin);
    await page.goto("/candidates");
    const checklist = page.getByRole("region", { name: "Get Handoff ready" });
    await expect(checklist).toContainText("0 of 4 steps done");
    for (const [step, href] of [
      ["Connect Personio", "/admin/integrations/personio"],
      ["Add users", "/admin/users"],
      ["Bring candidates in", "/import"],
      ["Choose the fields", "/admin/integrations/personio"],
    ])
      await expect(checklist.getByRole("link", { name: step })).toHaveAttribute("href", href!);

    const empty = page.getByRole("region", { name: "No candidates yet" });
    await expect(empty.getByRole("link", { name: "Import a spreadsheet" })).toHaveAttribute("href", "/import");
    await expect(empty.getByRole("link", { name: "Use the REST API" })).toHaveAttribute("href", "/admin/api-keys");
    await expect(empty.getByRole("link", { name: "Connect an ATS" })).toHaveAttribute(
      "href",
      "/admin/integrations/ats",
    );
    await expect(page.getByRole("searchbox")).toHaveCount(0);

    await page.goto("/to-send");
    const notice = page.getByRole("status").filter({ hasText: "Personio is not connected yet" });
    await expect(notice.getByRole("link", { name: "Connect Personio" })).toHaveAttribute(
      "href",
      "/admin/integrations/personio",
    );
    // On a phone, neither page is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/candidates", "/to-send"]) {
      await page.goto(path);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, `${path} is ${scrollWidth} px wide`).toBeLessThanOrEqual(innerWidth);
    }
    await page.context().close();

    recruiter = await createTestUser("recruiter", { client: cluster.db });
    const recruiterPage = await openAs(browser, recruiter);
    await recruiterPage.goto("/candidates");
    const recruiterEmpty = recruiterPage.getByRole("region", { name: "No candidates yet" });
    await expect(recruiterEmpty).toContainText("Ask an admin to bring them in.");
    await expect(recruiterEmpty.getByRole("link", { name: "Import a spreadsheet" })).toHaveCount(0);
    await expect(recruiterPage.getByRole("region", { name: "Get Handoff ready" })).toHaveCount(0);
    await recruiterPage.goto("/to-send");
    const recruiterNotice = recruiterPage.getByRole("status").filter({ hasText: "Personio is not connected yet" });
    await expect(recruiterNotice).toContainText("Ask an admin to connect it.");
    await expect(recruiterNotice.getByRole("link")).toHaveCount(0);
    await recruiterPage.context().close();
  },
);

test(
  "the checklist ticks off each step as it is done, and is gone when all are",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const page = await openAs(browser, admin);
    const checklist = page.getByRole("region", { name: "Get Handoff ready" });
    const expectDone = async (count: number, done: string[]) => {
      await page.goto("/candidates");
      await expect(checklist).toContainText(`${count} of 4 steps done`);
      for (const step of done) {
        await expect(checklist.getByRole("listitem").filter({ hasText: step })).toContainText("(Done)");
        await expect(checklist.getByRole("link", { name: step })).toHaveCount(0);
      }
    };

    // The recruiter of the test before is a second user.
    await expectDone(1, ["Add users"]);
    await createTestCandidate({ stage: "APPLIED" }, cluster.db);
    await expectDone(2, ["Add users", "Bring candidates in"]);
    await expect(page.getByRole("region", { name: "No candidates yet" })).toHaveCount(0);
    await connectDemoIntegration(cluster.db, cluster.secrets.encryptionKey);
    await expectDone(3, ["Add users", "Bring candidates in", "Connect Personio"]);
    await cluster.db.personioFieldConfig.create({ data: { fields: JSON.stringify(DEFAULT_FIELD_CONFIG) } });
    await page.goto("/candidates");
    await expect(page.getByRole("heading", { name: "Candidates", level: 1 })).toBeVisible();
    await expect(checklist).toHaveCount(0);
    await page.context().close();
  },
);

test(
  "Review & send of three: the nav's To send count follows each send, and the end counts three sent",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const hires = [];
    for (const firstName of ["Rosa", "Sami", "Till"]) hires.push(await createTestCandidate({ firstName }, cluster.db));
    const page = await openAs(browser, recruiter);
    await page.goto("/to-send");
    const navLink = page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: /^To send/ });
    await expect(navLink).toContainText("3 waiting");
    await page.getByLabel("Select all on this page").check();
    await page.getByRole("button", { name: "Review & send (3)" }).click();

    for (const [index, waiting] of ["2 waiting", "1 waiting", null].entries()) {
      await test.step(`send ${index + 1} of 3`, async () => {
        await expect(page.getByText(`Candidate ${index + 1} of 3`)).toBeVisible();
        await page.getByRole("button", { name: "Send", exact: true }).click();
        if (waiting) await expect(navLink).toContainText(waiting);
        else await expect(navLink).toHaveText("To send");
      });
    }
    await expect(page.getByTestId("review-summary").getByRole("status")).toHaveText(
      "3 sent, 0 linked, 0 skipped, 0 failed.",
    );
    expect(
      await cluster.db.handoff.count({ where: { status: "SENT", candidateId: { in: hires.map((c) => c.id) } } }),
    ).toBe(3);
    await page.context().close();
    console.log("first run: empty states and checklist from the database; nav count 3 → 2 → 1 → 0 over three sends");
  },
);
