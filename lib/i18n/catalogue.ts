import "server-only";

import fs from "node:fs";
import path from "node:path";

import type { Locale } from "./config";

export type Messages = Record<string, unknown>;

// The catalogue is one folder per language, one JSON file per feature (messages/en/users.json,
// messages/de/users.json, …), each file holding its own top-level namespaces. The files are found
// by listing the folder: a feature adds its two files and nothing else; catalogue.test.ts fails
// when a file, a key or a placeholder is in one language and not the other.
export const MESSAGES_DIR = path.join(process.cwd(), "lib", "i18n", "messages");

export function listCatalogueFiles(locale: string): string[] {
  return fs
    .readdirSync(path.join(MESSAGES_DIR, locale))
    .filter((file) => file.endsWith(".json"))
    .sort();
}

/** One language's catalogue, merged from its files. Two files claiming one namespace is an error. */
export function readCatalogue(locale: string): Messages {
  const catalogue: Messages = {};
  const ownerOf = new Map<string, string>();
  for (const file of listCatalogueFiles(locale)) {
    const content: unknown = JSON.parse(fs.readFileSync(path.join(MESSAGES_DIR, locale, file), "utf8"));
    if (typeof content !== "object" || content === null || Array.isArray(content)) {
      throw new Error(`lib/i18n/messages/${locale}/${file} must hold an object of namespaces`);
    }
    for (const [namespace, messages] of Object.entries(content)) {
      const owner = ownerOf.get(namespace);
      if (owner)
        throw new Error(`Namespace "${namespace}" is in both ${owner} and ${file} (lib/i18n/messages/${locale}/)`);
      ownerOf.set(namespace, file);
      catalogue[namespace] = messages;
    }
  }
  return catalogue;
}

const cache = new Map<Locale, Messages>();

// Read once per process in production; afresh on every request in development, so an edited
// file shows on the next reload.
export function getCatalogue(locale: Locale): Messages {
  if (process.env.NODE_ENV !== "production") return readCatalogue(locale);
  let catalogue = cache.get(locale);
  if (!catalogue) {
    catalogue = readCatalogue(locale);
    cache.set(locale, catalogue);
  }
  return catalogue;
}
