import { describe, expect, it } from "vitest";

import { canonicalTimeZone, listTimeZones, timeZoneLabel } from "./time-zones";

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
