import { randomInt } from "node:crypto";

import type { SourceKind } from "@/lib/webhooks/kinds";

import { createTestUser, DATABASE_INDEPENDENT, db, expect, signIn, test, uniqueSuffix } from "./fixtures";
import { englishOnlyPhrases, expectNoEnglish } from "./i18n";
import { sandboxEmployeesWithEmail } from "./personio";
import { fixtureBody, postSigned } from "./webhooks";

test.describe("ATS sources in the browser", () => {
  test(
    "an admin adds a Greenhouse source and copies its URL and secret; a signed hire_candidate arrives; a recruiter sends the new hire",
    DATABASE_INDEPENDENT,
    async ({ browser, request }) => {
      const admin = await createTestUser("admin");
      const recruiter = await createTestUser("recruiter");
      const adminContext = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
      const page = await adminContext.newPage();
      await signIn(page, admin);
      const name = `Greenhouse ${uniqueSuffix()}`;

      const { url, secret } =
        await test.step("the admin adds a Greenhouse source from the marketplace's ATS category", async () => {
          await page.goto("/admin/integrations");
          await page.getByRole("link", { name: "ATS" }).click();
          await expect(page.getByRole("heading", { name: "ATS", level: 2 })).toBeVisible();
          // "Integrate Greenhouse" on a fresh installation; once any Greenhouse source exists (other
          // tests add them to the shared database) the card says "Manage Greenhouse" and leads to the
          // sources, where "Add Greenhouse" adds another.
          const card = page.getByRole("link", { name: /^(Integrate|Manage) Greenhouse$/ });
          if ((await card.textContent())?.startsWith("Manage")) {
            await card.click();
            await page.getByRole("link", { name: "Add Greenhouse" }).click();
          } else {
            await card.click();
          }
          await expect(page.getByRole("heading", { name: "Add Greenhouse" })).toBeVisible();
          await expect(page.getByRole("heading", { name: "Set it up in Greenhouse" })).toBeVisible();
          await page.getByLabel("Name").fill(name);
          await page.getByRole("button", { name: "Add source" }).click();
          await expect(page.getByText(`${name} was added.`)).toBeVisible();
          await expect(page.getByText("shown only this once")).toBeVisible();

          await page.getByRole("button", { name: "Copy: Endpoint URL" }).click();
          await expect(page.getByRole("button", { name: "Copy: Endpoint URL" })).toHaveText("Copied");
          const copiedUrl = await page.evaluate(() => navigator.clipboard.readText());
          await page.getByRole("button", { name: "Copy: Secret" }).click();
          const copiedSecret = await page.evaluate(() => navigator.clipboard.readText());
          expect(copiedUrl).toMatch(/^http:\/\/localhost:\d+\/api\/webhooks\/[A-Za-z0-9_-]{32}$/);
          expect(copiedSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
          await expect(page.getByRole("textbox", { name: "Endpoint URL", exact: true })).toHaveValue(copiedUrl);
          // Stored encrypted: the secret is nowhere in the database as plain text.
          const stored = await db.webhookSource.findFirstOrThrow({ where: { name } });
          expect(stored.secretEncrypted).not.toContain(copiedSecret);
          return { url: copiedUrl, secret: copiedSecret };
        });

      const id = String(randomInt(100_000_000, 999_999_999));
      const email = `new.hire.${id}@example.com`;
      await test.step("Greenhouse posts hire_candidate, signed with that secret", async () => {
        const body = fixtureBody("greenhouse-hire_candidate.json")
          .toString("utf8")
          .replaceAll("35897443", id)
          .replace("personal@example.com", email)
          .replace('"Johnny"', '"Janina"')
          .replace('"Smith"', `"Smith-${id}"`);
        const result = await postSigned(
          request,
          { path: new URL(url).pathname, secret, kind: "greenhouse" as SourceKind },
          body,
        );
        expect(result.json).toMatchObject({ status: "created" });
      });

      await test.step("the source's page shows the last delivery, and the intake log shows the mapped fields", async () => {
        await page.getByRole("link", { name: "Open the source's page" }).click();
        await expect(page.getByRole("heading", { name })).toBeVisible();
        await expect(page.getByText("Created").first()).toBeVisible();
        // The namespace of its candidate ids, its own even beside other Greenhouse sources.
        const stored = await db.webhookSource.findFirstOrThrow({ where: { name } });
        await expect(page.getByText(stored.externalSource, { exact: true })).toBeVisible();
        await page.getByRole("link", { name: "See this source's deliveries" }).click();
        const row = page.getByTestId("intake-row").first();
        await expect(row).toHaveAttribute("data-outcome", "created");
        await row.getByText("Fields taken").click();
        await expect(row.getByText(email)).toBeVisible();
        await expect(row.getByText("Developer")).toBeVisible();
        await expect(page.getByText("Man of Mystery")).toHaveCount(0);
      });

      const { externalSource } = await db.webhookSource.findFirstOrThrow({ where: { name } });
      const candidate = await db.candidate.findUniqueOrThrow({
        where: { externalSource_externalId: { externalSource, externalId: id } },
      });
      await test.step("a recruiter sees the new hire in the To send queue, reviews it and sends it to Personio", async () => {
        const recruiterPage = await browser.newPage();
        await signIn(recruiterPage, recruiter);
        await recruiterPage.goto("/candidates");
        await recruiterPage
          .getByRole("navigation", { name: "Main navigation" })
          .getByRole("link", { name: /^To send/ })
          .click();
        await expect(recruiterPage).toHaveURL("/to-send");
        const queue = recruiterPage.getByRole("table", { name: "To send" });
        const entry = queue
          .getByRole("row")
          .filter({ has: recruiterPage.getByRole("link", { name: `Janina Smith-${id}` }) })
          .filter({ hasText: email });
        await expect(entry).toBeVisible();
        await expect(entry).toContainText("Developer");
        await recruiterPage.getByLabel(`Select Janina Smith-${id}`).check();
        await recruiterPage.getByRole("button", { name: "Review & send (1)" }).click();
        await expect(recruiterPage).toHaveURL(/\/to-send\/review\?ids=/);
        await expect(recruiterPage.getByLabel("First name")).toHaveValue("Janina");
        await expect(recruiterPage.getByLabel("Last name")).toHaveValue(`Smith-${id}`);
        await expect(recruiterPage.getByLabel("Email")).toHaveValue(email);
        await expect(recruiterPage.getByLabel("Job title")).toHaveValue("Developer");
        // The review form offers department and office by default, prefilled from Greenhouse's; these
        // are not among Personio's, so they are flagged and Send waits until they are chosen or cleared.
        await expect(
          recruiterPage.getByText(
            "“Technology” is not one of Personio’s values for Department, so Personio would ignore it.",
          ),
        ).toBeVisible();
        await expect(recruiterPage.getByRole("button", { name: "Send", exact: true })).toBeDisabled();
        await recruiterPage.getByRole("combobox", { name: "Department" }).fill("");
        await recruiterPage.getByRole("combobox", { name: "Office" }).fill("");
        await recruiterPage.getByRole("button", { name: "Send", exact: true }).click();
        await expect(
          recruiterPage.getByRole("status").filter({ hasText: `Janina Smith-${id} was sent to Personio.` }),
        ).toBeVisible();
        const employees = await sandboxEmployeesWithEmail(email);
        expect(employees).toHaveLength(1);
        expect(employees[0]).toMatchObject({ first_name: "Janina", last_name: `Smith-${id}` });
        expect((await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).status).toBe("SENT");
        // Sent: it has left the queue.
        await recruiterPage.goto("/to-send");
        await expect(recruiterPage.getByRole("link", { name: `Janina Smith-${id}` })).toHaveCount(0);
        await recruiterPage.close();
      });
      await adminContext.close();
    },
  );

  test(
    "an admin rotates the secret (the old one still works in its grace period), disables the source and deletes it",
    DATABASE_INDEPENDENT,
    async ({ page, request }) => {
      const admin = await createTestUser("admin");
      await signIn(page, admin);
      await page.goto("/admin/integrations/ats/new?kind=handoff");
      await page.getByRole("button", { name: "Add source" }).click();
      const url = await page.getByRole("textbox", { name: "Endpoint URL", exact: true }).inputValue();
      const oldSecret = await page.getByRole("textbox", { name: "Secret", exact: true }).inputValue();
      await page.getByRole("link", { name: "Open the source's page" }).click();

      await page.getByRole("button", { name: "Rotate secret" }).click();
      await page.getByRole("dialog", { name: "Rotate the secret?" }).getByRole("button", { name: "Rotate" }).click();
      await expect(page.getByText(/Secret rotated\. The previous one is accepted until/)).toBeVisible();
      const newSecret = await page.getByRole("textbox", { name: "Secret", exact: true }).inputValue();
      expect(newSecret).not.toBe(oldSecret);

      const source = { path: new URL(url).pathname, kind: "handoff" as SourceKind, sourceId: "", secret: newSecret };
      const hire = (n: number) =>
        JSON.stringify({
          id: `rot-${uniqueSuffix()}-${n}`,
          type: "candidate.hired",
          candidate: {
            externalId: `rot-${uniqueSuffix()}`,
            firstName: "Rita",
            lastName: "Rot",
            email: `rita.${uniqueSuffix()}@example.com`,
            jobTitle: "Tester",
          },
        });
      expect((await postSigned(request, source, hire(1))).json).toMatchObject({ status: "created" });
      expect((await postSigned(request, source, hire(2), { secret: oldSecret })).json).toMatchObject({
        status: "created",
      });
      expect((await postSigned(request, source, hire(3), { secret: "never-was-a-secret" })).status).toBe(401);

      await page.getByRole("button", { name: "Disable" }).click();
      await expect(page.getByText("Source disabled.")).toBeVisible();
      const refused = await postSigned(request, source, hire(4));
      expect([refused.status, refused.headers["retry-after"]]).toEqual([503, "300"]);
      await page.reload();
      await expect(
        page.getByText(
          'The source is disabled, so Handoff answered "try again later" (503) and the ATS will retry. Enable it here to receive the hire.',
        ),
      ).toBeVisible();

      // Deleting leads back to the sources (the source's own page is gone), and the URL is dead.
      const sourcePage = page.url();
      await page.getByRole("button", { name: "Delete", exact: true }).click();
      await page
        .getByRole("dialog", { name: "Delete this source?" })
        .getByRole("button", { name: "Delete permanently" })
        .click();
      await expect(page).toHaveURL(/\/admin\/integrations\/ats$/);
      expect(await db.webhookSource.count({ where: { id: sourcePage.split("/").pop() } })).toBe(0);
      expect((await postSigned(request, source, hire(5))).status).toBe(404);
    },
  );
});

test.describe("ATS sources in German", () => {
  test.use({ locale: "de-DE" });

  test(
    "an admin who chose German adds a source and reads its page and the intake log without English",
    DATABASE_INDEPENDENT,
    async ({ page, request }) => {
      const english = englishOnlyPhrases();
      const admin = await createTestUser("admin", { name: `Greta ATS ${uniqueSuffix()}` });
      await db.user.update({ where: { id: admin.id }, data: { locale: "de" } });
      await signIn(page, admin);

      await page.goto("/admin/integrations/ats");
      await expect(page.getByRole("heading", { name: "ATS-Quellen", level: 1 })).toBeVisible();
      await expectNoEnglish(page, english, "the ATS sources");

      await page.goto("/admin/integrations/ats/new?kind=greenhouse");
      await expect(page.getByRole("heading", { name: "Greenhouse hinzufügen" })).toBeVisible();
      await expectNoEnglish(page, english, "the new source form");
      const name = `Greenhouse DE ${uniqueSuffix()}`;
      await page.getByLabel("Name").fill(name);
      await page.getByRole("button", { name: "Quelle hinzufügen" }).click();
      await expect(page.getByText(`${name} wurde hinzugefügt.`)).toBeVisible();
      await expectNoEnglish(page, english, "the new source with its URL and secret");

      // One delivery that is taken, one with a wrong signature: both outcomes on the page in German.
      const url = await page.getByRole("textbox", { name: "Endpunkt-URL", exact: true }).inputValue();
      const secret = await page.getByRole("textbox", { name: "Secret", exact: true }).inputValue();
      const source = { path: new URL(url).pathname, secret, kind: "greenhouse" as SourceKind, sourceId: "" };
      const id = String(randomInt(100_000_000, 999_999_999));
      const body = fixtureBody("greenhouse-hire_candidate.json")
        .toString("utf8")
        .replaceAll("35897443", id)
        .replace("personal@example.com", `de.${id}@example.com`);
      expect((await postSigned(request, source, body)).json).toMatchObject({ status: "created" });
      expect((await postSigned(request, source, body.replace(id, `${id}1`), { secret: "not-the-secret" })).status).toBe(
        401,
      );

      await page.getByRole("link", { name: "Seite der Quelle öffnen" }).click();
      await expect(page.getByRole("heading", { name })).toBeVisible();
      await expectNoEnglish(page, english, "the source's page");
      await page.getByRole("link", { name: "Zustellungen dieser Quelle ansehen" }).click();
      await expect(page.getByRole("heading", { name: "Eingangsprotokoll" })).toBeVisible();
      await expect(page.getByTestId("intake-row")).toHaveCount(2);
      await expectNoEnglish(page, english, "the intake log");
    },
  );
});
