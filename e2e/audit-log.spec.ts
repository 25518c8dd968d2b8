import fs from "node:fs";

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
import { englishOnlyPhrases, expectNoEnglish } from "./i18n";

// The audit log for HR and compliance: every detail in words (English and German), filters by
// date range (the viewer's days), person and candidate kept in the URL, and a CSV export of the
// filtered entries with formula-like cells neutralised.

type Seeded = {
  actorA: TestUser;
  actorB: TestUser;
  evil: TestUser;
  muller: { id: string; name: string };
  oztuerk: { id: string; name: string };
  suffix: string;
};

// Entries in 2025, far from anything other tests write now, each by one of this test's people.
async function seedLog(): Promise<Seeded> {
  const suffix = uniqueSuffix();
  const [actorA, actorB, evil] = await Promise.all([
    createTestUser("recruiter", { name: `Auditor Anna ${suffix}` }),
    createTestUser("recruiter", { name: `Auditor Bert ${suffix}` }),
    // A name a spreadsheet would run as a formula, if the export let it.
    createTestUser("recruiter", { name: `=HYPERLINK("http://evil.example","click ${suffix}")` }),
  ]);
  const muller = await createTestCandidate({
    firstName: "Jürgen",
    lastName: `Müller ${suffix}`,
    email: `juergen.${suffix}@example.com`,
  });
  const oztuerk = await createTestCandidate({
    firstName: "Ayşe",
    lastName: `Öztürk ${suffix}`,
    email: `ayse.${suffix}@example.com`,
  });
  const row = (
    at: string,
    actorId: string,
    action: string,
    outcome: string,
    details: object,
    target?: { type: string; id: string },
  ) => ({
    at: new Date(at),
    actorId,
    action,
    outcome,
    details: JSON.stringify(details),
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
  });
  await db.auditLog.createMany({
    data: [
      row(
        "2025-01-10T10:00:00Z",
        actorA.id,
        "handoff.send",
        "failure",
        { code: "credentials_disabled", field: null, outcomeUnknown: false },
        { type: "candidate", id: muller.id },
      ),
      row(
        "2025-02-15T10:00:00Z",
        actorB.id,
        "handoff.link",
        "success",
        { employeeId: 4711, status: "LINKED" },
        { type: "candidate", id: oztuerk.id },
      ),
      // 00:30 on 20 March in Berlin (the viewer's zone), still 19 March in UTC.
      row(
        "2025-03-19T23:30:00Z",
        actorA.id,
        "integration.connect",
        "success",
        {
          clientId: "papi-e2e",
          subdomain: "acme",
          scopes: ["employees:read", "employees:write"],
          writePermission: "read_write",
        },
        { type: "integration", id: "personio" },
      ),
      row(
        "2025-03-25T09:00:00Z",
        actorA.id,
        "handoff.send",
        "success",
        { employeeId: 4242, status: "SENT" },
        { type: "candidate", id: oztuerk.id },
      ),
      row(
        "2025-04-02T09:00:00Z",
        evil.id,
        "handoff.send",
        "failure",
        { code: "credentials_disabled", field: null, outcomeUnknown: false },
        { type: "candidate", id: muller.id },
      ),
    ],
  });
  return {
    actorA,
    actorB,
    evil,
    muller: { id: muller.id, name: `${muller.firstName} ${muller.lastName}` },
    oztuerk: { id: oztuerk.id, name: `${oztuerk.firstName} ${oztuerk.lastName}` },
    suffix,
  };
}

// The viewer: an admin in Berlin time (explicit, whatever the default zone is).
async function createViewer() {
  const admin = await createTestUser("admin");
  await db.user.update({ where: { id: admin.id }, data: { timeZone: "Europe/Berlin" } });
  return admin;
}

const bodyRows = (page: Page) => page.getByRole("table").locator("tbody tr");

async function applyFilters(page: Page) {
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForLoadState();
}

test.describe("audit log", () => {
  test("filters by date range, person and candidate narrow the rows, kept in the URL", async ({ page }) => {
    const seeded = await seedLog();
    const admin = await createViewer();
    await signIn(page, admin);
    await page.goto("/admin/audit");

    await test.step("person: only what Anna did", async () => {
      const person = page.getByLabel("Person", { exact: true });
      await person.selectOption({ label: `${seeded.actorA.name} (${seeded.actorA.email})` });
      await applyFilters(page);
      await expect(page).toHaveURL(new RegExp(`person=${seeded.actorA.id}`));
      await expect(bodyRows(page)).toHaveCount(3);
      await expect(page.getByText("3 entries")).toBeVisible();
      for (const text of await bodyRows(page).allInnerTexts()) expect(text).toContain(seeded.actorA.name);
    });

    await test.step("date range: 20 to 31 March in the viewer's days (Berlin) finds the entry made at 00:30 Berlin time", async () => {
      await page.getByLabel("From", { exact: true }).fill("2025-03-20");
      await page.getByLabel("To", { exact: true }).fill("2025-03-31");
      // Keyboard alone: Enter in a field applies the form.
      await page.getByLabel("To", { exact: true }).press("Enter");
      await expect(page).toHaveURL(/from=2025-03-20&to=2025-03-31/);
      await expect(bodyRows(page)).toHaveCount(2);
      await expect(bodyRows(page).filter({ hasText: "Connected Personio" })).toHaveCount(1);
      await expect(bodyRows(page).filter({ hasText: `Candidate: ${seeded.oztuerk.name}` })).toHaveCount(1);
      // One day less, and the entry of 20 March (Berlin) stays out.
      await page.getByLabel("From", { exact: true }).fill("2025-03-21");
      await applyFilters(page);
      await expect(bodyRows(page)).toHaveCount(1);
      await expect(bodyRows(page)).toContainText("Sent a profile to Personio");
    });

    await test.step("candidate: words as people type them (mueller finds Müller), with the person filter cleared", async () => {
      await page.goto(`/admin/audit?candidate=${encodeURIComponent(`mueller ${seeded.suffix}`)}`);
      await expect(page.getByLabel("Candidate", { exact: true })).toHaveValue(`mueller ${seeded.suffix}`);
      await expect(bodyRows(page)).toHaveCount(2);
      for (const text of await bodyRows(page).allInnerTexts())
        expect(text).toContain(`Candidate: ${seeded.muller.name}`);
      await page.getByLabel("Candidate", { exact: true }).fill(`ozturk ${seeded.suffix}`);
      await page
        .getByLabel("Person", { exact: true })
        .selectOption({ label: `${seeded.actorB.name} (${seeded.actorB.email})` });
      await applyFilters(page);
      await expect(bodyRows(page)).toHaveCount(1);
      await expect(bodyRows(page)).toContainText("Linked a profile to an existing Personio employee");
      await page.getByLabel("Candidate", { exact: true }).fill(`nobody-${seeded.suffix}`);
      await applyFilters(page);
      await expect(page.getByText(`No candidate matches “nobody-${seeded.suffix}”.`)).toBeVisible();
      await expect(page.getByText("No entries match these filters.")).toBeVisible();
    });
  });

  test("a detail shows as words, not code values, in English and in German", DATABASE_INDEPENDENT, async ({ page }) => {
    const seeded = await seedLog();
    const admin = await createViewer();
    await signIn(page, admin);
    const codes = [
      "credentials_disabled",
      "outcomeUnknown",
      "writePermission",
      "read_write",
      "LINKED",
      "SENT",
      "employees:read",
      "false",
    ];

    await test.step("English", async () => {
      await page.goto(`/admin/audit?person=${seeded.actorA.id}`);
      const failed = bodyRows(page).filter({ hasText: `Candidate: ${seeded.muller.name}` });
      await expect(failed).toContainText("Credentials disabled or removed");
      await expect(failed.getByRole("term")).toHaveText(["Reason"]);
      await expect(failed.getByRole("definition")).toHaveText(["Credentials disabled or removed"]);
      const connected = bodyRows(page).filter({ hasText: "Connected Personio" });
      await expect(connected.getByRole("definition")).toHaveText([
        "papi-e2e",
        "acme",
        "Employees: read, Employees: write",
        "Read and write",
      ]);
      const sent = bodyRows(page).filter({ hasText: `Candidate: ${seeded.oztuerk.name}` });
      await expect(sent).toContainText("Created a new employee in Personio");
      const table = await page.getByRole("table").innerText();
      for (const code of codes) expect(table).not.toContain(code);
    });

    await test.step("German", async () => {
      await db.user.update({ where: { id: admin.id }, data: { locale: "de" } });
      await page.goto(`/admin/audit?person=${seeded.actorB.id}`);
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      const linked = bodyRows(page).filter({ hasText: `Kandidat:in: ${seeded.oztuerk.name}` });
      await expect(linked).toContainText("Profil mit bestehender Person in Personio verknüpft");
      await expect(linked.getByRole("term")).toHaveText(["Personio-ID der Person", "Ergebnis"]);
      await expect(linked.getByRole("definition")).toHaveText([
        "4711",
        "Mit einer Person verknüpft, die es in Personio schon gab",
      ]);
      await page.goto(`/admin/audit?person=${seeded.actorA.id}`);
      await expect(bodyRows(page).filter({ hasText: "Personio verbunden" }).getByRole("definition")).toHaveText([
        "papi-e2e",
        "acme",
        "Mitarbeitende: lesen, Mitarbeitende: schreiben",
        "Lesen und Schreiben",
      ]);
      await expect(bodyRows(page).filter({ hasText: seeded.muller.name })).toContainText(
        "Zugriffsdaten deaktiviert oder entfernt",
      );
      const table = await page.getByRole("table").innerText();
      for (const code of codes) expect(table).not.toContain(code);
      await expectNoEnglish(page, englishOnlyPhrases(), "the audit log");
    });
  });

  test("the CSV export downloads the filtered entries in the viewer's language, with formula cells neutralised, and is audited", async ({
    page,
  }) => {
    const seeded = await seedLog();
    const admin = await createViewer();
    await signIn(page, admin);

    await test.step("English: every entry of the candidate filter, not only a page", async () => {
      await page.goto(`/admin/audit?candidate=${encodeURIComponent(seeded.suffix)}`);
      await expect(bodyRows(page)).toHaveCount(4);
      const downloading = page.waitForEvent("download");
      await page.getByRole("link", { name: "Export CSV" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = fs.readFileSync((await download.path())!, "utf8");
      const lines = csv
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
      expect(lines[0]).toBe("When,Time zone,Who,What,Target,Outcome,Details");
      expect(lines).toHaveLength(1 + 4); // the four entries about either candidate (the connect is about the integration)
      // The evil name is one cell, neutralised with a leading ' (and quoted, as it holds quotes and commas).
      const evilLine = lines.find((line) => line.includes("evil.example"))!;
      expect(evilLine).toContain(`"'=HYPERLINK(""http://evil.example"",""click ${seeded.suffix}"")"`);
      expect(evilLine).not.toMatch(/(^|,)"?=/);
      expect(evilLine).toContain("2025-04-02 11:00:00,Europe/Berlin,");
      expect(evilLine).toContain(",Failed,Reason: Credentials disabled or removed");
      expect(csv).toContain(
        `,${seeded.actorB.name},Linked a profile to an existing Personio employee,Candidate: Ayşe Öztürk ${seeded.suffix},Succeeded,`,
      );
      const exported = await db.auditLog.findFirstOrThrow({
        where: { action: "audit.export", actorId: admin.id },
        orderBy: { at: "desc" },
      });
      expect(JSON.parse(exported.details!)).toEqual({ candidate: seeded.suffix });
    });

    await test.step("German: headers, words and the list separator German Excel expects", async () => {
      await db.user.update({ where: { id: admin.id }, data: { locale: "de" } });
      await page.goto(`/admin/audit?candidate=${encodeURIComponent(seeded.suffix)}&outcome=failure`);
      const downloading = page.waitForEvent("download");
      await page.getByRole("link", { name: "Als CSV exportieren" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^protokoll-\d{4}-\d{2}-\d{2}\.csv$/);
      const lines = fs
        .readFileSync((await download.path())!, "utf8")
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
      expect(lines[0]).toBe("Wann;Zeitzone;Wer;Was;Betrifft;Ergebnis;Einzelheiten");
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain(
        `;"'=HYPERLINK(""http://evil.example"",""click ${seeded.suffix}"")";Profil an Personio gesendet;Kandidat:in: Jürgen Müller ${seeded.suffix};Fehlgeschlagen;Grund: Zugriffsdaten deaktiviert oder entfernt`,
      );
      expect(lines[2]).toContain(`;${seeded.actorA.name};Profil an Personio gesendet;`);
    });

    await test.step("without audit:read the export is refused", async () => {
      const recruiter = await createTestUser("recruiter");
      await signIn(page, recruiter);
      const response = await page.request.get(`/admin/audit/export?candidate=${seeded.suffix}`);
      expect(response.status()).toBe(403);
      await expect.poll(() => db.auditLog.count({ where: { action: "access.denied", actorId: recruiter.id } })).toBe(1);
    });
  });

  test(
    "details read as people read them: fields in words, 'this server', a short checksum to copy, long entries folded",
    DATABASE_INDEPENDENT,
    async ({ page, context }) => {
      const admin = await createViewer();
      const sha = "da4359329c10e6ae8f012858d01c94879c720ab4a63b256058a3280fb6672dde";
      const row = (action: string, details: object) => ({
        at: new Date("2024-06-01T10:00:00Z"),
        actorId: admin.id,
        action,
        outcome: "success",
        details: JSON.stringify(details),
      });
      await db.auditLog.createMany({
        data: [
          row("auth.sign-in", { address: "::1" }),
          row("handoff.update", { employeeId: 4711, fields: ["firstName", "lastName"] }),
          row("import.run", {
            fileName: "bewerber.csv",
            fileSha256: sha,
            rows: 9,
            updated: 1,
            unchanged: 2,
            rejected: 3,
          }),
        ],
      });
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      await signIn(page, admin);
      await page.goto(`/admin/audit?person=${admin.id}&from=2024-06-01&to=2024-06-01`);
      await expect(bodyRows(page)).toHaveCount(3);

      const signedIn = bodyRows(page).filter({ hasText: "Address" });
      await expect(signedIn.getByRole("definition")).toHaveText(["this server"]);
      const update = bodyRows(page).filter({ hasText: "Fields changed" });
      await expect(update.getByRole("definition")).toContainText(["First name, Last name"]);
      await expect(update).not.toContainText("firstName");

      const imported = bodyRows(page).filter({ hasText: "bewerber.csv" });
      await expect(imported).toContainText("da4359329c10…");
      expect(await imported.innerText()).not.toContain(sha);
      await imported.getByRole("button", { name: "Copy File checksum (SHA-256)" }).click();
      await expect(imported.getByRole("button", { name: "Copied" })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sha);
      // Six details: three shown, the rest one click away instead of a tall row.
      const rejected = imported.getByRole("definition").filter({ hasText: /^3$/ });
      await expect(rejected).toBeHidden();
      await imported.getByText("3 more details").click();
      await expect(rejected).toBeVisible();

      // Every details list is proper: groups of one term and its definition.
      const shapes = await page
        .getByRole("table")
        .locator("dl")
        .evaluateAll((lists) =>
          lists.map((list) =>
            [...list.children].map((group) => [...group.children].map((child) => child.tagName).join("+")),
          ),
        );
      expect(shapes.length).toBeGreaterThan(0);
      for (const shape of shapes) for (const group of shape) expect(group).toBe("DT+DD");
    },
  );

  test(
    "on a phone the entries are cards and the page is no wider than the screen",
    DATABASE_INDEPENDENT,
    async ({ browser }) => {
      const seeded = await seedLog();
      const admin = await createViewer();
      const context = await browser.newContext({
        viewport: { width: 360, height: 800 },
        hasTouch: true,
        isMobile: true,
      });
      const page = await context.newPage();
      await signIn(page, admin);
      await page.goto(`/admin/audit?person=${seeded.actorA.id}`);
      await expect(page.getByRole("table")).toBeHidden();
      const cards = page.getByRole("list", { name: "Audit log" }).getByRole("listitem");
      await expect(cards).toHaveCount(3);
      await expect(cards.filter({ hasText: "Connected Personio" })).toContainText("Employees access");
      await expect(cards.filter({ hasText: "Connected Personio" })).toContainText("Read and write");
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      // The filters are reachable and usable on the phone too.
      await page.getByLabel("Candidate", { exact: true }).fill(`mueller ${seeded.suffix}`);
      await page.getByRole("button", { name: "Apply" }).tap();
      await expect(cards).toHaveCount(1);
      await context.close();
    },
  );
});
