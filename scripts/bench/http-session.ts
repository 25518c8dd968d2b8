// A signed-in HTTP client for the benchmark: signs in through next-auth's credentials callback
// (as the sign-in form and e2e/fixtures.ts do) and calls server actions the way the browser
// does (POST with a Next-Action header, as e2e/server-actions.ts does), timing each exchange.
import fs from "node:fs";

export type Session = { email: string; cookie: string };

function cookiesFrom(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0]!);
}

function mergeCookies(existing: string, added: string[]): string {
  const jar = new Map(existing ? existing.split("; ").map((pair) => [pair.split("=")[0]!, pair] as const) : []);
  for (const pair of added) jar.set(pair.split("=")[0]!, pair);
  return [...jar.values()].join("; ");
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  let cookie = mergeCookies("", cookiesFrom(csrfResponse));
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  await response.arrayBuffer();
  cookie = mergeCookies(cookie, cookiesFrom(response));
  if (!/session-token=/.test(cookie)) throw new Error(`Sign-in failed for ${email} (status ${response.status})`);
  return { email, cookie };
}

export async function timedGet(
  baseUrl: string,
  path: string,
  session: Session,
): Promise<{ ms: number; status: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie }, redirect: "manual" });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - start, status: response.status, bytes: body.byteLength };
}

export function findActionId(exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`No server action named ${exportedName} in the build`);
  return id;
}

export type ActionTiming = {
  /** From sending the request until the action's return value (RSC row 1) has arrived. */
  resultMs: number;
  /** Until the whole response (with any re-rendered page data) has arrived. */
  totalMs: number;
  status: number;
  result: unknown;
};

export async function callAction(
  baseUrl: string,
  session: Session,
  options: { actionId: string; path: string; input: unknown },
): Promise<ActionTiming> {
  const start = performance.now();
  const response = await fetch(`${baseUrl}${options.path}`, {
    method: "POST",
    headers: {
      cookie: session.cookie,
      "next-action": options.actionId,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
    },
    body: JSON.stringify([options.input]),
  });
  // Read the stream as it comes, to note when the result row is complete.
  const decoder = new TextDecoder();
  let text = "";
  let resultMs: number | undefined;
  let result: unknown;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (resultMs === undefined) {
      const row = text.split("\n").find((line, index, lines) => line.startsWith("1:") && index < lines.length - 1);
      if (row) {
        resultMs = performance.now() - start;
        result = JSON.parse(row.slice(2)) as unknown;
      }
    }
  }
  const totalMs = performance.now() - start;
  if (resultMs === undefined) {
    const row = text.split("\n").find((line) => line.startsWith("1:"));
    result = row ? (JSON.parse(row.slice(2)) as unknown) : undefined;
    resultMs = totalMs;
  }
  return { resultMs, totalMs, status: response.status, result };
}
