import { randomInt } from "node:crypto";
import http from "node:http";

import { generateApiKey } from "@/lib/api-keys/key-material";
import type { SourceKind } from "@/lib/webhooks/kinds";
import { signatureHeader } from "@/lib/webhooks/signatures";

import { createTestUser, db, expect, signInRequest, test, uniqueSuffix } from "./fixtures";
import { addSource, deliveriesOf, fixtureBody, postSigned } from "./webhooks";

// The answers Handoff gives as each vendor's retry rules need them (README, "What each ATS
// retries"), with the vendors' published payloads.

// Each vendor's example with its candidate and event ids made unique, so a hire is always new.
const EXAMPLES: Record<
  SourceKind,
  { file: string; ids: string[]; headers?: (suffix: string) => Record<string, string> }
> = {
  greenhouse: {
    file: "greenhouse-hire_candidate.json",
    ids: ["35897443", "265788"],
    headers: (suffix) => ({ "Greenhouse-Event-ID": `gh-${suffix}` }),
  },
  ashby: {
    file: "ashby-candidateHire.json",
    ids: [
      "0a3f2c8e-6b1d-4f5a-9c7e-2d4b6a8f1e30",
      "5f2c1a7e-3b9d-4e61-8a2f-7c0d9e4b1a63",
      "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
    ],
  },
  workable: { file: "workable-candidate_moved.json", ids: ["3b1e9c2a-7f4d-4e8b-9a6c-5d2f1e0b7c84", "3fc9a80f"] },
  handoff: { file: "handoff-candidate.hired.json", ids: ["rec-4711", "evt_2026-11-20_0001"] },
};

function example(kind: SourceKind) {
  const suffix = uniqueSuffix();
  let body = fixtureBody(EXAMPLES[kind].file).toString("utf8");
  // Greenhouse's ids are numbers: they stay numbers.
  for (const id of EXAMPLES[kind].ids)
    body = body.replaceAll(id, /^\d+$/.test(id) ? String(randomInt(100_000_000, 999_999_999)) : `${id}-${suffix}`);
  return { body, headers: EXAMPLES[kind].headers?.(suffix) ?? {} };
}

test.describe("webhook answers by the vendors' retry rules", () => {
  for (const kind of ["greenhouse", "ashby", "workable", "handoff"] as const) {
    test(`${kind}: a disabled source answers 503 with Retry-After; the retry after re-enabling creates the hire`, async ({
      request,
    }) => {
      const source = await addSource(request, kind);
      await db.webhookSource.update({ where: { id: source.sourceId }, data: { enabled: false } });
      const { body, headers } = example(kind);

      const refused = await postSigned(request, source, body, { headers });
      // 503 is retried by every vendor; Ashby would give up for good on a 403.
      expect([refused.status, refused.headers["retry-after"], refused.json?.reason]).toEqual([
        503,
        "300",
        "source_disabled",
      ]);
      expect(await db.candidate.count({ where: { externalSource: source.externalSource } })).toBe(0);

      await db.webhookSource.update({ where: { id: source.sourceId }, data: { enabled: true } });
      // The vendor's retry: the same body and event id (the Handoff sender signs each attempt anew).
      const retried = await postSigned(request, source, body, { headers });
      expect([retried.status, retried.json?.status]).toEqual([200, "created"]);

      const log = await deliveriesOf(source.sourceId);
      expect(log.map((entry) => [entry.outcome, entry.reason])).toEqual([
        ["rejected", "source_disabled"],
        ["created", null],
      ]);
      const hire = await db.candidate.findUniqueOrThrow({
        where: { id: log[1]!.candidateId! },
        select: { stage: true, externalSource: true, handoff: true },
      });
      expect(hire).toEqual({ stage: "HIRED", externalSource: source.externalSource, handoff: null });
    });
  }

  test("a delivery seen before is logged as a duplicate, not as a rejected replay", async ({ request }) => {
    const source = await addSource(request, "ashby");
    const { body } = example("ashby");
    expect((await postSigned(request, source, body)).json?.status).toBe("created");
    const again = await postSigned(request, source, body);
    expect([again.status, again.json?.status, again.json?.reason]).toEqual([200, "duplicate", "already_received"]);
    const log = await deliveriesOf(source.sourceId);
    expect(log.map((entry) => [entry.outcome, entry.reason])).toEqual([
      ["created", null],
      ["duplicate", "already_received"],
    ]);
  });
});

// One socket for every request: a second request goes out on the socket the first one used,
// unless the server said Connection: close.
type Answer = { status: number; headers: http.IncomingHttpHeaders; reusedSocket: boolean; body: string };

function send(
  agent: http.Agent,
  url: URL,
  options: { method: string; headers?: Record<string, string>; chunkedBytes?: number; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method: options.method, headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, reusedSocket: req.reusedSocket, body }),
      );
    });
    req.on("error", reject);
    if (options.chunkedBytes) {
      // No Content-Length: Node sends Transfer-Encoding: chunked, 64 KiB a chunk.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let sent = 0; sent < options.chunkedBytes; sent += chunk.length) req.write(chunk);
    }
    req.end(options.body);
  });
}

async function expectConnectionUsableAfter413(
  baseURL: string,
  target: { path: string; headers: Record<string, string>; bytes: number },
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const refused = await send(agent, new URL(target.path, baseURL), {
      method: "POST",
      headers: { "content-type": "application/json", ...target.headers },
      chunkedBytes: target.bytes,
    });
    expect(refused.status).toBe(413);
    const next = await send(agent, new URL("/api/v1/openapi.json", baseURL), { method: "GET" });
    expect(next.status).toBe(200);
    // Either the rest of the body was read and the socket serves the next request, or the 413
    // closed it and the next request had a fresh one: never a socket left half-read.
    if (refused.headers.connection === "close") expect(next.reusedSocket).toBe(false);
    else expect(next.reusedSocket).toBe(true);
    return refused;
  } finally {
    agent.destroy();
  }
}

test.describe("an oversized chunked body", () => {
  test("the webhook's, the API's and the import upload's 413 leave a connection that answers the next request", async ({
    request,
    baseURL,
  }) => {
    await test.step("webhook: 5 MB chunked against a 1 MiB limit", async () => {
      const source = await addSource(request, "handoff");
      const [name, value] = signatureHeader("handoff", source.secret, "{}");
      const refused = await expectConnectionUsableAfter413(baseURL!, {
        path: source.path,
        headers: { [name]: value },
        bytes: 5 * 1024 * 1024,
      });
      expect(JSON.parse(refused.body)).toMatchObject({ status: "rejected", reason: "too_large" });
    });

    await test.step("API: 5 MB chunked against a 256 KiB limit", async () => {
      const material = generateApiKey();
      await db.apiKey.create({
        data: {
          name: `e2e ${uniqueSuffix()}`,
          prefix: material.prefix,
          keyHash: material.keyHash,
          scopes: "candidates:read candidates:write",
          rateLimitPerMinute: 1000,
        },
      });
      const refused = await expectConnectionUsableAfter413(baseURL!, {
        path: "/api/v1/candidates",
        headers: { authorization: `Bearer ${material.key}` },
        bytes: 5 * 1024 * 1024,
      });
      expect(JSON.parse(refused.body)).toMatchObject({ code: "body_too_large" });
    });

    await test.step("import upload: 51 MB chunked against a 50 MB limit", async () => {
      await signInRequest(request, await createTestUser("admin"));
      const cookies = (await request.storageState()).cookies.map((cookie) => `${cookie.name}=${cookie.value}`);
      const refused = await expectConnectionUsableAfter413(baseURL!, {
        path: "/api/imports",
        headers: { cookie: cookies.join("; "), "x-file-name": "big.csv" },
        bytes: 51 * 1024 * 1024,
      });
      expect(JSON.parse(refused.body)).toEqual({ code: "file_too_large" });
    });
  });
});
