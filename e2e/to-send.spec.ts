import { createTestCandidate, createTestJob, createTestUser, db, expect, signIn, test, uniqueSuffix } from "./fixtures";
import { sandboxEmployeesWithEmail } from "./personio";

test.describe("To send queue", () => {
  test("the queue lists new hires newest first, and Review & send steps through three candidates, each sent once", async ({
    page,
  }) => {
    const recruiter = await createTestUser("recruiter");
    const suffix = uniqueSuffix();
    // Created oldest first: the queue shows the newest first.
    const candidates: Awaited<ReturnType<typeof createTestCandidate>>[] = [];
    for (const firstName of ["Ida", "Jonas", "Kemal"]) {
      candidates.push(await createTestCandidate({ firstName, lastName: `Queue-${suffix}`, stage: "HIRED" }));
    }
    const offer = await createTestCandidate({ firstName: "Lena", lastName: `Queue-${suffix}`, stage: "OFFER" });
    await signIn(page, recruiter);

    await test.step("the nav counts who is waiting and leads to the queue", async () => {
      await page.goto("/candidates");
      const nav = page.getByRole("navigation", { name: "Main navigation" });
      const link = nav.getByRole("link", { name: /^To send/ });
      await expect(link).toContainText(/\d+ waiting/);
      const shown = Number((await link.textContent())?.match(/(\d+) waiting/)?.[1]);
      // Other tests add and send hires in parallel, so not an exact figure: at least these three.
      expect(shown).toBeGreaterThanOrEqual(3);
      await link.click();
      await expect(page).toHaveURL("/to-send");
      await expect(link).toHaveAttribute("aria-current", "page");
    });

    await test.step("hired and not yet sent, newest first; the offer is not there", async () => {
      const list = page.getByRole("list", { name: "To send" });
      const names = candidates.map((candidate) => `${candidate.firstName} ${candidate.lastName}`);
      const positions = await Promise.all(
        names.map(async (name) =>
          list
            .getByRole("link")
            .allTextContents()
            .then((texts) => texts.indexOf(name)),
        ),
      );
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect(positions[0]).toBeGreaterThan(positions[1]!);
      expect(positions[1]).toBeGreaterThan(positions[2]!);
      await expect(list.getByRole("link", { name: `Lena ${offer.lastName}` })).toHaveCount(0);
    });

    await test.step("choose three and Review & send", async () => {
      for (const candidate of candidates)
        await page.getByLabel(`Select ${candidate.firstName} ${candidate.lastName}`).check();
      await page.getByRole("button", { name: "Review & send (3)" }).click();
      await expect(page).toHaveURL(/\/to-send\/review\?ids=/);
    });

    // Newest first, as in the queue.
    const order = [...candidates].reverse();
    for (const [index, candidate] of order.entries()) {
      await test.step(`candidate ${index + 1} of 3: ${candidate.firstName} reviewed and sent`, async () => {
        await expect(page.getByText(`Candidate ${index + 1} of 3`)).toBeVisible();
        await expect(page.getByLabel("First name")).toHaveValue(candidate.firstName);
        await expect(page.getByLabel("Email")).toHaveValue(candidate.email);
        await page.getByRole("button", { name: "Send", exact: true }).click();
        await expect(page.getByRole("status").filter({ hasText: "Sent to Personio." })).toBeVisible();
        await expect(page.getByRole("link", { name: /Open in Personio/ })).toBeVisible();
        const progress = page.getByRole("navigation", { name: "Progress" });
        await expect(progress.getByRole("listitem").nth(index)).toContainText("Sent");
        await page.getByRole("button", { name: index < 2 ? "Next candidate" : "Finish" }).click();
      });
    }

    await test.step("all done; each was sent exactly once and left the queue", async () => {
      await expect(page.getByRole("status").filter({ hasText: "All chosen candidates were reviewed." })).toBeVisible();
      for (const candidate of candidates) {
        expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(1);
        expect((await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).status).toBe("SENT");
        expect(
          await db.auditLog.count({ where: { targetId: candidate.id, action: "handoff.send", outcome: "success" } }),
        ).toBe(1);
      }
      await page.getByRole("link", { name: "Back to To send" }).last().click();
      await expect(page.getByRole("link", { name: `Ida ${candidates[0]!.lastName}` })).toHaveCount(0);
    });
  });

  test("Skip leaves a candidate in the queue; one sent meanwhile is left out", async ({ page }) => {
    const recruiter = await createTestUser("recruiter");
    const suffix = uniqueSuffix();
    const first = await createTestCandidate({ firstName: "Mara", lastName: `Skip-${suffix}` });
    const second = await createTestCandidate({ firstName: "Nils", lastName: `Skip-${suffix}` });
    const gone = await createTestCandidate({ firstName: "Olga", lastName: `Skip-${suffix}` });
    await db.handoff.create({
      data: { candidateId: gone.id, status: "SENT", personioEmployeeId: 1, sentById: recruiter.id, sentAt: new Date() },
    });
    await signIn(page, recruiter);
    await page.goto(`/to-send/review?ids=${first.id}&ids=${second.id}&ids=${gone.id}`);
    await expect(page.getByText("1 chosen candidate is no longer waiting")).toBeVisible();
    await expect(page.getByText("Candidate 1 of 2")).toBeVisible();
    await expect(page.getByLabel("First name")).toHaveValue("Nils");
    await page.getByRole("button", { name: "Skip" }).click();
    await expect(page.getByText("Candidate 2 of 2")).toBeVisible();
    await expect(page.getByLabel("First name")).toHaveValue("Mara");
    await expect(page.getByRole("navigation", { name: "Progress" }).getByRole("listitem").first()).toContainText(
      "Skipped",
    );
    expect(await db.handoff.count({ where: { candidateId: second.id } })).toBe(0);
  });

  test("past 99 waiting, the nav says 99+", async ({ page }) => {
    const suffix = uniqueSuffix();
    const job = await createTestJob();
    // Added long ago, so they sort after the candidates other tests look for in the queue.
    await db.candidate.createMany({
      data: Array.from({ length: 100 }, (_, index) => ({
        firstName: "Many",
        lastName: `Waiting-${suffix}-${index}`,
        email: `many.${index}.${suffix}@example.com`,
        stage: "HIRED",
        jobId: job.id,
        createdAt: new Date(Date.UTC(2001, 0, 1)),
      })),
    });
    try {
      await signIn(page, await createTestUser("recruiter"));
      await page.goto("/candidates");
      const link = page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: /^To send/ });
      await expect(link).toContainText("99+");
      await expect(link).toContainText("more than 99 waiting");
    } finally {
      await db.candidate.deleteMany({ where: { lastName: { startsWith: `Waiting-${suffix}-` } } });
    }
  });

  test("people who may not send have no queue", async ({ page }) => {
    await signIn(page, await createTestUser("interviewer"));
    await page.goto("/candidates");
    await expect(
      page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: /To send/ }),
    ).toHaveCount(0);
    const response = await page.goto("/to-send");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  });
});
