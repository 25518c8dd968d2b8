import { describe, expect, it } from "vitest";

import {
  canonicalTimeZone,
  listTimeZones,
  spokenTimeZoneName,
  timeZoneCity,
  timeZoneLabel,
  timeZoneOffset,
  timeZoneRegion,
} from "./time-zones";

describe("time zones", () => {
  it("lists the runtime's IANA zones, UTC first", () => {
    const zones = listTimeZones();
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain("Europe/Berlin");
    expect(zones).toContain("America/New_York");
    expect(zones.length).toBeGreaterThan(300);
    expect(new Set(zones).size).toBe(zones.length);
  });

  it.each(["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"])("accepts %s as it is", (zone) => {
    expect(canonicalTimeZone(zone)).toBe(zone);
  });

  it("maps aliases a browser may report to one spelling", () => {
    expect(canonicalTimeZone("Etc/UTC")).toBe("UTC");
    expect(canonicalTimeZone("Asia/Kolkata")).toBe(canonicalTimeZone("Asia/Calcutta"));
    expect(listTimeZones()).toContain(canonicalTimeZone("Asia/Kolkata"));
  });

  it("lists and stores zones under their current IANA names, not the ones IANA replaced", () => {
    const zones = listTimeZones();
    for (const [old, current] of [
      ["Asia/Calcutta", "Asia/Kolkata"],
      ["Europe/Kiev", "Europe/Kyiv"],
      ["Asia/Saigon", "Asia/Ho_Chi_Minh"],
      ["America/Buenos_Aires", "America/Argentina/Buenos_Aires"],
    ]) {
      expect(zones).not.toContain(old);
      expect(zones).toContain(current);
      expect(canonicalTimeZone(old)).toBe(current);
      expect(canonicalTimeZone(current)).toBe(current);
    }
    // Every listed zone is stored as it is listed.
    expect(zones.filter((zone) => canonicalTimeZone(zone) !== zone)).toEqual([]);
  });

  it("names a zone as people say it, in their language", () => {
    const winter = new Date("2026-01-15T12:00:00Z");
    expect(spokenTimeZoneName("Europe/Berlin", "de", winter)).toBe("Mitteleuropäische Zeit");
    expect(spokenTimeZoneName("Europe/Berlin", "en", winter)).toBe("Central European Time");
    expect(spokenTimeZoneName("America/New_York", "en", winter)).toBe("Eastern Time");
    // No generic name for UTC in CLDR (it answers "GMT+00:00"): its long name instead.
    expect(spokenTimeZoneName("UTC", "de", winter)).toBe("Koordinierte Weltzeit");
    expect(timeZoneOffset("Asia/Kolkata", "en", winter)).toBe("GMT+5:30");
  });

  it("files a zone under its region, named after its place", () => {
    expect(timeZoneRegion("America/Argentina/Buenos_Aires")).toBe("America");
    expect(timeZoneCity("America/Argentina/Buenos_Aires")).toBe("Buenos Aires");
    expect(timeZoneRegion("UTC")).toBe("UTC");
  });

  it.each([undefined, null, 42, "", "Mars/Olympus_Mons", "Europe/Berlin; DROP TABLE", "+01:00", "x".repeat(65)])(
    "refuses %j",
    (value) => {
      expect(canonicalTimeZone(value)).toBeNull();
    },
  );

  it("shows a zone with spaces for underscores", () => {
    expect(timeZoneLabel("America/Argentina/Buenos_Aires")).toBe("America/Argentina/Buenos Aires");
  });
});
