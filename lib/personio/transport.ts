import "server-only";

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

export type PersonioHttpResponse = { status: number; headers: Headers; body: unknown };

/**
 * One HTTP exchange with a hard deadline covering headers and body; network failures become
 * PersonioErrors. Redirects are never followed: a 307 or 308 would make fetch send the same
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

async function exchange(request: PersonioHttpRequest): Promise<PersonioHttpResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      redirect: "manual",
    });
  } catch (error) {
    clearTimeout(timer);
    throw networkError(error, request, controller.signal.aborted);
  }
  if (response.status >= 300 && response.status < 400) {
    clearTimeout(timer);
    await response.body?.cancel().catch(() => undefined);
    // Not sent on: the request went nowhere but to the configured host, which refused it.
    throw new PersonioError(
      "unexpected",
      `Personio answered ${request.method} ${new URL(request.url).pathname} with a redirect (${response.status}); redirects are not followed`,
      {
        status: response.status,
      },
    );
  }
  try {
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: parseBody(text) };
  } catch (error) {
    throw networkError(error, request, controller.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
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
