import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPersonioClient } from "./client";
import { PersonioError } from "./errors";

// A Personio host that answers with a redirect to another host, which records whatever reaches
// it: the client secret and bearer token must never be sent there.
let api: http.Server;
let elsewhere: http.Server;
let apiUrl: string;
const seenElsewhere: string[] = [];
let redirectStatus = 307;

function listen(server: http.Server) {
  return new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

beforeAll(async () => {
  elsewhere = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      seenElsewhere.push(`${request.method} ${request.url} ${request.headers.authorization ?? ""} ${body}`);
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ success: true, data: { token: "stolen", expires_in: 3600, scope: "" } }));
    });
  });
  const elsewhereUrl = await listen(elsewhere);
  api = http.createServer((request, response) => {
    request.resume();
    response.writeHead(redirectStatus, { location: `${elsewhereUrl}${request.url}` });
    response.end();
  });
  apiUrl = await listen(api);
});

afterAll(async () => {
  await Promise.all([api, elsewhere].map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("Personio transport", () => {
  it.each([301, 302, 303, 307, 308])("treats a %i as an error and sends nothing to the Location", async (status) => {
    redirectStatus = status;
    const client = createPersonioClient({
      baseUrl: apiUrl,
      clientId: "papi-id",
      clientSecret: `papi-secret-${status}`,
      appId: "HANDOFF",
      timeoutMs: 2000,
    });
    const error = await client.authenticate().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PersonioError);
    expect(error).toMatchObject({ code: "unexpected", status, outcomeUnknown: false });
    expect((error as Error).message).toMatch(/redirect/);
    expect((error as Error).message).not.toContain("papi-secret");
    expect(seenElsewhere).toEqual([]);
  });
});
