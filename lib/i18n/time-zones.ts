// IANA time zones as this runtime knows them (Intl.supportedValuesOf). Shared by server and
// browser code: the server validates with it, the profile menu lists the browser's own.

let supported: ReadonlySet<string> | undefined;

// supportedValuesOf leaves out "UTC" itself (it lists only region zones), yet browsers report it.
export function listTimeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}

/**
 * The zone in this runtime's canonical spelling, or null when it is not a zone we accept.
 * Aliases are accepted and mapped ("Asia/Kolkata" and "Asia/Calcutta" are one zone; browsers and
 * Node may spell it differently), so whatever a browser reports can be stored and formatted.
 */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  supported ??= new Set(listTimeZones());
  return supported.has(resolved) ? resolved : null;
}

// How a zone is shown to people: "America/New_York" → "America/New York".
export function timeZoneLabel(zone: string): string {
  return zone.replaceAll("_", " ");
}
