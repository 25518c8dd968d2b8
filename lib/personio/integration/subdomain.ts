// Pure and shared by the connect form (to tell the person what was kept) and the server schema.

// One DNS label: letters, digits and hyphens, 1–63 characters, no hyphen at either end.
export const SUBDOMAIN_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

// acme.personio.de, acme.personio.com, acme.app.personio.com, acme.jobs.personio.de
const PERSONIO_HOST = /^([^.]+)\.(?:app\.|jobs\.)?personio\.(?:de|com)$/;

export type NormalizedSubdomain = { subdomain: string; wasReduced: boolean };

/**
 * Accepts what people paste ("acme", "acme.personio.de", "https://acme.personio.de/staff")
 * and keeps only the subdomain. Anything that is not a Personio address is left as typed
 * (lower-cased, trimmed), so the pattern check can reject it instead of us guessing.
 */
export function normalizePersonioSubdomain(raw: string): NormalizedSubdomain {
  const typed = raw.trim().toLowerCase();
  const host = typed
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .split(/[/?#]/, 1)[0]!
    .replace(/:\d*$/, "")
    .replace(/\.$/, "");
  const match = PERSONIO_HOST.exec(host);
  const subdomain = match?.[1] ?? host;
  return { subdomain, wasReduced: subdomain !== typed && subdomain !== "" };
}

export function isValidSubdomain(value: string): boolean {
  return SUBDOMAIN_PATTERN.test(value);
}
