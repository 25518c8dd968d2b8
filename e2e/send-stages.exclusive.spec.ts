import { createTestCandidate, createTestUser, DATABASE_INDEPENDENT, db, expect, signIn, test } from "./fixtures";

// Changes a setting every send depends on, so it runs alone (the exclusive project) and puts
// the default back.
test(
  "an admin allows stage Offer: recruiters can then send Offer candidates, and no others",
  DATABASE_INDEPENDENT,
  async ({ page, browser }) => {
    const admin = await createTestUser("admin");
    const recruiter = await createTestUser("recruiter");
    const offer = await createTestCandidate({ stage: "OFFER" });
    const applied = await createTestCandidate({ stage: "APPLIED" });
    await signIn(page, admin);
    try {
      await page.goto("/admin/integrations/personio?tab=stages");
      const section = page.getByRole("region", { name: "Which stages may be sent" });
      await expect(section.getByLabel("Hired")).toBeChecked();
      await expect(section.getByLabel("Offer")).not.toBeChecked();

      await test.step("none at all is refused", async () => {
        await section.getByLabel("Hired").uncheck();
        await section.getByRole("button", { name: "Save stages" }).click();
        await expect(section.getByRole("alert")).toHaveText("Choose at least one stage.");
      });

      await test.step("Offer and Hired are saved and audited", async () => {
        await section.getByLabel("Hired").check();
        await section.getByLabel("Offer").check();
        await section.getByRole("button", { name: "Save stages" }).click();
        await expect(section.getByRole("status")).toHaveText(
          "Saved. Candidates in these stages can be sent: Offer, Hired.",
        );
        const entry = await db.auditLog.findFirstOrThrow({
          where: { action: "handoff.set-sendable-stages", actorId: admin.id },
        });
        expect(JSON.parse(entry.details!)).toEqual({ from: ["HIRED"], to: ["OFFER", "HIRED"] });
      });

      await test.step("the recruiter's menu offers Send for Offer, still not for Applied; the To send queue lists the Offer candidate", async () => {
        const context = await browser.newContext();
        const recruiterPage = await context.newPage();
        await signIn(recruiterPage, recruiter);
        await recruiterPage.goto(`/candidates/${offer.id}`);
        await recruiterPage.getByRole("button", { name: "More" }).click();
        await expect(recruiterPage.getByRole("menuitem", { name: "Send to Personio" })).toBeVisible();
        await recruiterPage.goto(`/candidates/${applied.id}`);
        await expect(recruiterPage.getByRole("heading", { level: 1 })).toHaveText(
          `${applied.firstName} ${applied.lastName}`,
        );
        await expect(recruiterPage.getByRole("button", { name: "More" })).toHaveCount(0);
        await recruiterPage.goto("/to-send");
        await expect(recruiterPage.getByRole("main")).toContainText(`${offer.firstName} ${offer.lastName}`);
        await expect(recruiterPage.getByRole("main")).not.toContainText(`${applied.firstName} ${applied.lastName}`);
        await context.close();
      });
    } finally {
      await db.handoffSettings.deleteMany({});
    }
  },
);
