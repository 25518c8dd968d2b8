import type { SandboxState } from "./state";

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
