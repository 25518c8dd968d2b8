import fs from "node:fs";

import { generateApiKey } from "@/lib/api-keys/key-material";

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
import { loadOpenApiValidator } from "./openapi-validator";

// Erasure and access requests in the browser and over the API. What an erasure reaches in every
// store, and the scan of every column afterwards, is lib/privacy/privacy.db.test.ts (both
// databases); here: the page's flow, the download, the refusals, and the API's DELETE.

async function createKey(scopes: string) {
  const material = generateApiKey();
  await db.apiKey.create({
    data: { name: `e2e ${uniqueSuffix()}`, prefix: material.prefix, keyHash: material.keyHash, scopes },
  });
  return { authorization: `Bearer ${material.key}` };
}

test(
  "an admin finds a person by email, downloads everything, erases it; a second erasure finds nothing",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const candidate = await createTestCandidate({ phone: "+49 170 7654321" });
    await signIn(page, await createTestUser("admin"));
    await page.goto("/admin/privacy");
    await expect(page.getByText("Personio is not touched")).toBeVisible();

    await test.step("search by email lists the candidate", async () => {
      await page.getByLabel("Email", { exact: true }).fill(candidate.email);
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page.getByRole("region", { name: "Found about this person" })).toContainText(
        `${candidate.firstName} ${candidate.lastName}`,
      );
    });

    await test.step("the download holds the person's data; the audit keeps counts only", async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download everything (JSON)" }).click(),
      ]);
      const document = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as {
        candidates: Array<{ email: string; phone: string }>;
      };
      expect(document.candidates).toEqual([
        expect.objectContaining({ email: candidate.email, phone: "+49 170 7654321" }),
      ]);
      const entry = await db.auditLog.findFirstOrThrow({
        where: { action: "privacy.export" },
        orderBy: { at: "desc" },
      });
      expect(entry.details).not.toContain(candidate.email);
    });

    await test.step("erase after confirming", async () => {
      await page.getByRole("button", { name: "Erase…" }).click();
      await page.getByRole("button", { name: "Erase permanently" }).click();
      await expect(page.getByText("The person's data was erased.")).toBeVisible();
      expect(await db.candidate.findUnique({ where: { id: candidate.id } })).toBeNull();
    });

    await test.step("the same email again: nothing found, nothing erased", async () => {
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page.getByText("Nothing was found for this person.")).toBeVisible();
    });
  },
);

test(
  "from a candidate's profile, More → Erase or export personal data opens the Privacy page with that person found; a recruiter has no such item",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const candidate = await createTestCandidate({ stage: "HIRED" });
    await signIn(page, await createTestUser("admin"));
    await page.goto(`/candidates/${candidate.id}`);
    await page.getByRole("button", { name: "More" }).click();
    await page.getByRole("menuitem", { name: "Erase or export personal data" }).click();
    await expect(page).toHaveURL(`/admin/privacy?candidate=${candidate.id}`);
    await expect(page.getByRole("region", { name: "Found about this person" })).toContainText(
      `${candidate.firstName} ${candidate.lastName}`,
    );

    await page.context().clearCookies();
    await signIn(page, await createTestUser("recruiter"));
    await page.goto(`/candidates/${candidate.id}`);
    await page.getByRole("button", { name: "More" }).click();
    await expect(page.getByRole("menuitem", { name: "Send to Personio" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Erase or export personal data" })).toHaveCount(0);
  },
);

test(
  "without privacy:manage: the page and the download are refused (403) and nothing changes",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const candidate = await createTestCandidate();
    await signIn(page, await createTestUser("recruiter"));
    expect((await page.goto("/admin/privacy"))!.status()).toBe(403);
    const download = await page.request.post("/admin/privacy/export", { form: { email: candidate.email } });
    expect(download.status()).toBe(403);
    expect(await db.candidate.findUnique({ where: { id: candidate.id } })).not.toBeNull();
  },
);

test("DELETE /api/v1/candidates/{id} needs its own scope and erases as the page does", async ({ request }) => {
  const spec = await loadOpenApiValidator(request);
  const candidate = await createTestCandidate();
  const writeOnly = await createKey("candidates:read candidates:write");
  const refused = await request.delete(`/api/v1/candidates/${candidate.id}`, { headers: writeOnly });
  expect(await spec.check("DELETE", "/candidates/{id}", refused)).toMatchObject({ status: 403 });
  expect(await db.candidate.findUnique({ where: { id: candidate.id } })).not.toBeNull();

  const eraser = await createKey("candidates:erase");
  const erased = await request.delete(`/api/v1/candidates/${candidate.id}`, { headers: eraser });
  expect(await spec.check("DELETE", "/candidates/{id}", erased)).toMatchObject({
    outcome: "erased",
    counts: { candidates: 1 },
  });
  expect(await db.candidate.findUnique({ where: { id: candidate.id } })).toBeNull();
  const again = await request.delete(`/api/v1/candidates/${candidate.id}`, { headers: eraser });
  expect(again.status()).toBe(404);
});
