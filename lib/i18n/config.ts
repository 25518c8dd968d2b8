// The languages Handoff speaks. Shared by server and browser code (no "server-only").
// Adding one: a folder messages/<locale>/ with the same files and keys as messages/en/, and its
// code and own name here; catalogue.test.ts holds the new folder to the same rules.
export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];

// Each language is offered under its own name, whatever language the page is in.
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", de: "Deutsch" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

// Set when someone chooses a language, so the sign-in page speaks it after they sign out.
export const LOCALE_COOKIE = "handoff-locale";
// Written by the sign-in page from the browser's own setting; read once, at the first sign-in.
export const TIME_ZONE_COOKIE = "handoff-time-zone";
