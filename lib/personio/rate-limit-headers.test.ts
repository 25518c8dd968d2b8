import { describe, expect, it } from "vitest";

import { exhaustedUntil, readRateLimitBudgets } from "./rate-limit-headers";
import { clearRateLimitHolds, heldFor, holdCalls, rateLimitedCallKind } from "./rate-limit-hold";

const NOW = 1_800_000_000_000;

describe("readRateLimitBudgets", () => {
  it("reads X-RateLimit-* with the reset as seconds from now, epoch seconds or epoch ms", () => {
    const headers = (reset: string) =>
      new Headers({ "x-ratelimit-limit": "300", "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset });
    expect(readRateLimitBudgets(headers("30"), NOW)).toEqual([{ limit: 300, remaining: 0, resetAt: NOW + 30_000 }]);
    expect(readRateLimitBudgets(headers(String(NOW / 1000 + 45)), NOW)).toEqual([
      { limit: 300, remaining: 0, resetAt: NOW + 45_000 },
    ]);
    expect(readRateLimitBudgets(headers(String(NOW + 5_000)), NOW)).toEqual([
      { limit: 300, remaining: 0, resetAt: NOW + 5_000 },
    ]);
  });

  it("reads the IETF draft's separate RateLimit-* headers (early drafts may add a policy after a comma)", () => {
    const headers = new Headers({
      "ratelimit-limit": "100, 100;w=60",
      "ratelimit-remaining": "4",
      "ratelimit-reset": "7",
    });
    expect(readRateLimitBudgets(headers, NOW)).toEqual([{ limit: 100, remaining: 4, resetAt: NOW + 7_000 }]);
  });

  it("reads draft 7's combined RateLimit header", () => {
    const headers = new Headers({ ratelimit: "limit=10, remaining=0, reset=12" });
    expect(readRateLimitBudgets(headers, NOW)).toEqual([{ limit: 10, remaining: 0, resetAt: NOW + 12_000 }]);
  });

  it("reads the later drafts' structured RateLimit with its RateLimit-Policy, one budget per policy", () => {
    const headers = new Headers({
      ratelimit: '"burst";r=3;t=1, "daily";r=0;t=3600',
      "ratelimit-policy": '"burst";q=15;w=1, "daily";q=1000;w=86400',
    });
    expect(readRateLimitBudgets(headers, NOW)).toEqual([
      { limit: 15, remaining: 3, resetAt: NOW + 1_000 },
      { limit: 1000, remaining: 0, resetAt: NOW + 3_600_000 },
    ]);
  });

  it("ignores absent, partial and malformed headers", () => {
    expect(readRateLimitBudgets(new Headers(), NOW)).toEqual([]);
    expect(readRateLimitBudgets(new Headers({ "x-ratelimit-remaining": "0" }), NOW)).toEqual([]);
    expect(readRateLimitBudgets(new Headers({ "x-ratelimit-remaining": "-1", "x-ratelimit-reset": "5" }), NOW)).toEqual(
      [],
    );
    expect(readRateLimitBudgets(new Headers({ ratelimit: "limit=10, remaining=soon, reset=1" }), NOW)).toEqual([]);
    expect(readRateLimitBudgets(new Headers({ ratelimit: '"p";q=10' }), NOW)).toEqual([]);
  });
});

describe("exhaustedUntil", () => {
  it("is the latest reset among the budgets with none remaining", () => {
    const headers = new Headers({
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": "20",
      ratelimit: '"a";r=0;t=50, "b";r=9;t=90',
    });
    expect(exhaustedUntil(headers, NOW)).toBe(NOW + 50_000);
  });

  it("is undefined while every budget has calls left, or when a reset has passed", () => {
    expect(
      exhaustedUntil(new Headers({ "x-ratelimit-remaining": "1", "x-ratelimit-reset": "20" }), NOW),
    ).toBeUndefined();
    const past = String(Math.floor(NOW / 1000) - 10);
    expect(
      exhaustedUntil(new Headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": past }), NOW),
    ).toBeUndefined();
  });
});

describe("holds", () => {
  it("names the kind of call from method and path", () => {
    expect(rateLimitedCallKind("POST", "/v2/auth/token")).toBe("auth");
    expect(rateLimitedCallKind("POST", "/v1/auth")).toBe("auth");
    expect(rateLimitedCallKind("GET", "/v1/company/employees")).toBe("employee_read");
    expect(rateLimitedCallKind("GET", "/v2/persons")).toBe("employee_read");
    expect(rateLimitedCallKind("PATCH", "/v2/persons/7/employments/9")).toBe("employee_write");
    expect(rateLimitedCallKind("POST", "/v1/company/employees")).toBe("employee_write");
    expect(rateLimitedCallKind("GET", "/v1/company/document-categories")).toBe("other_read");
    expect(rateLimitedCallKind("POST", "/v1/company/documents")).toBe("other_write");
  });

  it("holds one kind of call of one credential until the reset; a later hold extends it, an earlier one does not", () => {
    clearRateLimitHolds();
    holdCalls("credential-a", "employee_read", NOW + 5_000);
    expect(heldFor("credential-a", "employee_read", NOW)).toBe(5_000);
    expect(heldFor("credential-a", "employee_write", NOW)).toBe(0);
    expect(heldFor("credential-b", "employee_read", NOW)).toBe(0);
    holdCalls("credential-a", "employee_read", NOW + 2_000);
    expect(heldFor("credential-a", "employee_read", NOW)).toBe(5_000);
    holdCalls("credential-a", "employee_read", NOW + 9_000);
    expect(heldFor("credential-a", "employee_read", NOW)).toBe(9_000);
    expect(heldFor("credential-a", "employee_read", NOW + 9_000)).toBe(0);
  });
});
