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
import { sandbox, sandboxEmployeesWithEmail } from "./personio";

type Candidate = Awaited<ReturnType<typeof createTestCandidate>>;

test.describe("To send queue", () => {
  test("the nav counts who is waiting; the queue is a table of new hires, newest first, with a state column", async ({
    page,
  }) => {
    const recruiter = await createTestUser("recruiter");
    const suffix = uniqueSuffix();
    // Created oldest first: the queue shows the newest first.
    const candidates: Candidate[] = [];
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

    await test.step("a table: hired and not yet sent, newest first, each with its state; the offer is not there", async () => {
      const table = page.getByRole("table", { name: "To send" });
      await expect(table.getByRole("columnheader")).toHaveText(["Select", "Name", "Email", "Job", "Added ↓", "State"]);
      const names = candidates.map((candidate) => `${candidate.firstName} ${candidate.lastName}`);
      const positions = await Promise.all(
        names.map(async (name) =>
          table
            .getByRole("link")
            .allTextContents()
            .then((texts) => texts.indexOf(name)),
        ),
      );
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect(positions[0]).toBeGreaterThan(positions[1]!);
      expect(positions[1]).toBeGreaterThan(positions[2]!);
      const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: names[0] }) });
      await expect(row.getByRole("cell").last()).toHaveText("Not sent yet");
      await expect(table.getByRole("link", { name: `Lena ${offer.lastName}` })).toHaveCount(0);
    });
  });

  test("Review & send of three: a success moves on by itself, and the end counts sent, linked, skipped and failed", async ({
    page,
  }) => {
    const suffix = uniqueSuffix();
    const candidates: Candidate[] = [];
    for (const firstName of ["Ida", "Jonas", "Kemal"])
      candidates.push(await createTestCandidate({ firstName, lastName: `Review-${suffix}` }));
    await signIn(page, await createTestUser("recruiter"));
    await page.goto("/to-send");

    await test.step("choose three and Review & send", async () => {
      for (const candidate of candidates)
        await page.getByLabel(`Select ${candidate.firstName} ${candidate.lastName}`).check();
      await page.getByRole("button", { name: "Review & send (3)" }).click();
      await expect(page).toHaveURL(/\/to-send\/review\?ids=/);
    });

    // Newest first, as in the queue: Kemal is sent, Jonas is already in Personio (linked), Ida is skipped.
    const [kemal, jonas, ida] = [...candidates].reverse() as [Candidate, Candidate, Candidate];
    const [existing] = await sandbox.seedEmployees([
      { firstName: "Jonas", lastName: jonas.lastName, email: jonas.email },
    ]);
    const progress = page.getByRole("navigation", { name: "Progress" });

    await test.step("candidate 1 of 3: sent, and the next one comes by itself", async () => {
      await expect(page.getByText("Candidate 1 of 3")).toBeVisible();
      await expect(page.getByLabel("First name")).toHaveValue("Kemal");
      await expect(page.getByLabel("Email")).toHaveValue(kemal.email);
      // No menu here: the send-once notice does not speak of one.
      await expect(page.getByText("Each candidate can be sent to Personio only once.")).toBeVisible();
      await expect(page.getByRole("main")).not.toContainText("menu");
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await expect(page.getByText("Candidate 2 of 3")).toBeVisible();
      await expect(
        page.getByRole("status").filter({ hasText: `Kemal ${kemal.lastName} was sent to Personio.` }),
      ).toBeVisible();
      await expect(page.getByRole("link", { name: /Open in Personio/ })).toBeVisible();
      await expect(progress.getByRole("listitem").nth(0)).toContainText("Sent");
      await expect(page.getByLabel("First name")).toHaveValue("Jonas");
    });

    await test.step("candidate 2 of 3: already in Personio, linked; then the third", async () => {
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await page.getByRole("button", { name: "Link to this employee" }).click();
      await expect(page.getByText("Candidate 3 of 3")).toBeVisible();
      await expect(
        page
          .getByRole("status")
          .filter({ hasText: `Jonas ${jonas.lastName} was linked to the existing Personio employee.` }),
      ).toBeVisible();
      await expect(progress.getByRole("listitem").nth(1)).toContainText("Linked");
    });

    await test.step("candidate 3 of 3: skipped; the end counts sent, linked, skipped and failed", async () => {
      await expect(page.getByLabel("First name")).toHaveValue("Ida");
      await page.getByRole("button", { name: "Skip" }).click();
      const summary = page.getByTestId("review-summary");
      await expect(summary.getByRole("heading", { name: "Review & send finished" })).toBeFocused();
      await expect(summary.getByRole("status")).toHaveText("1 sent, 1 linked, 1 skipped, 0 failed.");
      for (const [key, value] of Object.entries({ sent: 1, linked: 1, skipped: 1, failed: 0 }))
        await expect(summary.getByTestId(`summary-${key}`)).toHaveText(String(value));
      await expect(progress.getByRole("listitem").nth(2)).toContainText("Skipped");
    });

    await test.step("each was sent or linked exactly once, the skipped one is still waiting", async () => {
      expect(await sandboxEmployeesWithEmail(kemal.email)).toHaveLength(1);
      expect((await db.handoff.findUniqueOrThrow({ where: { candidateId: kemal.id } })).status).toBe("SENT");
      expect(
        await db.auditLog.count({ where: { targetId: kemal.id, action: "handoff.send", outcome: "success" } }),
      ).toBe(1);
      expect(await sandboxEmployeesWithEmail(jonas.email)).toHaveLength(1);
      expect(await db.handoff.findUniqueOrThrow({ where: { candidateId: jonas.id } })).toMatchObject({
        status: "LINKED",
        personioEmployeeId: existing!.id,
      });
      expect(await db.handoff.count({ where: { candidateId: ida.id } })).toBe(0);
      await page.getByRole("link", { name: "Back to To send" }).last().click();
      await expect(page).toHaveURL("/to-send");
      await expect(page.getByRole("link", { name: `Kemal ${kemal.lastName}` })).toHaveCount(0);
      await expect(page.getByRole("link", { name: `Jonas ${jonas.lastName}` })).toHaveCount(0);
      await expect(page.getByRole("link", { name: `Ida ${ida.lastName}` })).toBeVisible();
    });

    await test.step("coming back to the same Review & send: my own sends are not 'sent meanwhile'", async () => {
      await page.goBack();
      await expect(page).toHaveURL(/\/to-send\/review\?ids=/);
      await page.reload();
      await expect(
        page.getByText("You already sent 2 of the chosen candidates; they are not shown again."),
      ).toBeVisible();
      await expect(page.getByText("no longer waiting")).toHaveCount(0);
      await expect(page.getByText("Candidate 1 of 1")).toBeVisible();
      await expect(page.getByLabel("First name")).toHaveValue("Ida");
    });
  });

  test("Skip leaves a candidate in the queue; one sent meanwhile by someone else is left out, and so is my own", async ({
    page,
  }) => {
    const recruiter = await createTestUser("recruiter");
    const colleague = await createTestUser("recruiter");
    const suffix = uniqueSuffix();
    const first = await createTestCandidate({ firstName: "Mara", lastName: `Skip-${suffix}` });
    const second = await createTestCandidate({ firstName: "Nils", lastName: `Skip-${suffix}` });
    const gone = await createTestCandidate({ firstName: "Olga", lastName: `Skip-${suffix}` });
    const mine = await createTestCandidate({ firstName: "Pia", lastName: `Skip-${suffix}` });
    await db.handoff.createMany({
      data: [
        { candidateId: gone.id, status: "SENT", personioEmployeeId: 1, sentById: colleague.id, sentAt: new Date() },
        { candidateId: mine.id, status: "SENT", personioEmployeeId: 2, sentById: recruiter.id, sentAt: new Date() },
      ],
    });
    await signIn(page, recruiter);
    await page.goto(`/to-send/review?ids=${first.id}&ids=${second.id}&ids=${gone.id}&ids=${mine.id}`);
    await expect(
      page.getByText("1 chosen candidate is no longer waiting (sent by someone else meanwhile"),
    ).toBeVisible();
    await expect(page.getByText("You already sent 1 of the chosen candidates; it is not shown again.")).toBeVisible();
    await expect(page.getByText("Candidate 1 of 2")).toBeVisible();
    await expect(page.getByLabel("First name")).toHaveValue("Nils");
    await page.getByRole("button", { name: "Skip" }).click();
    await expect(page.getByText("Candidate 2 of 2")).toBeVisible();
    await expect(page.getByLabel("First name")).toHaveValue("Mara");
    await expect(page.getByRole("navigation", { name: "Progress" }).getByRole("listitem").first()).toContainText(
      "Skipped",
    );
    expect(await db.handoff.count({ where: { candidateId: second.id } })).toBe(0);
    await page.getByRole("button", { name: "Skip" }).click();
    await expect(page.getByTestId("review-summary").getByRole("status")).toHaveText(
      "0 sent, 0 linked, 2 skipped, 0 failed.",
    );
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

  test("people who may not send have no queue", DATABASE_INDEPENDENT, async ({ page }) => {
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

test.describe("To send on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test(
    "cards instead of a wide table, Review & send (n) stays at the bottom of the screen, and the review fits",
    DATABASE_INDEPENDENT,
    async ({ page }) => {
      const suffix = uniqueSuffix();
      const candidates: Candidate[] = [];
      // More cards than one screen holds, so the bar has something to stay above.
      for (let index = 0; index < 6; index += 1)
        candidates.push(await createTestCandidate({ firstName: `Phone${index}`, lastName: `Card-${suffix}` }));
      await signIn(page, await createTestUser("recruiter"));
      const fitsTheScreen = async (path: string) => {
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        expect(scrollWidth, `${path} is ${scrollWidth} px wide`).toBeLessThanOrEqual(innerWidth);
      };

      await page.goto("/to-send");
      await fitsTheScreen("/to-send");
      const table = page.getByRole("table", { name: "To send" });
      const newest = candidates.at(-1)!;
      // A card: the email under the name, not beside it.
      const card = table.getByRole("row").filter({ hasText: newest.email });
      const name = await card.getByRole("link", { name: `${newest.firstName} ${newest.lastName}` }).boundingBox();
      const email = await card.getByRole("cell").filter({ hasText: newest.email }).boundingBox();
      expect(email!.y).toBeGreaterThan(name!.y + name!.height - 1);
      expect((await card.boundingBox())!.width).toBeLessThanOrEqual(390);
      await page.getByLabel(`Select ${newest.firstName} ${newest.lastName}`).tap();
      const review = page.getByRole("button", { name: "Review & send (1)" });
      await expect(review).toBeInViewport({ ratio: 1 });
      const box = await review.boundingBox();
      expect(box!.y + box!.height).toBeGreaterThan(844 - 80);
      await expect(page.getByText("1 selected")).toBeVisible();
      await review.tap();
      await expect(page.getByText("Candidate 1 of 1")).toBeVisible();
      await fitsTheScreen("/to-send/review");
    },
  );
});
