import { describe, expect, it } from "vitest";

import { PersonioError, type PersonioErrorCode } from "@/lib/personio/errors";

import { checkPersonioCredentials, credentialFailureReason } from "./credential-check";
import { assessPersonioScopes } from "./scopes";

const answering = (scopes: string[]) => ({ authenticate: async () => ({ scopes }) });
const failing = (error: unknown) => ({
  authenticate: async (): Promise<{ scopes: string[] }> => {
    throw error;
  },
});

describe("assessPersonioScopes", () => {
  it.each([
    [[], "unconfirmed"],
    [["employees:read", "employees:write"], "read_write"],
    [["EMPLOYEES:WRITE", "employees:read"], "read_write"],
    [["employees:write"], "write_only"],
    [["personio:persons:write", "personio:persons:read"], "read_write"],
    [["personio:person:write"], "write_only"],
    [["employees:read", "absences:read"], "missing_write"],
    [["documents:write"], "missing_write"],
  ] as const)("%j → %s", (scopes, expected) => {
    expect(assessPersonioScopes(scopes)).toBe(expected);
  });
});

describe("checkPersonioCredentials", () => {
  it("accepts read and write", async () => {
    await expect(checkPersonioCredentials(answering(["employees:read", "employees:write"]))).resolves.toMatchObject({
      ok: true,
      assessment: "read_write",
    });
  });

  it("does not block when Personio names no scope, but says so", async () => {
    await expect(checkPersonioCredentials(answering([]))).resolves.toMatchObject({
      ok: true,
      assessment: "unconfirmed",
    });
  });

  it("saves write-only credentials with a recommendation", async () => {
    await expect(checkPersonioCredentials(answering(["employees:write"]))).resolves.toMatchObject({
      ok: true,
      assessment: "write_only",
    });
  });

  it("refuses credentials whose scope lacks Employees write", async () => {
    const result = await checkPersonioCredentials(answering(["employees:read"]));
    expect(result).toMatchObject({ ok: false, reason: "missing_permission", scopes: ["employees:read"] });
    expect(!result.ok && result.error).toBeInstanceOf(PersonioError);
  });

  it.each([
    ["invalid_credentials", "invalid_credentials"],
    ["credentials_disabled", "credentials_disabled"],
    ["missing_permission", "missing_permission"],
    ["rate_limited", "rate_limited"],
    ["unavailable", "unreachable"],
    ["timeout", "unreachable"],
    ["connection_lost", "unreachable"],
    ["unexpected", "unexpected"],
    ["validation_error", "unexpected"],
  ] as const)("turns %s into %s", async (code: PersonioErrorCode, reason) => {
    const error = new PersonioError(code, "x");
    await expect(checkPersonioCredentials(failing(error))).resolves.toEqual({ ok: false, reason, error });
  });

  it("treats anything that is not a PersonioError as unexpected", () => {
    expect(credentialFailureReason(new Error("boom"))).toBe("unexpected");
    expect(credentialFailureReason("nope")).toBe("unexpected");
  });
});
