import { describe, expect, it } from "vitest";

import { requestIdFrom } from "@/lib/http/request-id";

describe("requestIdFrom", () => {
  it("keeps a caller's plain id", () => {
    expect(requestIdFrom("lb-3f2a9c1e.0001")).toBe("lb-3f2a9c1e.0001");
    expect(requestIdFrom("b3c1f2d0-8a1e-4c55-9b7e-0d2f6a4c1e9a")).toBe("b3c1f2d0-8a1e-4c55-9b7e-0d2f6a4c1e9a");
  });

  it("makes a new one when there is none, or the caller's could inject text into the log", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const incoming of [null, "", "short", 'x"}\n{"level":60', "a".repeat(129), "id with spaces"]) {
      expect(requestIdFrom(incoming)).toMatch(uuid);
    }
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});
