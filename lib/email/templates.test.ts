import { describe, expect, it } from "vitest";

import { readCatalogue } from "@/lib/i18n/catalogue";

import { renderEmail, type EmailTemplateName, type EmailTemplates } from "./templates";

// Every template, in both languages, with data that would break HTML if it were not escaped.
const SAMPLES: { [Name in EmailTemplateName]: EmailTemplates[Name] } = {
  "account.invitation": {
    name: "Ada <b>Lovelace</b>",
    linkPath: "/set-password/abc",
    expiresAt: "2026-12-10T09:00:00Z",
  },
  "account.reset": { name: "Ada <b>Lovelace</b>", linkPath: "/set-password/abc", expiresAt: "2026-12-10T09:00:00Z" },
  "account.sso-only": { name: "Ada", providerLabel: "Contoso SSO" },
  "email.test": {},
  "notify.new-hires": {
    hires: [{ candidateId: "c1", name: "Ada <b>Lovelace</b>", position: "Engineer", startDate: "2027-01-04" }],
    more: 2,
  },
  "notify.digest": {
    hires: [
      { candidateId: "c1", name: "Ada Lovelace", position: "Engineer", startDate: "2027-01-04" },
      { candidateId: "c2", name: "Grace Hopper", position: "Admiral", startDate: null },
    ],
    more: 0,
  },
  "notify.automatic-sends": {
    hires: [{ candidateId: "c1", name: "Ada Lovelace", position: "Engineer", startDate: "2027-01-04" }],
    more: 1,
  },
  "notify.send-failed": { candidateId: "c1", name: "Ada Lovelace", code: "invalid_credentials" },
  "notify.connection-failing": { code: "some_new_code", since: "2026-12-10T09:00:00Z" },
  "notify.new-employee": {
    name: "Ada Lovelace",
    position: "Engineer",
    startDate: "2027-01-04",
    employeeUrl: "https://acme.personio.de/staff/details/42",
  },
};
// Notifications carry the why-you-get-this footer with the link to the profile's settings.
const AUDIENCE = (template: EmailTemplateName) =>
  template.startsWith("notify.new-employee") ? "address" : template.startsWith("notify.") ? "notification" : "account";
const TEMPLATES = Object.keys(SAMPLES) as EmailTemplateName[];
const context = { timeZone: "Europe/Berlin", appUrl: "https://handoff.example.com" };

function render(template: EmailTemplateName, locale: "en" | "de") {
  return renderEmail(template, SAMPLES[template] as never, { ...context, locale }, AUDIENCE(template));
}

// The HTML's text as a reader sees it: tags out, entities decoded.
function htmlText(html: string) {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (entity, code: string) => {
      const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
      if (code.toLowerCase() in named) return named[code.toLowerCase()]!;
      return String.fromCodePoint(code[1] === "x" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
    });
}

// The English catalogue's sentences with their placeholders cut out: the fixed words of each.
function englishFragments(): string[] {
  const { email } = readCatalogue("en") as { email: Record<string, unknown> };
  const fragments: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") fragments.push(...value.split(/\{[^}]+\}/).map((part) => part.trim()));
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(email);
  // Short leftovers ("Hello", ",") say nothing about the language of the whole.
  return fragments.filter((fragment) => fragment.length >= 8);
}

describe("email templates", () => {
  it.each(TEMPLATES)("%s: a German email holds no English sentence", async (template) => {
    const german = await render(template, "de");
    // Links are addresses, not language (/set-password/… holds "password").
    const words = german.text.replace(/https?:\/\/\S+/g, "");
    for (const fragment of englishFragments()) {
      expect(words).not.toContain(fragment);
      expect(german.subject).not.toContain(fragment);
    }
    expect(german.html).toContain('lang="de"');
  });

  it.each(TEMPLATES)("%s: text and HTML say the same, with the app's name and link", async (template) => {
    for (const locale of ["en", "de"] as const) {
      const email = await render(template, locale);
      expect(email.subject).toContain("Handoff");
      expect(email.text).toContain("Handoff");
      expect(email.text).toContain("https://handoff.example.com");
      expect(email.html).toContain("https://handoff.example.com");
      const words = htmlText(email.html);
      for (const line of email.text.split("\n").filter((line) => line && !/^-+$/.test(line))) {
        // A link's text and address sit side by side in the plain text, apart in the HTML.
        for (const part of line.split(/ (?=https?:)/))
          expect(part.startsWith("http") ? email.html : words).toContain(part.trim());
      }
    }
  });

  it("notifications link to the profile's notification settings; account emails do not", async () => {
    expect((await render("notify.digest", "en")).text).toContain("https://handoff.example.com/account#notifications");
    expect((await render("notify.digest", "de")).text).toContain("https://handoff.example.com/account#notifications");
    expect((await render("account.invitation", "en")).text).not.toContain("#notifications");
    expect((await render("notify.new-employee", "en")).text).not.toContain("#notifications");
  });

  it("a digest lists each new hire with position and start date in the recipient's language", async () => {
    const german = await render("notify.digest", "de");
    expect(german.subject).toBe("Handoff: Deine tägliche Übersicht: 2 Neueinstellungen warten auf die Übergabe");
    expect(german.text).toContain("Ada Lovelace");
    expect(german.text).toContain("Stelle: Engineer");
    expect(german.text).toContain("Eintrittsdatum: 4. Januar 2027");
    expect(german.text).toContain("Eintrittsdatum: noch nicht festgelegt");
    expect(german.text).toContain("https://handoff.example.com/candidates/c2");
    const english = await render("notify.new-hires", "en");
    expect(english.subject).toBe("Handoff: 3 new hires wait to be sent to Personio");
    expect(english.text).toContain("and 2 more new hires");
  });

  it("escapes what people typed, and dates follow the recipient's language and time zone", async () => {
    const english = await render("account.invitation", "en");
    expect(english.html).not.toContain("<b>Lovelace</b>");
    expect(english.html).toContain("Ada &lt;b&gt;Lovelace&lt;/b&gt;");
    expect((await render("notify.new-hires", "en")).html).not.toContain("<b>Lovelace</b>");
    expect(english.text).toContain("https://handoff.example.com/set-password/abc");
    expect(english.text).toContain("December 10, 2026 at 10:00 AM");
    expect((await render("account.invitation", "de")).text).toContain("10. Dezember 2026 um 10:00");
    expect((await render("notify.connection-failing", "de")).text).toContain("10. Dezember 2026 um 10:00");
  });
});
