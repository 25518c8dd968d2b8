import { describe, expect, it } from "vitest";

import { checkSsoClaims, roleFromGroups } from "@/lib/sso/claims";
import { findIssuerProblem, parseDomainList } from "@/lib/sso/presets";

const policy = { preset: "generic" as const, allowedDomains: ["acme.test"], groupsClaim: "groups" };

describe("SSO claims", () => {
  it("lets in a verified address of an allowed domain, with its groups", () => {
    const result = checkSsoClaims(
      { email: "Ada@Acme.test", email_verified: true, name: "Ada Lovelace", groups: ["recruiting", 7] },
      policy,
    );
    expect(result).toEqual({
      ok: true,
      identity: { email: "ada@acme.test", name: "Ada Lovelace", groups: ["recruiting"] },
    });
  });

  it("refuses an address the provider has not verified", () => {
    expect(checkSsoClaims({ email: "ada@acme.test", email_verified: false }, policy)).toMatchObject({
      ok: false,
      reason: "unverified",
    });
    expect(checkSsoClaims({ email: "ada@acme.test" }, policy)).toMatchObject({ ok: false, reason: "unverified" });
  });

  it("refuses another domain, and a token without an email", () => {
    expect(checkSsoClaims({ email: "eve@evil.test", email_verified: true }, policy)).toMatchObject({
      ok: false,
      reason: "domain",
    });
    expect(checkSsoClaims({ email_verified: true }, policy)).toMatchObject({ ok: false, reason: "no_email" });
  });

  it("for Google, asks for the hosted domain (hd) as well", () => {
    const google = { ...policy, preset: "google" as const };
    expect(checkSsoClaims({ email: "ada@acme.test", email_verified: true }, google)).toMatchObject({
      ok: false,
      reason: "hosted_domain",
    });
    expect(checkSsoClaims({ email: "ada@acme.test", email_verified: true, hd: "acme.test" }, google)).toMatchObject({
      ok: true,
    });
  });

  it("for Entra ID, takes xms_edov as the verification", () => {
    const entra = { ...policy, preset: "entra" as const };
    expect(checkSsoClaims({ email: "ada@acme.test", xms_edov: true }, entra)).toMatchObject({ ok: true });
    expect(checkSsoClaims({ email: "ada@acme.test", xms_edov: true }, policy)).toMatchObject({
      ok: false,
      reason: "unverified",
    });
  });

  it("keeps the Entra rule for a token from any Entra host, whichever preset was chosen", () => {
    const tenant = "8eaef023-2b34-4da1-9baa-8bc8c9d6a490";
    for (const host of [
      "login.microsoftonline.com",
      "login.microsoftonline.us",
      "login.partner.microsoftonline.cn",
      `${tenant}.ciamlogin.com`,
    ]) {
      const claims = { email: "ada@acme.test", xms_edov: true, iss: `https://${host}/${tenant}/v2.0` };
      expect(checkSsoClaims(claims, policy)).toMatchObject({ ok: true });
      expect(checkSsoClaims({ ...claims, xms_edov: false }, policy)).toMatchObject({ ok: false, reason: "unverified" });
    }
    // xms_edov means nothing from another issuer.
    const other = { email: "ada@acme.test", xms_edov: true, iss: "https://idp.example.com" };
    expect(checkSsoClaims(other, policy)).toMatchObject({ ok: false, reason: "unverified" });
  });

  it("picks the most privileged mapped role", () => {
    const mappings = [
      { group: "staff", roleId: "interviewer" },
      { group: "recruiting", roleId: "recruiter" },
    ];
    const order = ["admin", "recruiter", "hiring_manager", "interviewer"];
    expect(roleFromGroups(["staff", "recruiting"], mappings, order)).toBe("recruiter");
    expect(roleFromGroups(["other"], mappings, order)).toBeNull();
  });
});

describe("SSO presets", () => {
  it("accepts only a tenant-specific Entra ID issuer", () => {
    expect(findIssuerProblem("entra", "https://login.microsoftonline.com/common/v2.0")).toBe("entraTenant");
    expect(findIssuerProblem("entra", "https://login.microsoftonline.com/organizations/v2.0")).toBe("entraTenant");
    expect(
      findIssuerProblem("entra", "https://login.microsoftonline.com/8eaef023-2b34-4da1-9baa-8bc8c9d6a490/v2.0"),
    ).toBeNull();
    expect(findIssuerProblem("entra", "https://sts.windows.net/8eaef023/")).toBe("entraFormat");
  });

  it("accepts Entra's national clouds and Entra External ID with the same rules", () => {
    const tenant = "8eaef023-2b34-4da1-9baa-8bc8c9d6a490";
    for (const host of ["login.microsoftonline.us", "login.partner.microsoftonline.cn", `${tenant}.ciamlogin.com`]) {
      expect(findIssuerProblem("entra", `https://${host}/${tenant}/v2.0`)).toBeNull();
      expect(findIssuerProblem("entra", `https://${host}/common/v2.0`)).toBe("entraTenant");
    }
    expect(findIssuerProblem("entra", `https://login.microsoftonline.evil.example/${tenant}/v2.0`)).toBe("entraFormat");
    expect(findIssuerProblem("entra", `https://ciamlogin.com.evil.example/${tenant}/v2.0`)).toBe("entraFormat");
  });

  it("asks for HTTPS except on loopback", () => {
    expect(findIssuerProblem("okta", "http://acme.okta.com")).toBe("https");
    expect(findIssuerProblem("generic", "http://127.0.0.1:4321")).toBeNull();
    expect(findIssuerProblem("google", "https://accounts.google.com")).toBeNull();
    expect(findIssuerProblem("google", "https://example.com")).toBe("googleIssuer");
    expect(findIssuerProblem("generic", "not a url")).toBe("url");
  });

  it("reads a list of domains", () => {
    expect(parseDomainList("Acme.test, @example.org;acme.test  bad_domain")).toEqual({
      domains: ["acme.test", "example.org"],
      invalid: ["bad_domain"],
    });
  });
});
