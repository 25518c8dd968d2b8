import http from "node:http";
import type { AddressInfo } from "node:net";

import { describe, expect, it } from "vitest";

import { alignHeadersTimeout, stopAccepting, watchHttpServers } from "./server-timeouts";

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

describe("stopping accepting connections", () => {
  it("ends a kept-alive connection that was busy when the shutdown began, and refuses new ones", async () => {
    watchHttpServers();
    let answerSlow = () => {};
    let slowArrived = () => {};
    const slowHasArrived = new Promise<void>((resolve) => (slowArrived = resolve));
    const server = http.createServer((request, response) => {
      if (request.url !== "/slow") return response.end("ok");
      answerSlow = () => response.end("slow");
      slowArrived();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    // One connection, kept alive, as a load balancer's pool holds it.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<{ connection: string | undefined; body: string }>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, path, agent }, (response) => {
            let body = "";
            response.on("data", (chunk: Buffer) => (body += chunk.toString()));
            response.on("end", () => resolve({ connection: response.headers.connection, body }));
          })
          .on("error", reject);
      });
    try {
      const slow = get("/slow");
      await slowHasArrived;
      stopAccepting();
      answerSlow();
      expect(await slow).toEqual({ connection: "keep-alive", body: "slow" });
      // server.close() alone leaves this connection open, and it would serve this request; the
      // sweep closes it once idle, and a new connection is refused.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(get("/again")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    } finally {
      agent.destroy();
      server.closeAllConnections();
    }
  });
});
