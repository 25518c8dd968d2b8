import { describe, expect, it } from "vitest";

import { SERVER_MAX_HEAP_MB, serverNodeOptions } from "./server-heap";

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
