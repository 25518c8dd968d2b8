import "server-only";

import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";

import type { Logger } from "pino";

import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";

// The access log: one line per request, written when its response is done, with the method, the
// path (never the query string: searches and filters carry names and emails), the status, the
// duration and the request id. Node publishes every request of every server in this process on
// this channel before its "request" event, so the line needs nothing from Next.js, and the id is
// chosen here, first: proxy.ts, the API routes' logger (lib/logger.ts) and the response's
// X-Request-Id then all use it, so a person's X-Request-Id finds this line and the request's others.

const STATE = Symbol.for("handoff.requestLog");
type GlobalWithState = typeof globalThis & { [STATE]?: true };

// Next.js's own files: unchanging assets, many per page, which tell an operator nothing.
const isAsset = (path: string) => path.startsWith("/_next/static/");

export function recordRequests(log: Logger | null) {
  const global = globalThis as GlobalWithState;
  if (global[STATE]) return;
  global[STATE] = true;
  diagnosticsChannel.subscribe("http.server.request.start", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const incoming = request.headers[REQUEST_ID_HEADER];
    const requestId = requestIdFrom(Array.isArray(incoming) ? null : (incoming ?? null));
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    if (!log) return;
    const path = (request.url ?? "/").split("?", 1)[0]!;
    if (isAsset(path)) return;
    const startedAt = performance.now();
    // "close" comes for every response, also one the client gave up on before it was complete.
    response.once("close", () => {
      const fields = {
        requestId,
        method: request.method,
        path,
        status: response.statusCode,
        durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
      };
      log.info(response.writableFinished ? fields : { ...fields, aborted: true }, "Request");
    });
  });
}

type RequestErrorDetails = {
  request: { path: string; method: string; headers: NodeJS.Dict<string | string[]> };
  context: { routePath: string; routeType: string };
};

/**
 * A server error Next.js caught (instrumentation.ts's onRequestError). Its digest is the
 * "reference" the error page shows the person, so searching the log for it finds this line with
 * the stack, and through the request id the request's other lines.
 */
export function logRequestError(log: Logger, error: unknown, { request, context }: RequestErrorDetails) {
  const digest = typeof error === "object" && error && "digest" in error ? String(error.digest) : undefined;
  const requestId = request.headers[REQUEST_ID_HEADER];
  log.error(
    {
      digest,
      requestId: typeof requestId === "string" ? requestId : undefined,
      method: request.method,
      path: request.path.split("?", 1)[0],
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "Request failed",
  );
}
