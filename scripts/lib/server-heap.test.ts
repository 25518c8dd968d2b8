import { describe, expect, it } from "vitest";

import {
  SERVER_MALLOC_ARENAS,
  SERVER_MAX_HEAP_MB,
  SERVER_SEMI_SPACE_MB,
  serverNodeOptions,
  serverProcessEnv,
} from "./server-heap";

const DEFAULTS = `--max-old-space-size=${SERVER_MAX_HEAP_MB} --max-semi-space-size=${SERVER_SEMI_SPACE_MB}`;

describe("the production server's heap limit and young generation", () => {
  it("are added when nothing sets them, after the options already given", () => {
    expect(serverNodeOptions("")).toBe(DEFAULTS);
    expect(serverNodeOptions("--enable-source-maps")).toBe(`--enable-source-maps ${DEFAULTS}`);
  });

  it("leave an operator's own limit alone", () => {
    expect(serverNodeOptions("--max-old-space-size=2048")).toBe(
      `--max-old-space-size=2048 --max-semi-space-size=${SERVER_SEMI_SPACE_MB}`,
    );
    expect(serverNodeOptions("--require ./x.cjs --max-old-space-size 1024")).toBe(
      `--require ./x.cjs --max-old-space-size 1024 --max-semi-space-size=${SERVER_SEMI_SPACE_MB}`,
    );
  });

  it("leave an operator's own semi-space size alone", () => {
    expect(serverNodeOptions("--max-semi-space-size=16")).toBe(
      `--max-semi-space-size=16 --max-old-space-size=${SERVER_MAX_HEAP_MB}`,
    );
    expect(serverNodeOptions("--max-semi-space-size=8 --max-old-space-size=1024")).toBe(
      "--max-semi-space-size=8 --max-old-space-size=1024",
    );
  });
});

describe("the production server's environment", () => {
  it("limits the allocator's arenas unless the operator chose a number", () => {
    expect(serverProcessEnv("", undefined)).toEqual({
      NODE_OPTIONS: DEFAULTS,
      MALLOC_ARENA_MAX: String(SERVER_MALLOC_ARENAS),
    });
    expect(serverProcessEnv("", "8").MALLOC_ARENA_MAX).toBe("8");
  });
});
