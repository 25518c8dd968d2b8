import "server-only";

import type { FormData } from "undici";

import {
  looksLikeDisabledCredentials,
  looksLikePermissionError,
  parseRetryAfter,
  personioErrorFromResponse,
} from "./classify";
import { defaultPersonioMessage, isPersonioError, PersonioError } from "./errors";
import { exhaustedUntil } from "./rate-limit-headers";
import { heldFor, holdCalls, rateLimitedCallKind, type RateLimitedCallKind } from "./rate-limit-hold";
import { throttleEmployeeRead } from "./read-throttle";
import type { SharedPersonioLimits } from "./shared-limits";
import {
  clearPersonioTokenCache,
  getPersonioToken,
  invalidatePersonioToken,
  peekPersonioToken,
  personioTokenCacheKey,
  replacePersonioToken,
  type CachedToken,
} from "./token-cache";
import {
  sendPersonioRequest,
  type PersonioHttpRequest,
  type PersonioHttpResponse,
  type PersonioResponseHeaders,
} from "./transport";

export type PersonioClientConfig = {
  /** API host, e.g. https://api.personio.de (a trailing /v1 is tolerated). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Sent as X-Personio-App-ID on every call; Personio asks for UPPER_SNAKE_CASE. */
  appId: string;
  partnerId?: string;
  timeoutMs?: number;
  /** Retries apply to reads only (and auth on 5xx); creates and updates are never repeated blindly. */
  retry?: { maxRetries?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** The token and read budget shared with other app processes (PostgreSQL); unset, per process. */
  sharedLimits?: SharedPersonioLimits;
  /** Which API the credential is used with: v1 `POST /v1/auth`, or v2 `POST /v2/auth/token`. Default v1. */
  apiVersion?: PersonioApiVersion;
  /**
   * v2 sends department, office and legal entity by id: Personio's ids by name, from the cached
   * lists (lib/personio/integration/options.ts), so a send costs no extra Personio call.
   */
  orgIds?: () => Promise<PersonioOrgIds | null>;
  /** Told of every 429 (for the connection health); a failure to record it never fails the call. */
  onRateLimited?: (event: PersonioRateLimitedEvent) => Promise<void> | void;
};

export type PersonioOrgIds = Record<"department" | "office" | "subcompany", Record<string, string>>;

export type PersonioRateLimitedEvent = { kind: RateLimitedCallKind; retryAfterSeconds?: number };

export type PersonioApiVersion = "v1" | "v2";

type CallOptions = {
  query?: Record<string, string>;
  arrayQuery?: Record<string, string[]>;
  json?: unknown;
  form?: FormData;
  notFoundIsEmpty?: boolean;
};

const DEFAULT_TOKEN_SECONDS = 86_400;

export function createPersonioHttp(config: PersonioClientConfig) {
  const baseUrl = config.baseUrl.trim().replace(/\/+$/, "").replace(/\/v1$/, "");
  const apiVersion = config.apiVersion ?? "v1";
  // A v2 token is cached apart from a v1 one: whether Personio accepts one on the other API is unverified.
  const cacheKey =
    personioTokenCacheKey(baseUrl, config.clientId, config.clientSecret) + (apiVersion === "v2" ? "\nv2" : "");
  const timeoutMs = config.timeoutMs ?? 15_000;
  const maxRetries = config.retry?.maxRetries ?? 2;
  const baseDelayMs = config.retry?.baseDelayMs ?? 500;
  const maxDelayMs = config.retry?.maxDelayMs ?? 10_000;
  const commonHeaders: Record<string, string> = { accept: "application/json", "x-personio-app-id": config.appId };
  if (config.partnerId) commonHeaders["x-personio-partner-id"] = config.partnerId;

  /** Repeats idempotent calls on 429/5xx/lost connections with capped exponential backoff. */
  async function withRetries(retryable: "read" | "auth", attempt: () => Promise<PersonioHttpResponse>) {
    for (let retry = 0; ; retry += 1) {
      let response: PersonioHttpResponse | undefined;
      try {
        response = await attempt();
      } catch (error) {
        if (!isPersonioError(error) || error.code !== "connection_lost" || retry >= maxRetries) throw error;
      }
      if (response) {
        const status = response.status;
        // Auth's 60 s cool-down makes an immediate auth retry on 429 pointless.
        const shouldRetry = status >= 500 || (status === 429 && retryable === "read");
        if (!shouldRetry || retry >= maxRetries) return response;
        const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
        if (retryAfter !== undefined && retryAfter * 1000 > maxDelayMs) return response;
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** retry * (0.75 + Math.random() / 2));
        await sleep(retryAfter ? Math.max(retryAfter * 1000, backoff) : backoff);
        continue;
      }
      await sleep(Math.min(maxDelayMs, baseDelayMs * 2 ** retry));
    }
  }

  /**
   * One exchange, kept inside the budgets Personio announced: a call whose kind Personio said is
   * used up waits for the reset (or, when that is further off than a retry would wait, fails as
   * rate limited without calling); each answer's Retry-After and rate-limit headers set the next hold.
   */
  async function exchange(request: PersonioHttpRequest): Promise<PersonioHttpResponse> {
    const kind = rateLimitedCallKind(request.method, new URL(request.url).pathname);
    const waitMs = heldFor(cacheKey, kind);
    if (waitMs > maxDelayMs) {
      throw new PersonioError("rate_limited", `${defaultPersonioMessage("rate_limited")} (held until the reset)`, {
        status: 429,
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
    if (waitMs > 0) await sleep(waitMs);
    const response = await sendPersonioRequest(request);
    const exhausted = exhaustedUntil(response.headers);
    if (exhausted) await hold(kind, exhausted);
    if (response.status === 429) {
      const retryAfterSeconds = parseRetryAfter(response.headers.get("retry-after"));
      // Without a Retry-After the retries' own backoff decides (at least a second, Personio says).
      // A write is repeated only by the person, who is told the wait: holding it would only make
      // their next send wait inside the request.
      const isWrite = kind === "employee_write" || kind === "other_write";
      if (retryAfterSeconds && !isWrite) await hold(kind, Date.now() + retryAfterSeconds * 1000);
      try {
        await config.onRateLimited?.({ kind, retryAfterSeconds });
      } catch {
        // The health view misses one 429; the call's own outcome matters more.
      }
    }
    return response;
  }

  /**
   * Holds this process's calls of `kind` until `until`; on PostgreSQL the other processes' reads
   * too (through the shared read budget), when the wait is one a retry would make anyway: a longer
   * one would keep their reads waiting instead of failing fast, and they learn it from their own 429.
   */
  async function hold(kind: RateLimitedCallKind, until: number) {
    holdCalls(cacheKey, kind, until);
    const forMs = until - Date.now();
    if (kind === "employee_read" && config.sharedLimits && forMs > 0 && forMs <= maxDelayMs) {
      await config.sharedLimits.holdReads(cacheKey, forMs).catch(() => undefined);
    }
  }

  async function requestToken(): Promise<CachedToken> {
    return apiVersion === "v2" ? requestV2Token() : requestV1Token();
  }

  // OAuth2 client credentials, form-encoded as the v2 Authentication reference requires
  // (openapi/credentials-service-api-v2.json, `OAuth2TokenRequest`); `access_token`, 24 h.
  async function requestV2Token(): Promise<CachedToken> {
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: config.clientId,
      client_secret: config.clientSecret,
    });
    const response = await withRetries("auth", () =>
      exchange({
        method: "POST",
        url: `${baseUrl}/v2/auth/token`,
        headers: { ...commonHeaders, "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
        kind: "auth",
        timeoutMs,
      }),
    );
    const body = asRecord(response.body);
    if (response.status >= 300) throw personioErrorFromResponse({ ...responseParts(response), kind: "auth" });
    const token = typeof body.access_token === "string" ? body.access_token : "";
    if (!token) throw new PersonioError("unexpected", `${defaultPersonioMessage("unexpected")} (auth without a token)`);
    return tokenWithExpiry(token, body.expires_in, body.scope);
  }

  /**
   * Ends the v2 token on Personio's side (`POST /v2/auth/revoke`) wherever Handoff holds it: this
   * process's cache and, on PostgreSQL, the store all processes share (another process may have
   * obtained it); both then forget it. v1 has no revocation.
   */
  async function revokeToken(): Promise<void> {
    if (apiVersion !== "v2") return;
    const cached = peekPersonioToken(cacheKey)?.token;
    const stored = await config.sharedLimits?.storedToken(cacheKey);
    clearPersonioTokenCache(cacheKey);
    await config.sharedLimits?.clearTokens();
    const tokens = [...new Set([cached, stored].filter((token): token is string => Boolean(token)))];
    const failures: unknown[] = [];
    for (const token of tokens) {
      try {
        await revokeOne(token);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length) throw failures[0];
  }

  async function revokeOne(token: string): Promise<void> {
    const response = await sendPersonioRequest({
      method: "POST",
      url: `${baseUrl}/v2/auth/revoke`,
      headers: {
        ...commonHeaders,
        authorization: `Bearer ${token}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ token }).toString(),
      kind: "auth",
      timeoutMs,
    });
    if (response.status >= 300) throw personioErrorFromResponse({ ...responseParts(response), kind: "auth" });
  }

  async function requestV1Token(): Promise<CachedToken> {
    // Credentials go in the JSON body: Personio rejects query-string credentials (403) after 2026.
    const response = await withRetries("auth", () =>
      exchange({
        method: "POST",
        url: `${baseUrl}/v1/auth`,
        headers: { ...commonHeaders, "content-type": "application/json" },
        body: JSON.stringify({ client_id: config.clientId, client_secret: config.clientSecret }),
        kind: "auth",
        timeoutMs,
      }),
    );
    const body = asRecord(response.body);
    if (response.status >= 300 || body.success === false) {
      throw personioErrorFromResponse({ ...responseParts(response), kind: "auth" });
    }
    const data = asRecord(body.data);
    const token = typeof data.token === "string" && data.token ? data.token : bearer(response.headers);
    if (!token) throw new PersonioError("unexpected", `${defaultPersonioMessage("unexpected")} (auth without a token)`);
    return tokenWithExpiry(token, data.expires_in, data.scope);
  }

  const shared = config.sharedLimits;
  // This process's cache first; behind it, with shared limits, the token all processes use.
  const obtainToken = (fresh = false) =>
    getPersonioToken(cacheKey, shared ? () => shared.token(cacheKey, requestToken, { fresh }) : requestToken, {
      fresh,
    });

  async function authenticate(fresh: boolean): Promise<{ scopes: string[] }> {
    const token = await obtainToken(fresh);
    return { scopes: token.scopes };
  }

  function send(kind: "read" | "write", method: HttpMethod, path: string, options: CallOptions, token: string) {
    const url = new URL(`${baseUrl}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
    for (const [name, values] of Object.entries(options.arrayQuery ?? {}))
      for (const value of values) url.searchParams.append(name, value);
    const headers: Record<string, string> = { ...commonHeaders, authorization: `Bearer ${token}` };
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.form) {
      body = options.form;
    }
    const request = () => exchange({ method, url: url.toString(), headers, body, kind, timeoutMs });
    const throttled = () => (shared ? shared.throttleRead(cacheKey, request) : throttleEmployeeRead(cacheKey, request));
    // The employee list (v1) and the persons list (v2) share one read budget: Personio publishes
    // no v2 limit, so v2 reads are kept inside v1's.
    const isEmployeeList = (path === "/v1/company/employees" || path === "/v2/persons") && method === "GET";
    const attempt = isEmployeeList ? throttled : request;
    return kind === "read" ? withRetries("read", attempt) : attempt();
  }

  /** A call with the cached token; on 401/403 the token is renewed once and the call repeated once. */
  async function call(kind: "read" | "write", method: HttpMethod, path: string, options: CallOptions = {}) {
    let token = await obtainToken();
    let response = await send(kind, method, path, options, token.token);
    if (
      isAuthFailure(response) &&
      !looksLikePermissionError(response.body) &&
      !looksLikeDisabledCredentials(response.body)
    ) {
      // Safe for writes too: Personio rejected the token before doing anything.
      invalidatePersonioToken(cacheKey, token.token);
      await shared?.dropToken(cacheKey, token.token);
      token = await obtainToken();
      response = await send(kind, method, path, options, token.token);
      if (isAuthFailure(response)) {
        throw personioErrorFromResponse({ ...responseParts(response), kind });
      }
    }
    const rotated = bearer(response.headers);
    if (rotated && rotated !== token.token) {
      replacePersonioToken(cacheKey, token.token, rotated);
      await shared?.replaceToken(cacheKey, token.token, rotated);
    }
    if (options.notFoundIsEmpty && response.status === 404) return null;
    if (response.status >= 300 || asRecord(response.body).success === false) {
      throw personioErrorFromResponse({ ...responseParts(response), kind });
    }
    return response;
  }

  /** Keeps the secret and tokens out of every error message, whatever Personio echoed back. */
  async function guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!isPersonioError(error)) {
        throw new PersonioError("unexpected", defaultPersonioMessage("unexpected"), { cause: error });
      }
      error.message = redact(error.message, [config.clientSecret]);
      throw error;
    }
  }

  return { apiVersion, authenticate, call, guard, revokeToken };
}

type HttpMethod = "GET" | "POST" | "PATCH";

// Renew a little early so a token never expires between the check and the request.
function tokenWithExpiry(token: string, expiresIn: unknown, scope: unknown): CachedToken {
  const seconds = Number(expiresIn) > 0 ? Number(expiresIn) : DEFAULT_TOKEN_SECONDS;
  const margin = Math.min(300, seconds / 10);
  const scopes = typeof scope === "string" ? scope.split(/[\s,]+/).filter(Boolean) : [];
  return { token, scopes, expiresAt: Date.now() + (seconds - margin) * 1000 };
}

function isAuthFailure(response: PersonioHttpResponse): boolean {
  return response.status === 401 || response.status === 403;
}

function responseParts(response: PersonioHttpResponse) {
  return { status: response.status, body: response.body, retryAfter: response.headers.get("retry-after") };
}

function bearer(headers: PersonioResponseHeaders): string | undefined {
  const value = headers
    .get("authorization")
    ?.replace(/^bearer\s+/i, "")
    .trim();
  return value || undefined;
}

function redact(message: string, secrets: string[]): string {
  let result = message.replace(/papi-[\w-]+/g, "[redacted]").replace(/Bearer\s+\S+/gi, "Bearer [redacted]");
  for (const secret of secrets) if (secret.length >= 4) result = result.split(secret).join("[redacted]");
  return result;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
