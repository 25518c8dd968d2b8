// Personio's rate-limit headers are unverified (personio-api-notes.md, rate limits: only "retry
// with a delay of at least 1 second" is official, and v2 publishes no limits). So every common
// form is read: `X-RateLimit-Limit/-Remaining/-Reset`, the IETF draft's separate
// `RateLimit-Limit/-Remaining/-Reset`, its draft-7 combined `RateLimit: limit=…, remaining=…, reset=…`
// and its later structured form `RateLimit: "policy";r=…;t=…` (with `RateLimit-Policy: "policy";q=…;w=…`).
// No well-kept parser covers these (the npm ones are 0.1.0 releases with few users); this is small.

import type { PersonioResponseHeaders } from "./transport";

/** What one budget says: how many calls remain, and when (ms since the epoch) it fills again. */
export type RateLimitBudget = { limit?: number; remaining: number; resetAt: number };

// Above this a reset is an epoch time, not a delta: no window lasts 30 years.
const EPOCH_SECONDS_FROM = 1_000_000_000;
const EPOCH_MS_FROM = 1_000_000_000_000;

/** A reset value as ms since the epoch: delta seconds, epoch seconds (GitHub) or epoch ms. */
function resetAtFrom(value: number, now: number): number {
  if (value >= EPOCH_MS_FROM) return value;
  if (value >= EPOCH_SECONDS_FROM) return value * 1000;
  return now + value * 1000;
}

function numberOf(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  const number = Number(value.trim());
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

/** The first figure of a header that may repeat (`100, 100;w=60` in early drafts). */
function firstNumber(value: string | null): number | undefined {
  return numberOf(value?.split(/[,;]/)[0]);
}

function separateHeaders(headers: PersonioResponseHeaders, prefix: string, now: number): RateLimitBudget | undefined {
  const remaining = firstNumber(headers.get(`${prefix}-remaining`));
  const reset = firstNumber(headers.get(`${prefix}-reset`));
  if (remaining === undefined || reset === undefined) return undefined;
  return { limit: firstNumber(headers.get(`${prefix}-limit`)), remaining, resetAt: resetAtFrom(reset, now) };
}

/** `name;key=value;key=value` members of a comma-separated list, names unquoted. */
function listMembers(value: string): Array<{ name: string; params: Map<string, string> }> {
  return value
    .split(",")
    .map((member) => member.trim())
    .filter(Boolean)
    .map((member) => {
      const [name = "", ...params] = member.split(";").map((part) => part.trim());
      const entries = params.map((param) => {
        const at = param.indexOf("=");
        return [
          param.slice(0, at).trim().toLowerCase(),
          param
            .slice(at + 1)
            .trim()
            .replace(/^"|"$/g, ""),
        ] as const;
      });
      return { name: name.replace(/^"|"$/g, ""), params: new Map(entries.filter(([key]) => key)) };
    });
}

function combinedHeader(headers: PersonioResponseHeaders, now: number): RateLimitBudget[] {
  const value = headers.get("ratelimit");
  if (!value) return [];
  // Draft 7: `limit=100, remaining=0, reset=30`, one budget spread over the list.
  if (/(^|[\s,])remaining\s*=/i.test(value)) {
    const fields = new Map(
      value.split(",").map((part) => {
        const [key = "", figure = ""] = part.split("=");
        return [key.trim().toLowerCase(), figure.trim()] as const;
      }),
    );
    const remaining = numberOf(fields.get("remaining"));
    const reset = numberOf(fields.get("reset"));
    if (remaining === undefined || reset === undefined) return [];
    return [{ limit: numberOf(fields.get("limit")), remaining, resetAt: now + reset * 1000 }];
  }
  // Later drafts: one member per policy, `"name";r=remaining;t=seconds to reset`; the quota in RateLimit-Policy.
  const quotas = new Map(
    listMembers(headers.get("ratelimit-policy") ?? "").map(({ name, params }) => [name, numberOf(params.get("q"))]),
  );
  return listMembers(value).flatMap(({ name, params }) => {
    const remaining = numberOf(params.get("r"));
    if (remaining === undefined) return [];
    const reset = numberOf(params.get("t"));
    // Without t the draft says nothing about the reset; a second is the official minimum wait.
    return [{ limit: quotas.get(name), remaining, resetAt: now + (reset ?? 1) * 1000 }];
  });
}

/** Every budget the answer describes, in whichever of the known forms it came. */
export function readRateLimitBudgets(headers: PersonioResponseHeaders, now = Date.now()): RateLimitBudget[] {
  return [
    separateHeaders(headers, "x-ratelimit", now),
    separateHeaders(headers, "ratelimit", now),
    ...combinedHeader(headers, now),
  ].filter((budget): budget is RateLimitBudget => budget !== undefined);
}

/** When an exhausted budget fills again (ms since the epoch), or undefined while calls remain. */
export function exhaustedUntil(headers: PersonioResponseHeaders, now = Date.now()): number | undefined {
  const resets = readRateLimitBudgets(headers, now)
    .filter((budget) => budget.remaining <= 0 && budget.resetAt > now)
    .map((budget) => budget.resetAt);
  return resets.length ? Math.max(...resets) : undefined;
}
