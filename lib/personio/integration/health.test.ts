import { describe, expect, it } from "vitest";

import { connectionHealthState, personioStatus } from "./health";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute));

describe("connectionHealthState", () => {
  it("is untested without any recorded call", () => {
    expect(connectionHealthState({ lastSuccessAt: null, lastErrorAt: null, lastErrorCode: null })).toBe("untested");
  });
  it("is healthy after a success with no error", () => {
    expect(connectionHealthState({ lastSuccessAt: at(1), lastErrorAt: null, lastErrorCode: null })).toBe("healthy");
  });
  it("is failing when the newest call failed", () => {
    expect(
      connectionHealthState({ lastSuccessAt: at(1), lastErrorAt: at(2), lastErrorCode: "credentials_disabled" }),
    ).toBe("failing");
    expect(connectionHealthState({ lastSuccessAt: null, lastErrorAt: at(2), lastErrorCode: "timeout" })).toBe(
      "failing",
    );
  });
  it("is healthy again once a later call succeeded", () => {
    expect(connectionHealthState({ lastSuccessAt: at(3), lastErrorAt: at(2), lastErrorCode: "timeout" })).toBe(
      "healthy",
    );
  });
});

describe("personioStatus", () => {
  const enabled = { enabled: true, lastErrorCode: null };
  it("is not connected without an integration", () => {
    expect(personioStatus(null)).toBe("not_connected");
  });
  it("is connected while enabled and untested or healthy", () => {
    expect(personioStatus({ ...enabled, lastSuccessAt: null, lastErrorAt: null })).toBe("connected");
    expect(personioStatus({ ...enabled, lastSuccessAt: at(3), lastErrorAt: at(2) })).toBe("connected");
  });
  it("is failing, not connected, while the newest call failed", () => {
    expect(
      personioStatus({ ...enabled, lastSuccessAt: at(1), lastErrorAt: at(2), lastErrorCode: "credentials_disabled" }),
    ).toBe("failing");
  });
  it("is disabled when an admin disabled it, whatever its health", () => {
    expect(
      personioStatus({
        enabled: false,
        lastSuccessAt: at(1),
        lastErrorAt: at(2),
        lastErrorCode: "credentials_disabled",
      }),
    ).toBe("disabled");
  });
});
