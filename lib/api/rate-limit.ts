import "server-only";

import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// Requests per API key per minute, the limit set on each key. Counters live in this process:
// with several app instances a key gets its limit per instance.
const WINDOW_SECONDS = 60;

const globalForLimits = globalThis as unknown as { apiKeyLimiters?: Map<number, RateLimiterMemory> };
const limiters = (globalForLimits.apiKeyLimiters ??= new Map());

function limiterFor(points: number) {
  let limiter = limiters.get(points);
  if (!limiter) {
    limiter = new RateLimiterMemory({ keyPrefix: `api-key-${points}`, points, duration: WINDOW_SECONDS });
    limiters.set(points, limiter);
  }
  return limiter;
}

export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

export async function consumeApiKeyRequest(apiKeyId: string, limit: number): Promise<RateLimitResult> {
  try {
    const res = await limiterFor(limit).consume(apiKeyId);
    return { allowed: true, limit, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { allowed: false, limit, remaining: 0, resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
  }
}
