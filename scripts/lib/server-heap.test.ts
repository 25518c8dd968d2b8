import { describe, expect, it } from "vitest";

import { SERVER_MALLOC_ARENAS, SERVER_MAX_HEAP_MB, serverNodeOptions, serverProcessEnv } from "./server-heap";

describe("the production server's heap limit", () => {
  it("is added when nothing sets one, after the options already given", () => {
    expect(serverNodeOptions("")).toBe(`--max-old-space-size=${SERVER_MAX_HEAP_MB}`);
    expect(serverNodeOptions("--enable-source-maps")).toBe(
      `--enable-source-maps --max-old-space-size=${SERVER_MAX_HEAP_MB}`,
    );
  });

  it("leaves an operator's own limit alone", () => {
    expect(serverNodeOptions("--max-old-space-size=2048")).toBe("--max-old-space-size=2048");
    expect(serverNodeOptions("--require ./x.cjs --max-old-space-size 1024")).toBe(
      "--require ./x.cjs --max-old-space-size 1024",
    );
  });
});

describe("the production server's environment", () => {
  it("limits the allocator's arenas unless the operator chose a number", () => {
    expect(serverProcessEnv("", undefined)).toEqual({
      NODE_OPTIONS: `--max-old-space-size=${SERVER_MAX_HEAP_MB}`,
      MALLOC_ARENA_MAX: String(SERVER_MALLOC_ARENAS),
    });
    expect(serverProcessEnv("", "8").MALLOC_ARENA_MAX).toBe("8");
  });
});
