import { describe, expect, it } from "vitest";

import {
  parseSsoProviderError,
  parseSsoRefusal,
  parseSsoTest,
  ssoProviderError,
  ssoRefusedError,
  ssoTestFailedError,
  ssoTestPassedError,
} from "@/lib/sso/sign-in-errors";

describe("SSO sign-in error codes", () => {
  it("round-trips a refusal and ignores anything else", () => {
    expect(parseSsoRefusal(ssoRefusedError("domain"))).toBe("domain");
    expect(parseSsoRefusal("SsoRefused-<script>")).toBeNull();
    expect(parseSsoRefusal("CredentialsSignin")).toBeNull();
    expect(parseSsoRefusal(undefined)).toBeNull();
  });

  it("round-trips a test outcome, with or without a role", () => {
    expect(parseSsoTest(ssoTestPassedError("create", "hiring_manager"))).toEqual({
      passed: true,
      outcome: "create",
      roleId: "hiring_manager",
      secretSaved: false,
    });
    expect(parseSsoTest(ssoTestPassedError("no_account", null))).toEqual({
      passed: true,
      outcome: "no_account",
      roleId: null,
      secretSaved: false,
    });
    expect(parseSsoTest(ssoTestPassedError("existing", "admin", true))).toEqual({
      passed: true,
      outcome: "existing",
      roleId: "admin",
      secretSaved: true,
    });
    expect(parseSsoTest(ssoTestFailedError("unverified"))).toEqual({ passed: false, reason: "unverified" });
    expect(parseSsoTest("OAuthCallback")).toEqual({ passed: false, reason: "token" });
    expect(parseSsoTest("SsoTestPassed-owner-admin")).toBeNull();
  });

  it("carries the provider's own error code, and nothing else", () => {
    expect(parseSsoProviderError(ssoProviderError("access_denied"))).toBe("access_denied");
    expect(parseSsoProviderError(ssoProviderError("<img src=x>"))).toBe("unknown");
    expect(parseSsoProviderError("OAuthCallback")).toBeNull();
    expect(parseSsoTest(ssoProviderError("access_denied"))).toEqual({
      passed: false,
      reason: "provider",
      providerError: "access_denied",
    });
  });
});
