import type { Page } from "@playwright/test";

import { DEFAULT_ROLES } from "@/lib/permissions/definitions";
import { demoCredentialFromEnv } from "@/scripts/personio-sandbox/demo";

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
import { sandboxEmployeesWithEmail } from "./personio";

// German-speaking HR, in German from the first screen to the badge: the admin reconnects Personio
// and sets who may send; a recruiter in New York finds a hired candidate and sends them. Both
// people have chosen German; their browsers ask for German too (the sign-in page has no person to
// ask). Exclusive: it deletes and reconnects the one Personio integration.
test.describe.configure({ mode: "serial" });
test.use({ locale: "de-DE", timezoneId: "America/New_York" });

const PERSONIO_PERMISSIONS = ["personio:send", "personio:see-badge"];
const DEMO = { ...demoCredentialFromEnv(), subdomain: "demo" };
const english = englishOnlyPhrases();

let original: NonNullable<Awaited<ReturnType<typeof db.personioIntegration.findUnique>>>;
let admin: TestUser;
let recruiter: TestUser;

async function germanUser(roleId: "admin" | "recruiter", name: string) {
  const user = await createTestUser(roleId, { name });
  await db.user.update({ where: { id: user.id }, data: { locale: "de" } });
  return user;
}

test.beforeAll(async () => {
  original = (await db.personioIntegration.findUnique({ where: { id: "personio" } }))!;
  expect(original, "the e2e server starts with the demo credential connected").not.toBeNull();
  admin = await germanUser("admin", `Greta Admin ${uniqueSuffix()}`);
  recruiter = await germanUser("recruiter", `Jana Recruiterin ${uniqueSuffix()}`);
});

test.afterAll(async () => {
  // What the other specs expect, whatever happened here: the demo credential connected, the
  // seeded role settings.
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...data } = original;
  await db.personioIntegration.upsert({
    where: { id: "personio" },
    create: { ...data, id: "personio", enabled: true },
    update: { ...data, enabled: true },
  });
  await db.rolePermission.deleteMany({ where: { permission: { in: PERSONIO_PERMISSIONS } } });
  await db.rolePermission.createMany({
    data: DEFAULT_ROLES.flatMap((role) =>
      role.permissions
        .filter((permission) => PERSONIO_PERMISSIONS.includes(permission))
        .map((permission) => ({ roleId: role.id, permission })),
    ),
  });
});

async function expectGerman(page: Page, where: string) {
  await expectNoEnglish(page, english, where);
}

test("an admin connects Personio and sets the roles, in German", DATABASE_INDEPENDENT, async ({ page }) => {
  await signIn(page, admin);

  await test.step("Marktplatz → HRIS → Personio verwalten", async () => {
    await page.goto("/admin/integrations");
    await expect(page.getByRole("heading", { name: "Marktplatz", level: 1 })).toBeVisible();
    await page.getByRole("navigation", { name: "Kategorien" }).getByRole("link", { name: "HRIS" }).click();
    await expect(page).toHaveURL(/category=hris/);
    const personio = page.getByRole("region", { name: "HRIS" }).getByRole("article", { name: "Personio" });
    await expect(personio).toContainText("Verbunden");
    await expectGerman(page, "the marketplace");
    await personio.getByRole("link", { name: "Personio verwalten" }).click();
    await expect(page.getByRole("heading", { name: "Personio", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Verbindungsstatus" })).toBeVisible();
    await expectGerman(page, "the Personio settings");
  });

  await test.step("Integration löschen → Endgültig löschen", async () => {
    await page.getByRole("button", { name: "Integration löschen" }).click();
    const dialog = page.getByRole("dialog", { name: "Personio-Integration löschen?" });
    await expect(dialog).toContainText("Bereits in Personio angelegte Mitarbeitende bleiben dort");
    await expectGerman(page, "the delete confirmation");
    await dialog.getByRole("button", { name: "Endgültig löschen" }).click();
    await expect(page).toHaveURL(/\/admin\/integrations\?deleted=1$/);
    await expect(page.getByRole("main").getByRole("status")).toContainText("Die Personio-Integration wurde gelöscht.");
    expect(await db.personioIntegration.findUnique({ where: { id: "personio" } })).toBeNull();
  });

  await test.step("Integrieren → Akzeptieren & Integrieren", async () => {
    await page.getByRole("link", { name: "Personio integrieren" }).click();
    await expect(page.getByRole("heading", { name: "Personio integrieren", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "API-Zugriffsdaten in Personio erstellen" })).toContainText(
      "Einstellungen → Integrationen → API-Zugriffsdaten",
    );
    await expectGerman(page, "the information screen");
    await page.getByRole("link", { name: "Akzeptieren & Integrieren" }).click();
    await expect(page.getByRole("heading", { name: "Personio verbinden", level: 1 })).toBeVisible();
  });

  await test.step("a wrong secret is refused in German, the right Zugriffsdaten connect", async () => {
    await page.getByLabel("Client-ID").fill(DEMO.clientId);
    await page.getByLabel("Client-Secret").fill(`${DEMO.clientSecret}-falsch`);
    await page.getByLabel("Personio-Subdomain").fill("https://demo.personio.de/");
    await page.getByLabel("Personio-Subdomain").blur();
    await expect(
      page.getByText("Es wird nur die Subdomain gebraucht, deshalb wurde aus „https://demo.personio.de/“ „demo“."),
    ).toBeVisible();
    await page.getByRole("button", { name: "Integrieren" }).click();
    const refused = page.getByRole("main").getByRole("alert");
    await expect(refused).toContainText("Es wurde nichts gespeichert.");
    await expect(refused).toContainText("Personio hat diese Client-ID und dieses Client-Secret nicht akzeptiert.");
    await expectGerman(page, "the connect form with its error");

    await page.getByLabel("Client-Secret").fill(DEMO.clientSecret);
    await page.getByRole("button", { name: "Integrieren" }).click();
    await expect(page).toHaveURL(/\/admin\/integrations\/personio\?connected=read_write$/);
    await expect(
      page.getByRole("main").getByRole("status").filter({ hasText: "Personio ist verbunden." }),
    ).toBeVisible();
    await expect(
      page.getByText("Personio hat die Berechtigungen Mitarbeitende → Lesen und Schreiben bestätigt."),
    ).toBeVisible();
    expect(await db.personioIntegration.findUnique({ where: { id: "personio" } })).toMatchObject({
      clientId: DEMO.clientId,
      subdomain: "demo",
      connectedById: admin.id,
    });
  });

  await test.step("Hiring Manager may send, then not again; the roles are named in German", async () => {
    await page
      .getByRole("navigation", { name: "Personio-Einstellungen" })
      .getByRole("link", { name: "Rollen" })
      .click();
    const roles = page.getByRole("region", { name: "Wer senden darf und wer das Badge sieht" });
    await expect(roles.getByRole("rowheader")).toHaveText([
      "Admin",
      "Recruiter:in",
      "Hiring-Manager:in",
      "Interviewer:in",
    ]);
    const maySend = roles.getByRole("checkbox", { name: "Hiring-Manager:in: Darf Profile an Personio senden" });
    await expect(maySend).not.toBeChecked();
    await maySend.check();
    await expect(roles.getByRole("status")).toHaveText(
      "Hiring-Manager:in: „Darf Profile an Personio senden“ ist jetzt an.",
    );
    expect(await db.rolePermission.count({ where: { roleId: "hiring_manager", permission: "personio:send" } })).toBe(1);
    await expectGerman(page, "the role settings after a change");
    await maySend.uncheck();
    await expect(roles.getByRole("status")).toHaveText(
      "Hiring-Manager:in: „Darf Profile an Personio senden“ ist jetzt aus.",
    );
    expect(await db.rolePermission.count({ where: { roleId: "hiring_manager", permission: "personio:send" } })).toBe(0);
  });
});

test(
  "a recruiter in New York signs in, finds a hired candidate, corrects and sends, in German",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const candidate = await createTestCandidate({
      firstName: "Jürgen",
      lastName: `Schmdit-${uniqueSuffix()}`,
      stage: "HIRED",
    });
    const corrected = candidate.lastName.replace("Schmdit", "Schmidt");

    await test.step("the sign-in page follows the browser's language; signing in records the browser's time zone", async () => {
      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { name: "Anmelden", exact: true })).toBeVisible();
      await expectGerman(page, "the sign-in page");
      await page.getByLabel("E-Mail").fill(recruiter.email);
      await page.getByLabel("Passwort").fill("not-the-password");
      await page.getByRole("button", { name: "Anmelden" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(
        "E-Mail oder Passwort ist falsch. Prüfe beides und versuche es noch einmal.",
      );
      await page.getByLabel("Passwort").fill("e2e-password-2026");
      await page.getByRole("button", { name: "Anmelden" }).click();
      await expect(page.getByRole("heading", { name: "Kandidat:innen", level: 1 })).toBeVisible();
      expect(
        await db.user.findUniqueOrThrow({ where: { id: recruiter.id }, select: { timeZone: true, locale: true } }),
      ).toEqual({
        timeZone: "America/New_York",
        locale: "de",
      });
    });

    await test.step("find the hired candidate with the search and the Phase filter", async () => {
      await page.getByLabel("Nach Name oder E-Mail suchen").fill(candidate.lastName);
      await page.getByLabel("Phase").selectOption({ label: "Eingestellt" });
      await page.getByRole("button", { name: "Filter anwenden" }).click();
      await expect(page.getByText("1 Kandidat:in", { exact: true })).toBeVisible();
      await expectGerman(page, "the candidate list");
      await page.getByRole("link", { name: `Jürgen ${candidate.lastName}` }).click();
      await expect(page.getByRole("heading", { name: `Jürgen ${candidate.lastName}`, level: 1 })).toBeVisible();
      await expect(page.getByText("Eingestellt", { exact: true })).toBeVisible();
      await expectGerman(page, "the candidate profile");
    });

    const dialog = page.getByRole("dialog", { name: "An Personio senden" });
    await test.step("Mehr ▾ → An Personio senden; the form checks in German", async () => {
      await page.getByRole("button", { name: "Mehr" }).click();
      await page.getByRole("menuitem", { name: "An Personio senden" }).click();
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel("Nachname")).toHaveValue(candidate.lastName);
      await dialog.getByLabel("E-Mail").fill("jürgen@müller.de");
      await expect(
        dialog.getByText("Personio braucht die E-Mail-Adresse in reinem ASCII", { exact: false }),
      ).toBeVisible();
      await dialog.getByLabel("E-Mail").fill(candidate.email);
      await dialog.getByLabel("Nachname").fill(" ");
      await expect(dialog.getByText("Pflichtfeld.")).toBeVisible();
      await dialog.getByLabel("Nachname").fill(corrected);
      await expect(dialog.getByTestId("preview-lastName")).toHaveText(corrected);
      await expectGerman(page, "the review form");
    });

    const sentAt = Date.now();
    await test.step("Senden", async () => {
      await dialog.getByRole("button", { name: "Senden" }).click();
      await expect(dialog.getByRole("status")).toHaveText("An Personio gesendet.");
      const employees = await sandboxEmployeesWithEmail(candidate.email);
      expect(employees).toHaveLength(1);
      expect(employees[0]).toMatchObject({ first_name: "Jürgen", last_name: corrected });
      await dialog.getByRole("button", { name: "Schließen" }).click();
    });

    await test.step("the badge's hover says who and when, in German, in New York time, and names the zone", async () => {
      const badge = page.getByRole("main").getByRole("link", { name: /^Personio/ });
      await badge.hover();
      await expect(page.getByRole("tooltip")).toBeVisible();
      // The message formats {sentAt, date, medium} and {sentAt, time, short} as next-intl does.
      const when = (at: number) => ({
        date: new Intl.DateTimeFormat("de", {
          day: "numeric",
          month: "short",
          year: "numeric",
          timeZone: "America/New_York",
        }).format(at),
        time: new Intl.DateTimeFormat("de", {
          hour: "numeric",
          minute: "numeric",
          timeZone: "America/New_York",
        }).format(at),
      });
      const expected = [when(sentAt), when(sentAt + 60_000)].map(
        ({ date, time }) =>
          `An Personio gesendet von ${recruiter.name} am ${date} um ${time} Uhr (Nordamerikanische Ostküstenzeit)`,
      );
      const description = await badge.evaluate(
        (element) => document.getElementById(element.getAttribute("aria-describedby")!)!.textContent,
      );
      expect(expected).toContain(description);
      await expectGerman(page, "the profile with the badge");
    });

    await test.step("Mehr ▾ shows the option disabled, saying who sent it and when", async () => {
      await page.getByRole("button", { name: "Mehr" }).click();
      const item = page.getByRole("menuitem", { name: "An Personio senden" });
      await expect(item).toHaveAttribute("aria-disabled", "true");
      await expect(item).toHaveAccessibleDescription(new RegExp(`^Schon gesendet von ${recruiter.name} am `));
      await expectGerman(page, "the menu with the disabled option");
    });
  },
);
