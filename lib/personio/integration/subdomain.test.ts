import { describe, expect, it } from "vitest";

import { ZConnectPersonioInput, ZUpdatePersonioCredentialsInput } from "./schemas";
import { isValidSubdomain, normalizePersonioSubdomain } from "./subdomain";

describe("normalizePersonioSubdomain", () => {
  it.each([
    ["acme", "acme", false],
    ["  Acme ", "acme", false],
    ["acme.personio.de", "acme", true],
    ["https://acme.personio.de", "acme", true],
    ["https://acme.personio.de/staff/details/12?x=1#top", "acme", true],
    ["http://ACME-gmbh.personio.de:443/", "acme-gmbh", true],
    ["acme.app.personio.com", "acme", true],
    ["acme.jobs.personio.de", "acme", true],
    ["acme.personio.de.", "acme", true],
  ])("%s → %s", (typed, subdomain, wasReduced) => {
    expect(normalizePersonioSubdomain(typed)).toEqual({ subdomain, wasReduced });
  });

  it("leaves addresses that are not Personio's for the pattern to reject", () => {
    const result = normalizePersonioSubdomain("acme.example.com");
    expect(result.subdomain).toBe("acme.example.com");
    expect(isValidSubdomain(result.subdomain)).toBe(false);
  });
});

describe("isValidSubdomain", () => {
  it.each(["a", "acme", "acme-gmbh", "a1", "1a", "x".repeat(63)])("accepts %s", (value) => {
    expect(isValidSubdomain(value)).toBe(true);
  });
  it.each(["", "-acme", "acme-", "ac_me", "ac me", "acme.de", "x".repeat(64), "äcme"])("rejects %j", (value) => {
    expect(isValidSubdomain(value)).toBe(false);
  });
});

describe("credential schemas", () => {
  it("reduce a pasted address and trim the id and secret", () => {
    const parsed = ZConnectPersonioInput.parse({
      clientId: " papi-1 ",
      clientSecret: " s3cret ",
      subdomain: "https://acme.personio.de",
    });
    expect(parsed).toEqual({ apiVersion: "v1", clientId: "papi-1", clientSecret: "s3cret", subdomain: "acme" });
  });

  it("require a secret to connect but not to change credentials", () => {
    const input = { clientId: "papi-1", clientSecret: "  ", subdomain: "acme" };
    expect(ZConnectPersonioInput.safeParse(input).success).toBe(false);
    expect(ZUpdatePersonioCredentialsInput.parse(input).clientSecret).toBe("");
  });

  it("name the field whose value is wrong", () => {
    const result = ZConnectPersonioInput.safeParse({ clientId: "", clientSecret: "x", subdomain: "not a subdomain" });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(messages).toEqual([
      ["clientId", "clientId"],
      ["subdomain", "subdomain"],
    ]);
  });
});
