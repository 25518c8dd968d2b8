import { createTestUser, DATABASE_INDEPENDENT, db, expect, signIn, test, uniqueSuffix } from "./fixtures";
import { openSettingsPage } from "./settings-navigation";

// The admin page of the background runner (lib/background/): a failed job is listed with its
// readable kind and error, and "Retry now" queues it again; the runner of the server process
// picks it up at once, and the retry is in the audit log. A job queued without a kick is found by
// the server's poll (started in instrumentation-node.ts).
test(
  "an admin retries a failed background job: the server runs it and the retry is audited; a queued job is found by the poll",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const admin = await createTestUser("admin");
    // An import job whose import is gone by now: run again, it finds nothing to do and is done.
    const job = await db.backgroundJob.create({
      data: {
        kind: "import",
        key: `gone-${uniqueSuffix()}`,
        payload: JSON.stringify({ importId: `gone-${uniqueSuffix()}` }),
        status: "FAILED",
        attempts: 3,
        lastError: "import_file_missing",
        finishedAt: new Date(),
      },
    });
    await signIn(page, admin);
    await page.goto("/candidates");
    await openSettingsPage(page, "Background jobs");
    await expect(page.getByRole("heading", { name: "Background jobs", level: 1 })).toBeVisible();

    const failed = page.getByRole("region", { name: /^Failed/ });
    const row = failed.getByTestId(`background-job-${job.id}`);
    await test.step("the failed job: what it is, its attempts and its error, in words", async () => {
      await expect(row.getByRole("rowheader")).toHaveText("Candidate import");
      await expect(row).toContainText("3 of 3");
      await expect(row).toContainText("The import's file is no longer there");
    });

    await test.step("Retry now, from the keyboard: queued again, run by the server, audited", async () => {
      await row.getByRole("button", { name: /^Retry now: Candidate import/ }).focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("main").getByRole("status").filter({ hasText: "queued again" })).toHaveText(
        "Candidate import is queued again.",
      );
      await expect(row).toHaveCount(0);
      await expect
        .poll(async () => (await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } })).status)
        .toBe("DONE");
      expect(await db.backgroundJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
        attempts: 1,
        lastError: null,
      });
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "background-job.retry", targetId: job.id } });
      expect(audit).toMatchObject({ actorId: admin.id, targetType: "background-job", outcome: "success" });
      expect(JSON.parse(audit.details!)).toEqual({ jobKind: "import" });
    });

    await test.step("a job queued by another process, with no kick here, is found by the server's poll", async () => {
      const queued = await db.backgroundJob.create({
        data: {
          kind: "import",
          key: `gone-${uniqueSuffix()}`,
          payload: JSON.stringify({ importId: `gone-${uniqueSuffix()}` }),
        },
      });
      // The runner polls every 5 seconds (lib/background/runner.ts).
      await expect
        .poll(async () => (await db.backgroundJob.findUniqueOrThrow({ where: { id: queued.id } })).status, {
          timeout: 15_000,
        })
        .toBe("DONE");
    });
  },
);
