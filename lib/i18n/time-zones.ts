// IANA time zones as this runtime knows them (Intl.supportedValuesOf), under their current IANA
// names. Shared by server and browser code: the server validates with it, the profile menu lists
// the browser's own.

let supported: ReadonlySet<string> | undefined;

// ICU (Node, Chromium, Firefox) still lists and resolves a few zones by names IANA has replaced
// (CLDR keeps its first spelling forever). People know the current ones: "Asia/Kolkata", not
// "Asia/Calcutta". Complete for ICU 74–78; a runtime that already reports current names is
// unaffected.
const CURRENT_NAMES: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

function currentName(zone: string): string {
  return CURRENT_NAMES[zone] ?? zone;
}

// supportedValuesOf leaves out "UTC" itself (it lists only region zones), yet browsers report it.
export function listTimeZones(): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone").map(currentName));
  zones.delete("UTC");
  return ["UTC", ...[...zones].sort()];
}

/**
 * The zone under its current IANA name, or null when it is not a zone we accept.
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
  const current = currentName(resolved);
  return supported.has(current) ? current : null;
}

// How a zone is shown to people: "America/New_York" → "America/New York".
export function timeZoneLabel(zone: string): string {
  return zone.replaceAll("_", " ");
}

function zoneNamePart(zone: string, locale: string, style: Intl.DateTimeFormatOptions["timeZoneName"], at: Date) {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
}

/**
 * The zone as people say it in their language: "Mitteleuropäische Zeit", "Eastern Time",
 * "Koordinierte Weltzeit"; the IANA name only where the language has no name for it (CLDR then
 * answers with an offset, "GMT+01:00").
 */
export function spokenTimeZoneName(zone: string, locale: string, at = new Date()): string {
  for (const style of ["longGeneric", "long"] as const) {
    const name = zoneNamePart(zone, locale, style, at);
    if (name && !/^(GMT|UTC)([+−-]|$)/.test(name)) return name;
  }
  return timeZoneLabel(zone);
}

/** A zone's offset from UTC now, as the language writes it ("GMT+1", "GMT+5:30"). */
export function timeZoneOffset(zone: string, locale: string, at = new Date()): string {
  return zoneNamePart(zone, locale, "shortOffset", at) ?? "";
}

// The regions IANA files zones under, in the picker's order (UTC stands alone, first).
export const TIME_ZONE_REGIONS = [
  "Europe",
  "America",
  "Asia",
  "Africa",
  "Australia",
  "Pacific",
  "Atlantic",
  "Indian",
  "Antarctica",
  "Arctic",
] as const;

/** The region an IANA zone is filed under ("Europe" for "Europe/Berlin"); "UTC" for UTC. */
export function timeZoneRegion(zone: string): string {
  return zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : zone;
}

/** The place a zone is named after, without its region: "Buenos Aires" for "America/Argentina/Buenos_Aires". */
export function timeZoneCity(zone: string): string {
  return timeZoneLabel(zone.includes("/") ? zone.slice(zone.lastIndexOf("/") + 1) : zone);
}
