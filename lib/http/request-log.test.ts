import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { logRequestError, recordRequests } from "@/lib/http/request-log";
import { createLogger } from "@/lib/logger";

// A plain Node server stands in for next start: the access log hooks Node's own request channel.
const lines: Record<string, unknown>[] = [];
const destination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().trim().split("\n")) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
const log = createLogger({ level: "info", pretty: false }, destination);
const seenIds: string[] = [];
let server: Server;
let base = "";

beforeAll(async () => {
  recordRequests(log);
  server = createServer((request, response) => {
    seenIds.push(String(request.headers["x-request-id"]));
    response.statusCode = request.url?.startsWith("/missing") ? 404 : 200;
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const requestLines = () => lines.filter((line) => line.msg === "Request");

async function waitForLines(count: number) {
  for (let tries = 0; requestLines().length < count && tries < 100; tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("the access log", () => {
  it("writes one line per request, without the query string, with the id the handler and the caller see", async () => {
    const response = await fetch(`${base}/candidates?q=${encodeURIComponent("jane.doe@example.com")}`);
    const missing = await fetch(`${base}/missing/page`, { method: "POST", body: "secret body" });
    await waitForLines(2);
    const [first, second] = requestLines();
    expect(first).toMatchObject({ level: 30, method: "GET", path: "/candidates", status: 200 });
    expect(second).toMatchObject({ method: "POST", path: "/missing/page", status: 404 });
    expect(typeof first?.durationMs).toBe("number");
    expect(first?.requestId).toBe(response.headers.get("x-request-id"));
    expect(second?.requestId).toBe(missing.headers.get("x-request-id"));
    expect(seenIds.slice(0, 2)).toEqual([first?.requestId, second?.requestId]);
    expect(JSON.stringify(lines)).not.toMatch(/jane|example\.com|secret body/);
  });

  it("keeps a caller's plain request id and replaces one that could inject text", async () => {
    lines.length = 0;
    const kept = await fetch(`${base}/a`, { headers: { "x-request-id": "lb-1234567890" } });
    const replaced = await fetch(`${base}/b`, { headers: { "x-request-id": 'bad id"\\n{"level":60}' } });
    await waitForLines(2);
    expect(kept.headers.get("x-request-id")).toBe("lb-1234567890");
    expect(requestLines()[0]?.requestId).toBe("lb-1234567890");
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines()[1]?.requestId).toBe(replaced.headers.get("x-request-id"));
  });

  it("logs a server error with the digest the error page shows, the route and no query string", () => {
    lines.length = 0;
    const error = Object.assign(new Error("boom"), { digest: "2893471923" });
    logRequestError(log, error, {
      request: { path: "/candidates/abc?q=jane", method: "GET", headers: { "x-request-id": "req-12345678" } },
      context: { routePath: "/candidates/[id]", routeType: "render" },
    });
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: "Request failed",
      digest: "2893471923",
      requestId: "req-12345678",
      path: "/candidates/abc",
      route: "/candidates/[id]",
      routeType: "render",
    });
    expect((lines[0]?.err as { stack?: string }).stack).toContain("boom");
  });
});
