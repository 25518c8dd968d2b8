import { describe, expect, it } from "vitest";

import { isPersonioErrorCode, PERSONIO_ERRORS, type PersonioErrorCode } from "./errors";

const codesWhere = (test: (info: (typeof PERSONIO_ERRORS)[PersonioErrorCode]) => boolean) =>
  (Object.keys(PERSONIO_ERRORS) as PersonioErrorCode[]).filter((code) => test(PERSONIO_ERRORS[code])).sort();

// The lists the send flow, connection health and the settings page used to spell out each on their own.
describe("the Personio error table", () => {
  it("marks the errors that say the connection is not working, which a failed send or update records as its health", () => {
    // The credentials, and Personio down or out of reach (an outage's 503s): not a rate limit,
    // not Personio's answers about one profile.
    expect(codesWhere((info) => info.failsConnection)).toEqual([
      "connection_lost",
      "credentials_disabled",
      "invalid_credentials",
      "missing_permission",
      "timeout",
      "unavailable",
      "unexpected",
    ]);
    expect(codesWhere((info) => info.failsConnection && info.answered)).toEqual([]);
  });

  it("marks the errors after which a write may have happened", () => {
    expect(codesWhere((info) => info.mayHaveWritten)).toEqual([
      "connection_lost",
      "timeout",
      "unavailable",
      "unexpected",
    ]);
  });

  it("marks Personio's answers that say nothing bad about the connection", () => {
    expect(codesWhere((info) => info.answered)).toEqual(["email_taken", "not_found", "validation_error"]);
  });

  it("gives every code that health records a sentence of its own, and only those", () => {
    expect(codesWhere((info) => info.healthMessage !== null)).toEqual(codesWhere((info) => !info.answered));
    for (const code of codesWhere((info) => info.healthMessage !== null)) {
      expect(PERSONIO_ERRORS[code].healthMessage).toBe(`health.codes.${code}`);
    }
  });

  it("marks the transient errors as retryable", () => {
    expect(codesWhere((info) => info.retryable)).toEqual(["connection_lost", "rate_limited", "timeout", "unavailable"]);
  });

  it("recognises only its own codes", () => {
    expect(isPersonioErrorCode("timeout")).toBe(true);
    expect(isPersonioErrorCode("stale_claim")).toBe(false);
    expect(isPersonioErrorCode("toString")).toBe(false);
    expect(isPersonioErrorCode(null)).toBe(false);
  });
});
