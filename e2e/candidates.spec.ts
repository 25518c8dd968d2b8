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

test.describe("candidates", () => {
  test("search by name or email, filter by job and stage", async ({ page }) => {
    const user = await createTestUser("recruiter");
    const job = await createTestJob(`Sommelier ${uniqueSuffix()}`);
    const family = `Ødegård${uniqueSuffix()}`;
    const hired = await createTestCandidate({ firstName: "Renée", lastName: family, jobId: job.id, stage: "HIRED" });
    const offer = await createTestCandidate({ firstName: "Łukasz", lastName: family, jobId: job.id, stage: "OFFER" });
    const elsewhere = await createTestCandidate({ firstName: "Aoife", lastName: family, stage: "HIRED" });
    await signIn(page, user);

    await test.step("search by last name finds all three", async () => {
      await page.goto("/candidates");
      await page.getByLabel("Search by name or email").fill(family);
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page.getByText("3 candidates")).toBeVisible();
      await expect(page.getByRole("row")).toHaveCount(4);
    });

    await test.step("a job filter narrows to that job", async () => {
      await page.getByLabel("Job").selectOption({ label: job.title });
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page.getByText("2 candidates")).toBeVisible();
      await expect(page.getByRole("link", { name: `Aoife ${family}` })).toHaveCount(0);
    });

    await test.step("a stage filter narrows further", async () => {
      await page.getByLabel("Stage").selectOption({ label: "Hired" });
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page.getByText("1 candidate", { exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: `Renée ${family}` })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`job=${job.id}&stage=HIRED`));
    });

    await test.step("search by email prefix and by first + last name", async () => {
      await page.goto(`/candidates?q=${encodeURIComponent(offer.email.slice(0, 12))}`);
      await expect(page.getByRole("link", { name: `Łukasz ${family}` })).toBeVisible();
      await page.goto(`/candidates?q=${encodeURIComponent(`Aoife ${family}`)}`);
      await expect(page.getByText("1 candidate", { exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: `Aoife ${family}` })).toHaveAttribute(
        "href",
        `/candidates/${elsewhere.id}`,
      );
    });

    await test.step("no match shows an empty state", async () => {
      await page.goto(`/candidates?q=${encodeURIComponent(`${family}zzz`)}`);
      await expect(page.getByText("No candidates match")).toBeVisible();
    });
    expect(hired.id).toBeTruthy();
  });

  test("search finds people as they are typed: without accents, umlauts spelled out, inside names and emails", async ({
    page,
  }) => {
    const user = await createTestUser("recruiter");
    // A job of its own keeps the search to this test's people (other tests add Müllers too).
    const job = await createTestJob(`Search ${uniqueSuffix()}`);
    const suffix = uniqueSuffix();
    await createTestCandidate({
      firstName: "Jürgen",
      lastName: "Müller",
      email: `j.m.${suffix}@example.com`,
      jobId: job.id,
    });
    await createTestCandidate({
      firstName: "Ayşe",
      lastName: "Öztürk",
      email: `a.o.${suffix}@example.com`,
      jobId: job.id,
    });
    await createTestCandidate({
      firstName: "Alexander",
      lastName: "Bergmann",
      email: `alexander.bergmann@${suffix}.example.com`,
      jobId: job.id,
    });
    await signIn(page, user);

    await test.step("typed in the search box, without the umlaut", async () => {
      await page.goto(`/candidates?job=${job.id}`);
      await page.getByLabel("Search by name or email").fill("muller");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page.getByText("1 candidate", { exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: "Jürgen Müller" })).toBeVisible();
    });

    for (const [q, name] of [
      ["mueller", "Jürgen Müller"],
      ["MÜLLER", "Jürgen Müller"],
      ["ller", "Jürgen Müller"],
      ["ozturk", "Ayşe Öztürk"],
      ["ÖZTÜRK", "Ayşe Öztürk"],
      ["bergmann@", "Alexander Bergmann"],
      ["jurgen müll", "Jürgen Müller"],
    ] as const) {
      await test.step(`"${q}" finds ${name}`, async () => {
        await page.goto(`/candidates?job=${job.id}&q=${encodeURIComponent(q)}`);
        await expect(page.getByText("1 candidate", { exact: true })).toBeVisible();
        await expect(page.getByRole("link", { name })).toBeVisible();
      });
    }

    await test.step("one or two letters match the start of a name", async () => {
      await page.goto(`/candidates?job=${job.id}&q=${encodeURIComponent("öz")}`);
      await expect(page.getByRole("link", { name: "Ayşe Öztürk" })).toBeVisible();
      await expect(page.getByText("1 candidate", { exact: true })).toBeVisible();
    });
  });

  test("pages through the list", async ({ page }) => {
    const user = await createTestUser("interviewer");
    await signIn(page, user);
    const total = await db.candidate.count();
    const pages = Math.ceil(total / 20);
    await page.goto("/candidates");
    await expect(page.getByText(`Page 1 of ${pages}`)).toBeVisible();
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page.getByText(`Page 2 of ${pages}`)).toBeVisible();
    await expect(page).toHaveURL(/page=2/);
    await page.getByRole("link", { name: "Previous" }).click();
    await expect(page.getByText(`Page 1 of ${pages}`)).toBeVisible();
  });

  test("a profile opens with details, job, stage and the More menu", DATABASE_INDEPENDENT, async ({ page }) => {
    // A role that may send: for one that may not, More ▾ would hold only a disabled item, so there
    // is none (candidate-profile.spec.ts).
    const user = await createTestUser("recruiter");
    const candidate = await createTestCandidate({
      firstName: "Siobhán",
      lastName: `O'Brien-${uniqueSuffix()}`,
      phone: "+353 1 555 0101",
      stage: "HIRED",
    });
    await signIn(page, user);
    await page.goto(`/candidates?q=${encodeURIComponent(candidate.lastName)}`);
    await page.getByRole("link", { name: `Siobhán ${candidate.lastName}` }).click();

    await expect(page).toHaveURL(`/candidates/${candidate.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Siobhán ${candidate.lastName}`);
    await expect(page.getByText(candidate.email)).toBeVisible();
    await expect(page.getByText("+353 1 555 0101")).toBeVisible();
    await expect(page.getByText("Hired", { exact: true })).toBeVisible();

    const more = page.getByRole("button", { name: "More" });
    await more.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menu")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toHaveCount(0);
    await expect(more).toBeFocused();
  });

  test("an unknown profile shows not found", DATABASE_INDEPENDENT, async ({ page }) => {
    const user = await createTestUser("recruiter");
    await signIn(page, user);
    await page.goto("/candidates/does-not-exist");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test(
    "hostile data in names renders as text in the list, the profile and the send form",
    DATABASE_INDEPENDENT,
    async ({ page }) => {
      const user = await createTestUser("recruiter");
      const candidate = await createTestCandidate({
        firstName: "<script>window.__pwned=1</script>",
        lastName: `<img src=x onerror="window.__pwned=2">${uniqueSuffix()}`,
        notes: "{{constructor.constructor('window.__pwned=3')()}}",
      });
      await signIn(page, user);
      const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

      await page.goto(`/candidates?q=${encodeURIComponent(candidate.email)}`);
      await expect(
        page.getByRole("link", { name: `<script>window.__pwned=1</script> ${candidate.lastName}` }),
      ).toBeVisible();
      expect(await pwned()).toBeUndefined();

      await page.goto(`/candidates/${candidate.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>window.__pwned=1</script>");
      await expect(page.getByText("{{constructor.constructor('window.__pwned=3')()}}")).toBeVisible();
      await page.getByRole("button", { name: "More" }).click();
      await page.getByRole("menuitem", { name: "Send to Personio" }).click();
      await expect(page.getByRole("dialog").getByLabel("Last name")).toHaveValue(candidate.lastName);
      expect(await pwned()).toBeUndefined();
    },
  );
});
