import { createTestUser, DATABASE_INDEPENDENT, db, expect, signIn, test, uniqueSuffix } from "./fixtures";
import { openSettingsPage } from "./settings-navigation";

test.describe("API keys (admin)", () => {
  test("an admin creates a key, it works once copied, shows its last use, and stops working when revoked", async ({
    page,
    playwright,
  }) => {
    const admin = await createTestUser("admin");
    await signIn(page, admin);
    const name = `Greenhouse sync ${uniqueSuffix()}`;
    let key = "";

    await test.step("create a key with a name, the write scope and an expiry", async () => {
      await page.goto("/candidates");
      await openSettingsPage(page, "API keys");
      await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
      const form = page.getByRole("region", { name: "Create an API key" });
      await form.getByRole("button", { name: "Create key" }).click();
      await expect(form.getByText("Enter a name of up to 100 characters.")).toBeVisible();
      await form.getByLabel("Name").fill(name);
      await form.getByLabel("candidates:write").check();
      await form.getByLabel("Valid until (optional)").fill("2030-12-31");
      await form.getByRole("button", { name: "Create key" }).click();
      await expect(form.getByText(`“${name}” is ready`)).toBeVisible();
      await expect(form.getByText("it is shown only this once")).toBeVisible();
      key = (await form.getByTestId("new-api-key").textContent()) ?? "";
      expect(key).toMatch(/^hnd_[A-Za-z0-9_-]{43}$/);
      const stored = await db.apiKey.findFirstOrThrow({ where: { name } });
      expect(stored.scopes).toBe("candidates:read candidates:write");
      expect(stored.keyHash).not.toContain(key.slice(4));
      expect(stored.expiresAt?.toISOString()).toBe("2030-12-31T23:59:59.999Z");
    });

    const row = page.getByRole("row").filter({ hasText: name });
    await test.step("the list shows the key by its prefix, never used yet", async () => {
      await expect(row).toContainText(`${key.slice(0, 10)}…`);
      await expect(row).toContainText("Never");
      await expect(row).toContainText("Active");
      await expect(page.getByText(key, { exact: true })).toHaveCount(1); // only in the one-time notice, not in the list
    });

    await test.step("use it, as the README's curl example does", async () => {
      const client = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
      const response = await client.get("/api/v1/candidates?limit=5", { headers: { authorization: `Bearer ${key}` } });
      expect(response.status()).toBe(200);
      expect(((await response.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
      await client.dispose();
      await page.reload();
      await expect(row).not.toContainText("Never");
      await expect(page.getByText(key, { exact: true })).toHaveCount(0); // gone after a reload: shown once
    });

    await test.step("revoke after confirming; the key is refused from then on", async () => {
      await row.getByRole("button", { name: `Revoke ${name}` }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog).toContainText("This cannot be undone");
      await dialog.getByRole("button", { name: "Revoke" }).click();
      await expect(page.getByRole("main").getByRole("status").filter({ hasText: "was revoked" })).toHaveText(
        `“${name}” was revoked.`,
      );
      await expect(row).toContainText("Revoked");
      await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
      const client = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
      const response = await client.get("/api/v1/candidates", { headers: { authorization: `Bearer ${key}` } });
      expect(response.status()).toBe(401);
      expect(((await response.json()) as { type: string }).type).toBe("urn:handoff:problem:key-revoked");
      await client.dispose();
      const audit = await db.auditLog.findMany({
        where: { actorId: admin.id, action: { in: ["api-key.create", "api-key.revoke"] } },
        orderBy: { at: "asc" },
      });
      expect(audit.map((entry) => entry.action)).toEqual(["api-key.create", "api-key.revoke"]);
    });
  });

  test("only people who manage integrations see the page", DATABASE_INDEPENDENT, async ({ page }) => {
    const recruiter = await createTestUser("recruiter");
    await signIn(page, recruiter);
    const response = await page.goto("/admin/api-keys");
    // Issue 13's "no access" page: 403, saying so.
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "No access" })).toBeVisible();
  });
});

test.describe("jobs (admin)", () => {
  test("an admin adds a job and renames it", DATABASE_INDEPENDENT, async ({ page }) => {
    const admin = await createTestUser("admin");
    await signIn(page, admin);
    const title = `Werkstudent Marketing ${uniqueSuffix()}`;
    await page.goto("/admin/jobs");
    await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
    const form = page.getByRole("region", { name: "Add a job" });
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Department").fill("Marketing");
    await form.getByRole("button", { name: "Add job" }).click();
    await expect(form.getByRole("status")).toHaveText(`“${title}” was added.`);
    await form.getByLabel("Title").fill(title.toUpperCase());
    await form.getByRole("button", { name: "Add job" }).click();
    await expect(form.getByRole("alert")).toHaveText("A job with this title exists already.");

    const row = page.getByRole("row").filter({ hasText: title });
    await expect(row).toContainText("not set"); // no office
    await row.getByRole("button", { name: `Edit ${title}` }).click();
    const editRow = page.getByRole("row").filter({ has: page.getByRole("button", { name: "Save" }) });
    await editRow.getByLabel("Title").fill(`${title} (m/w/d)`);
    await editRow.getByLabel("Office").fill("Hamburg");
    await editRow.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("row").filter({ hasText: `${title} (m/w/d)` })).toContainText("Hamburg");
    const job = await db.job.findFirstOrThrow({ where: { title: `${title} (m/w/d)` } });
    expect(job).toMatchObject({ department: "Marketing", office: "Hamburg" });
  });
});
