import http from "node:http";
import type { AddressInfo } from "node:net";

import { describe, expect, it } from "vitest";

import { alignHeadersTimeout, watchHttpServers } from "./server-timeouts";

describe("the headers timeout", () => {
  it("is raised above the keep-alive timeout, and never lowered", () => {
    const server = { keepAliveTimeout: 65_000, headersTimeout: 60_000 };
    alignHeadersTimeout(server);
    expect(server.headersTimeout).toBe(66_000);
    const generous = { keepAliveTimeout: 65_000, headersTimeout: 90_000 };
    alignHeadersTimeout(generous);
    expect(generous.headersTimeout).toBe(90_000);
  });

  it("is aligned on a real server once it has served its first request", async () => {
    watchHttpServers();
    const server = http.createServer((_request, response) => response.end("ok"));
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      expect(server.headersTimeout).toBeLessThanOrEqual(65_000); // Node's default, 60 s
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/`).then((response) => response.text());
      expect(server.headersTimeout).toBe(66_000);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
