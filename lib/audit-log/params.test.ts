import { describe, expect, it } from "vitest";

import { auditListHref, parseAuditDetails, ZAuditListParams } from "./params";

describe("ZAuditListParams", () => {
  it("defaults everything", () => {
    expect(ZAuditListParams.parse({})).toEqual({ category: "all", outcome: "", page: 1 });
  });
  it("keeps valid values and drops bad ones", () => {
    expect(ZAuditListParams.parse({ category: "sends", outcome: "failure", page: "3" })).toEqual({ category: "sends", outcome: "failure", page: 3 });
    expect(ZAuditListParams.parse({ category: "x", outcome: "maybe", page: "-2" })).toEqual({ category: "all", outcome: "", page: 1 });
  });
});

describe("auditListHref", () => {
  it("omits defaults", () => {
    expect(auditListHref({ category: "all", outcome: "", page: 1 })).toBe("/admin/audit");
    expect(auditListHref({ category: "settings", outcome: "success", page: 2 })).toBe("/admin/audit?category=settings&outcome=success&page=2");
  });
});

describe("parseAuditDetails", () => {
  it("reads what writeAuditLog stores", () => {
    expect(parseAuditDetails(JSON.stringify({ permission: "personio:send", scopes: ["employees:read"], ok: true, n: 2, none: null }))).toEqual({
      permission: "personio:send",
      scopes: ["employees:read"],
      ok: true,
      n: 2,
      none: null,
    });
  });
  it("shows nothing for unreadable details instead of failing the page", () => {
    expect(parseAuditDetails(null)).toEqual({});
    expect(parseAuditDetails("{not json")).toEqual({});
    expect(parseAuditDetails("[1,2]")).toEqual({});
    expect(parseAuditDetails(JSON.stringify({ nested: { a: 1 } }))).toEqual({});
  });
});
