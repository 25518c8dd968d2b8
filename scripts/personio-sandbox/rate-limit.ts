import type { RateLimitHeaderStyle, SandboxState } from "./state";

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Window = { bucket: string; limit: number; windowMs: number; cooldownMs?: number };

/** Which documented limits an endpoint counts against (notes §3.3). */
function windowsFor(state: SandboxState, endpoint: string): Window[] {
  const { limits } = state;
  const windows: Window[] = [];
  if (endpoint.includes(" /v1/")) windows.push({ bucket: "global", limit: limits.global.perMinute, windowMs: 60_000 });
  if (endpoint === "POST /v1/auth") {
    windows.push({
      bucket: "auth",
      limit: limits.auth.perMinute,
      windowMs: 60_000,
      cooldownMs: limits.auth.cooldownSeconds * 1000,
    });
  }
  if (endpoint === "POST /v2/auth/token") {
    windows.push({
      bucket: "v2-token",
      limit: limits.v2Token.perMinute,
      windowMs: 60_000,
      cooldownMs: limits.v2Token.cooldownSeconds * 1000,
    });
  }
  if (endpoint.startsWith("GET /v1/company/employees")) {
    windows.push({ bucket: "employees-get", limit: limits.employeesGet.perMinute, windowMs: 60_000 });
    windows.push({ bucket: "employees-burst", limit: limits.employeesGet.perSecond, windowMs: 1_000 });
  }
  if (endpoint === "POST /v1/company/documents") {
    windows.push({ bucket: "documents", limit: limits.documents.perMinute, windowMs: 60_000 });
  }
  return windows;
}

/** Sliding windows per bucket; exceeding auth's limit locks it for the whole cool-down. */
export function checkRateLimit(state: SandboxState, endpoint: string, now = Date.now()): RateDecision {
  const windows = windowsFor(state, endpoint);
  for (const window of windows) {
    const locked = state.lockedUntil.get(window.bucket) ?? 0;
    if (locked > now) return { allowed: false, retryAfterSeconds: Math.ceil((locked - now) / 1000) };
  }
  for (const window of windows) {
    const hits = (state.hits.get(window.bucket) ?? []).filter((time) => time > now - window.windowMs);
    state.hits.set(window.bucket, hits);
    if (hits.length >= window.limit) {
      if (window.cooldownMs) {
        state.lockedUntil.set(window.bucket, now + window.cooldownMs);
        return { allowed: false, retryAfterSeconds: Math.ceil(window.cooldownMs / 1000) };
      }
      const oldest = hits[0] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + window.windowMs - now) / 1000)) };
    }
  }
  for (const window of windows) state.hits.get(window.bucket)?.push(now);
  return { allowed: true };
}

/**
 * The tightest budget this endpoint counts against, as rate-limit headers in the chosen style:
 * `X-RateLimit-Limit/-Remaining/-Reset` (reset in seconds), or the IETF draft's
 * `RateLimit: "name";r=…;t=…` with `RateLimit-Policy: "name";q=…;w=…`. Read after the request was
 * counted, so "remaining" is what is left for the next one.
 */
export function rateLimitHeaders(
  state: SandboxState,
  endpoint: string,
  style: RateLimitHeaderStyle,
  now = Date.now(),
): Record<string, string> {
  if (style === "off") return {};
  const budgets = windowsFor(state, endpoint).map((window) => {
    const hits = (state.hits.get(window.bucket) ?? []).filter((time) => time > now - window.windowMs);
    const lockedUntil = state.lockedUntil.get(window.bucket) ?? 0;
    const locked = lockedUntil > now;
    const remaining = locked ? 0 : Math.max(0, window.limit - hits.length);
    const resetMs = locked ? lockedUntil - now : hits.length ? hits[0]! + window.windowMs - now : window.windowMs;
    return { window, remaining, resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)) };
  });
  const tightest = budgets.sort((a, b) => a.remaining - b.remaining)[0];
  if (!tightest) return {};
  const { window, remaining, resetSeconds } = tightest;
  if (style === "x-ratelimit") {
    return {
      "x-ratelimit-limit": String(window.limit),
      "x-ratelimit-remaining": String(remaining),
      "x-ratelimit-reset": String(resetSeconds),
    };
  }
  return {
    ratelimit: `"${window.bucket}";r=${remaining};t=${resetSeconds}`,
    "ratelimit-policy": `"${window.bucket}";q=${window.limit};w=${Math.round(window.windowMs / 1000)}`,
  };
}
