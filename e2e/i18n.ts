import fs from "node:fs";
import path from "node:path";

import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { expect, type Page } from "@playwright/test";

import { db } from "./fixtures";

// Reads the catalogue files as the app does (lib/i18n/catalogue.ts, which is server-only).
function readCatalogue(locale: string): Map<string, string> {
  const dir = path.join(process.cwd(), "lib", "i18n", "messages", locale);
  const out = new Map<string, string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string") out.set(key, value);
    else if (value && typeof value === "object")
      for (const [child, inner] of Object.entries(value)) walk(inner, key ? `${key}.${child}` : child);
  };
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith(".json")))
    walk(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")), "");
  return out;
}

function literals(elements: MessageFormatElement[], out: string[] = []): string[] {
  for (const element of elements) {
    if (element.type === TYPE.literal) out.push(element.value);
    if (element.type === TYPE.select || element.type === TYPE.plural)
      for (const option of Object.values(element.options)) literals(option.value, out);
    if (element.type === TYPE.tag) literals(element.children, out);
  }
  return out;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Whole words and phrases only: "All" is not in "Alle", "Recruiter" is not in "Recruiter:in".
const wholePhrase = (phrase: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}_-])${escape(phrase)}(?![\\p{L}\\p{N}_]|[-:]\\p{L})`, "u");

/**
 * The English texts that must not show on a page in German: every piece of an English catalogue
 * value between its placeholders (three letters or more), unless German uses the very same words
 * somewhere in its own catalogue ("Personio", "Status", "Interview").
 */
export function englishOnlyPhrases(): string[] {
  // The catalogues do not change during a run: worked out once per test process.
  englishOnly ??= findEnglishOnlyPhrases();
  return [...englishOnly];
}
let englishOnly: string[] | undefined;

function findEnglishOnlyPhrases(): string[] {
  const english = readCatalogue("en");
  const german = readCatalogue("de");
  // One string, each text apart (NUL is neither a letter nor in a phrase, so a phrase matches in
  // it exactly where it matches in one of the texts): one search per phrase, not one per text.
  const germanTexts = [...german.values()].flatMap((value) => literals(parse(value))).join("\0");
  const phrases = new Set<string>();
  for (const [key, value] of english) {
    if (german.get(key) === value) continue;
    for (const piece of literals(parse(value))) {
      const phrase = piece.trim().replace(/^[\s(“"„]+|[\s)”".,:;!?]+$/g, "");
      if (phrases.has(phrase) || (phrase.match(/\p{L}/gu)?.length ?? 0) < 3) continue;
      // The plain substring search first: most phrases are nowhere in German at all.
      if (germanTexts.includes(phrase) && wholePhrase(phrase).test(germanTexts)) continue;
      phrases.add(phrase);
    }
  }
  return [...phrases];
}

// Names of people, candidates and jobs are data, in whatever language they were entered
// ("Office Manager", "Test recruiter 1a2b"): taken out before looking for English UI text.
async function dataTexts(): Promise<string[]> {
  const [jobs, users, candidates] = await Promise.all([
    db.job.findMany({ select: { title: true, department: true, office: true } }),
    db.user.findMany({ select: { name: true, email: true } }),
    db.candidate.findMany({ select: { firstName: true, lastName: true, email: true, source: true, notes: true } }),
  ]);
  const texts = [
    ...jobs.flatMap((job) => [job.title, job.department, job.office]),
    ...users.flatMap((user) => [user.name, user.email]),
    ...candidates.flatMap((candidate) => [
      `${candidate.firstName} ${candidate.lastName}`,
      candidate.firstName,
      candidate.lastName,
      candidate.email,
      candidate.source,
      candidate.notes,
    ]),
  ];
  return [...new Set(texts.filter((text): text is string => !!text && text.length > 1))].sort(
    (a, b) => b.length - a.length,
  );
}

// Every text a person can meet on the page: text nodes (hidden ones too, such as the badge's
// tooltip), accessible labels, placeholders and the title.
async function pageTexts(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement?.tagName;
      if (parent && ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(parent)) continue;
      parts.push(node.textContent ?? "");
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join("\n");
  });
}

/** The English catalogue phrases on the page now, data set aside. */
export async function findEnglish(page: Page, phrases: string[]): Promise<string[]> {
  let text = await pageTexts(page);
  for (const data of await dataTexts()) text = text.split(data).join(" ");
  return phrases.filter((phrase) => text.includes(phrase) && wholePhrase(phrase).test(text));
}

/** Asserts that the page is in German: `lang="de"` and no English catalogue text on it. */
export async function expectNoEnglish(page: Page, phrases: string[], where: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  expect(await findEnglish(page, phrases), `English text on ${where}`).toEqual([]);
}
