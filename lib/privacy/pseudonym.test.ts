import { describe, expect, it } from "vitest";

import { pseudonymFor, pseudonymizeDetails } from "./pseudonym";

describe("pseudonymizeDetails", () => {
  it("replaces what a send carried (corrected values) and keeps field names, ids and codes", () => {
    const details = JSON.stringify({
      "firstName.profile": "Zoë",
      "firstName.sent": "Zoe",
      corrected: ["firstName"],
      employeeId: 4711,
      code: "conflict",
    });
    const result = JSON.parse(pseudonymizeDetails(details, "cand-1")!) as Record<string, unknown>;
    expect(result).toEqual({
      "firstName.profile": pseudonymFor("cand-1"),
      "firstName.sent": pseudonymFor("cand-1"),
      corrected: ["firstName"],
      employeeId: 4711,
      code: "conflict",
    });
  });

  it("replaces an update's sent values, a typed email, an external id and an export's name filter", () => {
    const details = JSON.stringify({
      sent: ["email=zoe@example.com", "office=Berlin"],
      email: "zoe@example.com",
      externalId: "gh-42",
      candidate: "Zoë Example",
      person: "user-id",
    });
    const result = JSON.parse(pseudonymizeDetails(details, null)!) as Record<string, unknown>;
    expect(result).toEqual({
      sent: ["email=erased-person", "office=erased-person"],
      email: "erased-person",
      externalId: "erased-person",
      candidate: "erased-person",
      person: "user-id",
    });
  });

  it("gives one pseudonym per target, and leaves entries without personal values alone", () => {
    expect(pseudonymFor("a")).toBe(pseudonymFor("a"));
    expect(pseudonymFor("a")).not.toBe(pseudonymFor("b"));
    expect(pseudonymizeDetails(JSON.stringify({ from: "APPLIED", to: "HIRED" }), "c")).toBeNull();
    expect(pseudonymizeDetails(null, "c")).toBeNull();
    expect(pseudonymizeDetails("not json", "c")).toBeNull();
  });
});
