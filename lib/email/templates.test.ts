import { describe, expect, it } from "vitest";

import { readCatalogue } from "@/lib/i18n/catalogue";

import { escapeHtml } from "./layout";
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
};
const TEMPLATES = Object.keys(SAMPLES) as EmailTemplateName[];
const context = { timeZone: "Europe/Berlin", appUrl: "https://handoff.example.com" };

function render(template: EmailTemplateName, locale: "en" | "de") {
  return renderEmail(template, SAMPLES[template] as never, { ...context, locale });
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
  it.each(TEMPLATES)("%s: a German email holds no English sentence", (template) => {
    const german = render(template, "de");
    // Links are addresses, not language (/set-password/… holds "password").
    const words = german.text.replace(/https?:\/\/\S+/g, "");
    for (const fragment of englishFragments()) {
      expect(words).not.toContain(fragment);
      expect(german.subject).not.toContain(fragment);
    }
    expect(german.html).toContain('lang="de"');
  });

  it.each(TEMPLATES)("%s: text and HTML say the same, with the app's name and link", (template) => {
    for (const locale of ["en", "de"] as const) {
      const email = render(template, locale);
      expect(email.subject).toContain("Handoff");
      expect(email.text).toContain("https://handoff.example.com");
      expect(email.html).toContain("https://handoff.example.com");
      for (const line of email.text.split("\n").filter((line) => line && line !== "--" && !line.startsWith("http")))
        expect(email.html).toContain(escapeHtml(line.replace(/:$/, "")));
    }
  });

  it("escapes what people typed, and dates follow the recipient's language and time zone", () => {
    const english = render("account.invitation", "en");
    expect(english.html).not.toContain("<b>Lovelace</b>");
    expect(english.html).toContain("Ada &lt;b&gt;Lovelace&lt;/b&gt;");
    expect(english.text).toContain("https://handoff.example.com/set-password/abc");
    expect(english.text).toContain("December 10, 2026 at 10:00 AM");
    expect(render("account.invitation", "de").text).toContain("10. Dezember 2026 um 10:00");
  });
});
