import fs from "node:fs";

import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";

import { listCatalogueFiles, MESSAGES_DIR, readCatalogue } from "./catalogue";
import { LOCALES } from "./config";

// Every language must say everything English says, with the same placeholders, and actually say it
// in that language. The files are found by listing the folders, so a feature's new file is held
// to this the moment it exists.
const SOURCE = "en";
const TRANSLATIONS = LOCALES.filter((locale) => locale !== SOURCE);

// German values that are rightly the English word: names, and words German spells the same.
// Reviewed; keep it short. Values without letters ("—", "{role}: {setting}") need no entry.
const SAME_IN_GERMAN = new Set([
  "Handoff",
  "Personio",
  "HRIS",
  "Admin",
  "Name",
  "Status",
  "Details",
  "Interview",
  "System",
  "Subdomain",
  // Product names (single sign-on presets).
  "Microsoft Entra ID",
  "Google Workspace",
  "Okta",
  "Keycloak",
  // The import: its menu item, encodings by their names, a row without problems.
  "Import",
  "UTF-8",
  "UTF-16",
  "OK",
  // ATS sources: the vendors by name, the category, a secret as the vendors call it.
  "ATS",
  "Greenhouse",
  "Ashby",
  "Workable",
  "Secret",
  "{ms} ms",
]);

type Flat = Map<string, unknown>;

function flatten(value: unknown, prefix = "", out: Flat = new Map()): Flat {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

function readFile(locale: string, file: string): Flat {
  return flatten(JSON.parse(fs.readFileSync(`${MESSAGES_DIR}/${locale}/${file}`, "utf8")));
}

// What a message needs from the code: each argument with its kind, select options, rich-text tags.
function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        out.add(`{${element.value}}`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        out.add(`{${element.value}, ${TYPE[element.type]}, ${String(element.style ?? "")}}`);
        break;
      case TYPE.select:
        out.add(`{${element.value}, select: ${Object.keys(element.options).sort().join(" ")}}`);
        for (const option of Object.values(element.options)) placeholders(option.value, out);
        break;
      case TYPE.plural:
        // Plural categories differ between languages (German and English need one/other); every
        // language must have "other".
        out.add(`{${element.value}, ${element.pluralType === "ordinal" ? "selectordinal" : "plural"}}`);
        if (!("other" in element.options)) out.add(`{${element.value}: no "other"}`);
        for (const option of Object.values(element.options)) placeholders(option.value, out);
        break;
      case TYPE.tag:
        out.add(`<${element.value}>`);
        placeholders(element.children, out);
        break;
      default:
        break;
    }
  }
  return out;
}

function lettersOutsidePlaceholders(message: string) {
  return /\p{L}/u.test(message.replace(/\{[^{}]*\}/g, ""));
}

const files = listCatalogueFiles(SOURCE);

describe("the message catalogue", () => {
  it("has a folder for exactly the languages Handoff offers", () => {
    const folders = fs
      .readdirSync(MESSAGES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual([...LOCALES].sort());
  });

  it.each(TRANSLATIONS)("has in %s the same files as in English", (locale) => {
    expect(listCatalogueFiles(locale)).toEqual(files);
  });

  it.each(LOCALES)("merges into one catalogue in %s, each namespace in one file only", (locale) => {
    expect(() => readCatalogue(locale)).not.toThrow();
  });
});

describe.each(files)("messages/*/%s", (file) => {
  const english = readFile(SOURCE, file);

  it("holds only non-empty texts in English", () => {
    const notText = [...english]
      .filter(([, value]) => typeof value !== "string" || value.trim() === "")
      .map(([key]) => key);
    expect(notText).toEqual([]);
  });

  describe.each(TRANSLATIONS)("in %s", (locale) => {
    const translated = fs.existsSync(`${MESSAGES_DIR}/${locale}/${file}`)
      ? readFile(locale, file)
      : new Map<string, unknown>();

    it("has every key English has, and no other", () => {
      expect({
        missing: [...english.keys()].filter((key) => !translated.has(key)),
        extra: [...translated.keys()].filter((key) => !english.has(key)),
      }).toEqual({
        missing: [],
        extra: [],
      });
    });

    it("has the same ICU placeholders as English, in messages that parse", () => {
      const differences: string[] = [];
      for (const [key, source] of english) {
        const target = translated.get(key);
        if (typeof source !== "string" || typeof target !== "string") continue;
        let expected: Set<string>, actual: Set<string>;
        try {
          expected = placeholders(parse(source));
          actual = placeholders(parse(target));
        } catch (error) {
          differences.push(`${key}: does not parse (${(error as Error).message})`);
          continue;
        }
        const missing = [...expected].filter((item) => !actual.has(item));
        const extra = [...actual].filter((item) => !expected.has(item));
        if (missing.length || extra.length)
          differences.push(
            `${key}: missing ${missing.join(", ") || "nothing"}; extra ${extra.join(", ") || "nothing"}`,
          );
      }
      expect(differences).toEqual([]);
    });

    it("translates every text (the same as English only for the reviewed words)", () => {
      const untranslated = [...english]
        .filter(([key, source]) => translated.get(key) === source && typeof source === "string")
        .filter(([, source]) => lettersOutsidePlaceholders(source as string) && !SAME_IN_GERMAN.has(source as string))
        .map(([key, source]) => `${key}: ${String(source)}`);
      expect(untranslated).toEqual([]);
    });
  });
});

// The German words Handoff chose (issue 24), and the ones they replaced. One word for each thing,
// one gender-inclusive form (the colon), and each page named as its German heading names it.
const GERMAN_GLOSSARY = {
  chosen: [
    "Mitarbeitende",
    "Kandidat:innen",
    "Nutzer:innen",
    "Recruiter:in",
    "Hiring-Manager:in",
    "Webhook",
    "Neueinstellung",
    "Marktplatz",
  ],
  refused: [
    { pattern: /Mitarbeiter/u, use: "Mitarbeitende (or die Person)" },
    { pattern: /Kandidat(?!:in)/u, use: "Kandidat:in, Kandidat:innen" },
    { pattern: /Benutzer|\bNutzer(?!:in)/u, use: "Nutzer:in, Nutzer:innen" },
    { pattern: /\bRecruiter(?!:in)/u, use: "Recruiter:in" },
    { pattern: /Hiring[ -]?Manager(?!:in)/u, use: "Hiring-Manager:in" },
    { pattern: /\bInterviewer(?!:in)/u, use: "Interviewer:in" },
    // Other gender-inclusive spellings: Kandidat*innen, Kandidat_innen, KandidatInnen, -in / -en.
    {
      pattern: /\p{L}[*_]in(nen)?\b|\p{Ll}In(nen)?\b|\p{L}in \/ (de[rs]|die) /u,
      use: "the colon form (Kandidat:innen)",
    },
    { pattern: /\bWeb[ -]Hooks?\b|\bWebHook/u, use: "Webhook" },
    // A hire is a Neueinstellung; Einstellungen are settings.
    { pattern: /Neue Einstellung|Einstellungs-Ereignis/u, use: "Neueinstellung" },
    // Stages by their German names (common.json's stages), also when an ATS's stage is meant.
    {
      pattern: /\b(Applied|Screening|Offer|Hired|Rejected)\b/u,
      use: "the stage's German name (Eingestellt, Angebot, …)",
    },
    // The admin page is called Marktplatz (nav.integrations); Personio's own "Einstellungen →
    // Integrationen → …" is a path in Personio and stays.
    { pattern: /(?<!Einstellungen → )\bIntegrationen →|\b(unter|im) Integrationen\b/u, use: "Marktplatz" },
  ],
};

describe("the German glossary", () => {
  const german = new Map<string, string>();
  for (const file of files)
    for (const [key, value] of readFile("de", file))
      if (typeof value === "string") german.set(`${file}: ${key}`, value);

  it.each(GERMAN_GLOSSARY.chosen)("uses %s", (term) => {
    expect([...german.values()].some((value) => value.includes(term))).toBe(true);
  });

  it.each(GERMAN_GLOSSARY.refused)("refuses $pattern (use $use)", ({ pattern }) => {
    expect([...german].filter(([, value]) => pattern.test(value)).map(([key, value]) => `${key}: ${value}`)).toEqual(
      [],
    );
  });
});
