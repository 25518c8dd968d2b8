import type { Page } from "@playwright/test";

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
import { sandboxEmployeesWithEmail } from "./personio";

// The candidate profile as a recruiter first meets it (issue 24): a hired profile that is not in
// Personio says so, with the send as its primary action; a sent one shows who sent it and when
// beside its badge and everything Handoff knows in a Personio panel; the badge is one click to
// the employee; a role that cannot send gets no menu that offers nothing.

async function markSent(candidateId: string, sender: TestUser, employeeId: number) {
  await db.handoff.create({
    data: {
      candidateId,
      status: "SENT",
      personioEmployeeId: employeeId,
      personioSubdomain: "demo",
      sentById: sender.id,
      sentAt: new Date(),
    },
  });
}

function strip(page: Page) {
  return page.getByRole("region", { name: "Not in Personio yet" });
}

test.describe("the candidate profile and Personio", DATABASE_INDEPENDENT, () => {
  test("a hired profile not in Personio: the strip's Send to Personio opens the review form with hire date, department and office, and sends; the strip becomes the Personio panel", async ({
    page,
  }) => {
    const recruiter = await createTestUser("recruiter", { name: `Strip Recruiter ${uniqueSuffix()}` });
    const candidate = await createTestCandidate({
      firstName: "Hedda",
      lastName: `Gabler-${uniqueSuffix()}`,
      phone: "+49 30 5555",
      notes: "Starts with the platform team.",
    });
    await db.candidate.update({ where: { id: candidate.id }, data: { startDate: "2027-09-01" } });
    await signIn(page, recruiter);
    await page.goto(`/candidates/${candidate.id}`);

    await test.step("the strip says it is not in Personio yet; More ▾ → Send to Personio is still there", async () => {
      await expect(strip(page)).toContainText("Check the details and send them, once");
      await expect(page.getByRole("main").getByRole("link", { name: /^Personio/ })).toHaveCount(0);
      await page.getByRole("button", { name: "More" }).click();
      const item = page.getByRole("menuitem", { name: "Send to Personio" });
      await expect(item).toBeVisible();
      await expect(item).not.toHaveAttribute("aria-disabled");
      await page.keyboard.press("Escape");
      await expect(item).toHaveCount(0);
    });

    const dialog = page.getByRole("dialog", { name: "Send to Personio" });
    await test.step("its button opens the review form: the first day's fields prefilled, and what is not sent", async () => {
      await strip(page).getByRole("button", { name: "Send to Personio" }).click();
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel("First name")).toHaveValue("Hedda");
      await expect(dialog.getByLabel("Hire date")).toHaveValue("2027-09-01");
      await expect(dialog.getByRole("combobox", { name: "Department" })).toHaveValue("Engineering");
      await expect(dialog.getByRole("combobox", { name: "Office" })).toHaveValue("Berlin");
      await expect(dialog.getByTestId("preview-hireDate")).toHaveText("2027-09-01");
      await expect(dialog.getByTestId("not-sent")).toHaveText("Phone, Source, and Notes: stay in Handoff");
    });

    await test.step("Send creates the employee with those values", async () => {
      await dialog.getByRole("button", { name: "Send" }).click();
      await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
      const [employee, ...others] = await sandboxEmployeesWithEmail(candidate.email);
      expect(others).toHaveLength(0);
      expect(employee).toMatchObject({
        first_name: "Hedda",
        hire_date: "2027-09-01",
        department: "Engineering",
        office: "Berlin",
      });
      expect(await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).toMatchObject({
        status: "SENT",
        sentById: recruiter.id,
        personioEmployeeId: employee!.id,
      });
    });

    await test.step("closed: no strip, the badge with who and when beside it, the panel (focused)", async () => {
      await dialog.getByRole("button", { name: "Close" }).click();
      await expect(dialog).toHaveCount(0);
      await expect(strip(page)).toHaveCount(0);
      const panel = page.getByRole("region", { name: "Personio", exact: true });
      // The strip's button is gone with the strip: focus goes to the panel that replaced it.
      await expect(panel.getByRole("heading", { name: "Personio" })).toBeFocused();
      await expect(panel.getByTestId("personio-panel-status")).toHaveText("Sent to Personio");
      await expect(panel.getByTestId("personio-panel-by")).toHaveText(recruiter.name);
      await expect(panel.getByTestId("personio-panel-updates")).toHaveCount(0);
      await expect(panel).toContainText("None yet.");
      await expect(page.getByTestId("personio-sent-by")).toContainText(`Sent to Personio by ${recruiter.name} on`);
      await expect(page.getByRole("main").getByRole("link", { name: /^Personio/ })).toBeVisible();
    });
  });

  test("the badge in the list: Tab reaches it, focus shows who and when, Escape hides it; one click opens the employee in a new tab", async ({
    page,
  }) => {
    const recruiter = await createTestUser("recruiter", { name: `Badge Recruiter ${uniqueSuffix()}` });
    const candidate = await createTestCandidate({ firstName: "Nora", lastName: `Helmer-${uniqueSuffix()}` });
    await markSent(candidate.id, recruiter, 7301);
    await signIn(page, recruiter);
    await page.goto(`/candidates?q=${encodeURIComponent(candidate.email)}`);
    const row = page.getByRole("row", { name: new RegExp(candidate.lastName) });
    const badge = row.getByRole("link", { name: /^Personio/ });
    const tooltip = page.getByRole("tooltip");

    await row.getByRole("link", { name: `Nora ${candidate.lastName}` }).focus();
    await page.keyboard.press("Tab");
    await expect(badge).toBeFocused();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText(`Sent to Personio by ${recruiter.name} on`);
    // In the top layer, under the badge and on screen: nothing covers it, no scroll box cuts it.
    const [badgeBox, tooltipBox] = await Promise.all([badge.boundingBox(), tooltip.boundingBox()]);
    expect(tooltipBox!.y).toBeGreaterThanOrEqual(badgeBox!.y + badgeBox!.height);
    expect(await tooltip.evaluate((element) => element.matches(":popover-open"))).toBe(true);
    await page.keyboard.press("Escape");
    await expect(tooltip).toBeHidden();
    await expect(badge).toBeFocused();

    const [tab] = await Promise.all([page.context().waitForEvent("page"), badge.click()]);
    await tab.waitForLoadState("domcontentloaded");
    expect(tab.url()).toBe(`${process.env.PERSONIO_SANDBOX_URL}/staff/details/7301`);
    await tab.close();
    await expect(page).toHaveURL(/\/candidates\?q=/);
    await expect(tooltip).toBeHidden();
  });

  test("the Interviewer (no send, no badge): no strip, no More menu, no badge, no panel", async ({ page }) => {
    const interviewer = await createTestUser("interviewer");
    const recruiter = await createTestUser("recruiter");
    const unsent = await createTestCandidate();
    const sent = await createTestCandidate();
    await markSent(sent.id, recruiter, 7302);
    await signIn(page, interviewer);
    for (const candidate of [unsent, sent]) {
      await page.goto(`/candidates/${candidate.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${candidate.firstName} ${candidate.lastName}`);
      await expect(page.getByRole("heading", { name: "Details" })).toBeVisible();
      await expect(page.getByRole("button", { name: "More" })).toHaveCount(0);
      await expect(strip(page)).toHaveCount(0);
      await expect(page.getByRole("main").getByRole("link", { name: /Personio/ })).toHaveCount(0);
      await expect(page.getByTestId("personio-panel")).toHaveCount(0);
      expect(await page.content()).not.toContain(recruiter.name);
    }
  });
});
