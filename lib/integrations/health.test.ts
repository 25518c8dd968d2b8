import { describe, expect, it } from "vitest";

import { connectionHealthState } from "./health";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute));

describe("connectionHealthState", () => {
  it("is untested without any recorded call", () => {
    expect(connectionHealthState({ lastSuccessAt: null, lastErrorAt: null, lastErrorCode: null })).toBe("untested");
  });
  it("is healthy after a success with no error", () => {
    expect(connectionHealthState({ lastSuccessAt: at(1), lastErrorAt: null, lastErrorCode: null })).toBe("healthy");
  });
  it("is failing when the newest call failed", () => {
    expect(connectionHealthState({ lastSuccessAt: at(1), lastErrorAt: at(2), lastErrorCode: "credentials_disabled" })).toBe("failing");
    expect(connectionHealthState({ lastSuccessAt: null, lastErrorAt: at(2), lastErrorCode: "timeout" })).toBe("failing");
  });
  it("is healthy again once a later call succeeded", () => {
    expect(connectionHealthState({ lastSuccessAt: at(3), lastErrorAt: at(2), lastErrorCode: "timeout" })).toBe("healthy");
  });
});
