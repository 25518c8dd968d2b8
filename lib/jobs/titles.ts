// Pure (no "server-only"): the import preview, the API and the Jobs page all match titles so.

/** Collapses whitespace and trims, so "Backend  Engineer " and "Backend Engineer" are one job. */
export function cleanJobTitle(title: string): string {
  return title.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Case-insensitive match key of a job title (Unicode-aware, unlike SQLite's lower()). */
export function jobTitleKey(title: string): string {
  return cleanJobTitle(title).toLocaleLowerCase("und");
}
