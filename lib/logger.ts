import "server-only";

import { createRequire } from "node:module";

import pino, { type DestinationStream, type Level, type Logger } from "pino";

import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";
import { requestHeaders } from "@/lib/http/request-scope";

// One structured logger for the app: JSON lines in production (one object per line, for a log
// collector), readable lines in development. Lines carry ids (request, user, candidate, import),
// never names, emails or secrets; the keys below are blanked as a safety net for an object logged
// whole, at the top level and two levels down (`{ user: { email } }`, `{ req: { headers: { cookie } } }`).
const REDACTED_KEYS = [
  "password",
  "secret",
  "clientSecret",
  "token",
  "accessToken",
  "authorization",
  "cookie",
  "email",
  "firstName",
  "lastName",
  "name",
];
export const REDACTED = "[redacted]";

type LoggerSettings = { level: Level | "silent"; pretty: boolean };

/** A logger writing to `destination` (stdout unless given); tests pass their own to read the lines. */
export function createLogger(settings: LoggerSettings, destination?: DestinationStream): Logger {
  const options = {
    level: settings.level,
    redact: {
      paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
      censor: REDACTED,
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) return pino(options, destination);
  if (!settings.pretty) return pino(options);
  // pino-pretty as a synchronous stream, not a transport: transports run in a worker thread that
  // Next.js's bundling cannot find. Loaded only in development, so production need not install it.
  const pretty = createRequire(import.meta.url)("pino-pretty") as typeof import("pino-pretty").PinoPretty;
  return pino(options, pretty({ sync: true, colorize: true, ignore: "pid,hostname", translateTime: "SYS:HH:MM:ss.l" }));
}

// Unit tests log nothing unless LOG_LEVEL asks: the errors they provoke on purpose are not news.
export const logger = createLogger({
  level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  pretty: env.NODE_ENV === "development",
});

// API routes are not behind proxy.ts (see its matcher). Under next start and next dev the
// access log (lib/http/request-log.ts) has already put the request's id in its headers; where it
// has not (a request before instrumentation ran), the id is chosen here, once per request: the
// caller's X-Request-Id when it is a plain token, else a new one, kept with the headers object.
const requestIds = new WeakMap<object, string>();

/**
 * The logger for the current request: every line carries the request's id (set by proxy.ts for
 * pages and actions). Outside a request (the background import, start-up, tests) it is the plain
 * logger.
 */
export async function requestLogger(): Promise<Logger> {
  const headers = await requestHeaders();
  if (!headers) return logger;
  let requestId = requestIds.get(headers);
  if (!requestId) {
    requestId = requestIdFrom(headers.get(REQUEST_ID_HEADER));
    requestIds.set(headers, requestId);
  }
  return logger.child({ requestId });
}

/**
 * How an action or API call that failed is logged, decided here for both: a typed AppError is
 * expected (a refusal the caller is told about) and gets an info line with its code; anything
 * else is unexpected and gets an error line with its stack, while the caller learns nothing of it.
 */
export async function logFailure(error: unknown, fields: { operation: string; userId?: string; apiKeyId?: string }) {
  const log = await requestLogger();
  if (error instanceof AppError) log.info({ ...fields, code: error.code, reason: error.reason }, "Refused");
  else log.error({ ...fields, err: error }, "Unexpected error");
}
