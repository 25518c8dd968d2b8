import { describe, expect, it } from "vitest";

import { offersGroupsScope, ssoScopes, wantsGroupsScope } from "@/lib/sso/scopes";

const offered = ["openid", "email", "profile", "groups", "offline_access"];
const notOffered = ["openid", "email", "profile", "offline_access"];

describe("ssoScopes", () => {
  it("asks for groups when roles come from groups and the discovery document offers the scope", () => {
    expect(ssoScopes({ preset: "okta", groupsClaim: "groups" }, offered)).toEqual([
      "openid",
      "email",
      "profile",
      "groups",
    ]);
    expect(ssoScopes({ preset: "keycloak", groupsClaim: "groups" }, offered)).toContain("groups");
    expect(ssoScopes({ preset: "generic", groupsClaim: "roles" }, offered)).toContain("groups");
  });

  it("does not ask for groups when the discovery document does not offer it (an Okta custom authorization server)", () => {
    expect(ssoScopes({ preset: "okta", groupsClaim: "groups" }, notOffered)).toEqual(["openid", "email", "profile"]);
  });

  it("does not ask for groups when scopes_supported is missing or not a list", () => {
    expect(ssoScopes({ preset: "okta", groupsClaim: "groups" }, undefined)).not.toContain("groups");
    expect(ssoScopes({ preset: "okta", groupsClaim: "groups" }, "openid groups")).not.toContain("groups");
    expect(offersGroupsScope(null)).toBe(false);
  });

  it("does not ask for groups without group mapping, nor from Entra ID or Google", () => {
    expect(ssoScopes({ preset: "okta", groupsClaim: null }, offered)).not.toContain("groups");
    expect(ssoScopes({ preset: "entra", groupsClaim: "groups" }, offered)).not.toContain("groups");
    expect(ssoScopes({ preset: "google", groupsClaim: "groups" }, offered)).not.toContain("groups");
    expect(wantsGroupsScope({ preset: "entra", groupsClaim: "groups" })).toBe(false);
    expect(wantsGroupsScope({ preset: "okta", groupsClaim: "groups" })).toBe(true);
  });
});
