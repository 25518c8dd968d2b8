import { describe, expect, it } from "vitest";

import { nextDay, startOfDayIn } from "./zoned-day";

describe("startOfDayIn", () => {
  it("is midnight in the zone, summer and winter", () => {
    expect(startOfDayIn("2026-01-15", "Europe/Berlin").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDayIn("2026-07-15", "Europe/Berlin").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    expect(startOfDayIn("2026-07-15", "America/New_York").toISOString()).toBe("2026-07-15T04:00:00.000Z");
    expect(startOfDayIn("2026-07-15", "UTC").toISOString()).toBe("2026-07-15T00:00:00.000Z");
    expect(startOfDayIn("2026-07-15", "Asia/Kolkata").toISOString()).toBe("2026-07-14T18:30:00.000Z");
  });
  it("handles the days clocks change", () => {
    expect(startOfDayIn("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayIn("2026-10-25", "Europe/Berlin").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    // Clocks jump from 00:00 to 01:00 here: the day starts at 01:00 local, 03:00 UTC.
    expect(startOfDayIn("2026-09-06", "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });
});

describe("nextDay", () => {
  it("crosses months and years", () => {
    expect(nextDay("2026-02-28")).toBe("2026-03-01");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});
