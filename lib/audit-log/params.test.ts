import { describe, expect, it } from "vitest";

import { auditExportHref, auditListHref, isAuditFiltered, parseAuditDetails, ZAuditListParams } from "./params";

const DEFAULTS = { category: "all", outcome: "", from: "", to: "", person: "", candidate: "", page: 1 };

describe("ZAuditListParams", () => {
  it("defaults everything", () => {
    expect(ZAuditListParams.parse({})).toEqual(DEFAULTS);
  });
  it("keeps valid values and drops bad ones", () => {
    expect(ZAuditListParams.parse({ category: "sends", outcome: "failure", page: "3" })).toEqual({
      ...DEFAULTS,
      category: "sends",
      outcome: "failure",
      page: 3,
    });
    expect(ZAuditListParams.parse({ category: "x", outcome: "maybe", page: "-2" })).toEqual(DEFAULTS);
  });
  it("reads a date range of real days, and a backwards range forwards", () => {
    expect(ZAuditListParams.parse({ from: "2026-11-01", to: "2026-11-30" })).toMatchObject({
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(ZAuditListParams.parse({ from: "2026-11-30", to: "2026-11-01" })).toMatchObject({
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(ZAuditListParams.parse({ from: "2026-02-30", to: "30.11.2026" })).toMatchObject({ from: "", to: "" });
    expect(ZAuditListParams.parse({ from: ["2026-11-01", "2026-11-02"], to: "yesterday" })).toMatchObject({
      from: "",
      to: "",
    });
    expect(ZAuditListParams.parse({ to: " 2026-11-30 " })).toMatchObject({ from: "", to: "2026-11-30" });
  });
  it("takes a person as an id only, and candidate words trimmed and bounded", () => {
    expect(ZAuditListParams.parse({ person: "cmabc123xyz" }).person).toBe("cmabc123xyz");
    expect(ZAuditListParams.parse({ person: "' OR 1=1 --" }).person).toBe("");
    expect(ZAuditListParams.parse({ person: ["a", "b"] }).person).toBe("");
    expect(ZAuditListParams.parse({ candidate: "  Müller  " }).candidate).toBe("Müller");
    expect(ZAuditListParams.parse({ candidate: "x".repeat(500) }).candidate).toHaveLength(200);
    expect(ZAuditListParams.parse({ candidate: ["a"] }).candidate).toBe("");
  });
});

describe("auditListHref and auditExportHref", () => {
  it("omit defaults", () => {
    expect(auditListHref({ category: "all", outcome: "", page: 1 })).toBe("/admin/audit");
    expect(auditListHref({ category: "settings", outcome: "success", page: 2 })).toBe(
      "/admin/audit?category=settings&outcome=success&page=2",
    );
  });
  it("carry every filter, and round-trip through the parser", () => {
    const params = ZAuditListParams.parse({
      category: "sends",
      from: "2026-11-01",
      to: "2026-11-30",
      person: "u1",
      candidate: "Anna Müller",
      page: "4",
    });
    const href = auditListHref(params);
    expect(href).toBe(
      "/admin/audit?category=sends&from=2026-11-01&to=2026-11-30&person=u1&candidate=Anna+M%C3%BCller&page=4",
    );
    expect(ZAuditListParams.parse(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual(params);
    // The export holds every page of the same filters.
    expect(auditExportHref(params)).toBe(
      "/admin/audit/export?category=sends&from=2026-11-01&to=2026-11-30&person=u1&candidate=Anna+M%C3%BCller",
    );
  });
  it("knows when a view is filtered", () => {
    expect(isAuditFiltered(ZAuditListParams.parse({ page: "3" }))).toBe(false);
    expect(isAuditFiltered(ZAuditListParams.parse({ to: "2026-11-30" }))).toBe(true);
    expect(isAuditFiltered(ZAuditListParams.parse({ candidate: "anna" }))).toBe(true);
  });
});

describe("parseAuditDetails", () => {
  it("reads what writeAuditLog stores", () => {
    expect(
      parseAuditDetails(
        JSON.stringify({ permission: "personio:send", scopes: ["employees:read"], ok: true, n: 2, none: null }),
      ),
    ).toEqual({
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
