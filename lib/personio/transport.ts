import "server-only";

import type { IncomingHttpHeaders } from "node:http";

import { Agent, request as undiciRequest, type Dispatcher, type FormData } from "undici";

import { recordPersonioCall } from "./call-metrics";
import type { PersonioCallKind } from "./classify";
import { defaultPersonioMessage, PersonioError } from "./errors";

export type PersonioHttpRequest = {
  method: "GET" | "POST" | "PATCH";
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
  kind: PersonioCallKind;
  timeoutMs: number;
};

/** Personio's response headers, read by name (case-insensitive), several values joined as fetch joins them. */
export type PersonioResponseHeaders = Pick<Headers, "get">;

export type PersonioHttpResponse = { status: number; headers: PersonioResponseHeaders; body: unknown };

/**
 * One HTTP exchange with a hard deadline covering headers and body; network failures become
 * PersonioErrors. Redirects are never followed: following a 307 or 308 would send the same
 * request (the client secret, or the bearer token and an employee's data) to wherever the
 * Location points. Personio's API does not redirect, so any 3xx is an error here.
 */
export async function sendPersonioRequest(request: PersonioHttpRequest): Promise<PersonioHttpResponse> {
  const startedAt = performance.now();
  let status = 0;
  try {
    const response = await exchange(request);
    status = response.status;
    return response;
  } catch (error) {
    status = error instanceof PersonioError ? (error.status ?? 0) : 0;
    throw error;
  } finally {
    recordPersonioCall(request, status, performance.now() - startedAt);
  }
}

// undici's request() rather than fetch(): the same HTTP client Node's fetch is built on, without
// the WHATWG Request, Response and stream objects around each exchange, which cost a send about
// half a millisecond of CPU per Personio call (measured in the server while the recruiter waits).
// It follows no redirects, and keeps connections alive like fetch. Its own Agent, not the global
// dispatcher: that one is whichever undici loaded first, Node's built-in one (another major
// version on the container's Node 24) or this package's.
const personioAgent = new Agent();

async function exchange(request: PersonioHttpRequest): Promise<PersonioHttpResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  let response: Dispatcher.ResponseData;
  try {
    response = await undiciRequest(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      dispatcher: personioAgent,
    });
  } catch (error) {
    clearTimeout(timer);
    throw networkError(error, request, controller.signal.aborted);
  }
  const status = response.statusCode;
  if (status >= 300 && status < 400) {
    clearTimeout(timer);
    await response.body.dump().catch(() => undefined); // frees the connection, reads no more than 128 kB
    // Not sent on: the request went nowhere but to the configured host, which refused it.
    throw new PersonioError(
      "unexpected",
      `Personio answered ${request.method} ${new URL(request.url).pathname} with a redirect (${status}); redirects are not followed`,
      { status },
    );
  }
  try {
    const text = await response.body.text();
    return { status, headers: readHeaders(response.headers), body: parseBody(text) };
  } catch (error) {
    throw networkError(error, request, controller.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

// undici hands the headers over with lower-case names, a repeated one as an array.
function readHeaders(headers: IncomingHttpHeaders): PersonioResponseHeaders {
  return {
    get: (name) => {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Gateways answer with HTML; keep a short excerpt for the log message only.
    return { message: text.slice(0, 200) };
  }
}

const NEVER_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function networkError(error: unknown, request: PersonioHttpRequest, timedOut: boolean): PersonioError {
  // Only a write can leave Personio in an unknown state; reads and auth are safe to repeat.
  const isWrite = request.kind === "write";
  if (timedOut) {
    return new PersonioError("timeout", `${defaultPersonioMessage("timeout")} (after ${request.timeoutMs} ms)`, {
      outcomeUnknown: isWrite,
      cause: error,
    });
  }
  const code = causeCode(error);
  if (code && NEVER_CONNECTED.has(code)) {
    return new PersonioError("unavailable", `${defaultPersonioMessage("unavailable")} (${code})`, { cause: error });
  }
  return new PersonioError(
    "connection_lost",
    `${defaultPersonioMessage("connection_lost")} (${code ?? "no response"})`,
    {
      outcomeUnknown: isWrite,
      cause: error,
    },
  );
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    if (typeof current === "object" && current !== null && "code" in current && typeof current.code === "string") {
      return current.code;
    }
    current = typeof current === "object" && current !== null && "cause" in current ? current.cause : undefined;
  }
  return undefined;
}
