// When Personio says a budget is used up (a 429's Retry-After, or rate-limit headers with none
// remaining), further calls of that kind wait for its reset instead of collecting 429s. Per
// process and per credential, like the token cache and the read budget (read-throttle.ts);
// kept on globalThis across dev reloads.

/** Which kind of call a budget or a 429 concerns: the health view names it. */
export type RateLimitedCallKind = "auth" | "employee_read" | "employee_write" | "other_read" | "other_write";

export function rateLimitedCallKind(method: string, path: string): RateLimitedCallKind {
  if (/^\/v[12]\/auth(\/|$)/.test(path)) return "auth";
  const isEmployee = /^\/v1\/company\/employees(\/|$)|^\/v2\/(persons|employments)(\/|$)/.test(path);
  const isRead = method === "GET";
  if (isEmployee) return isRead ? "employee_read" : "employee_write";
  return isRead ? "other_read" : "other_write";
}

const globalForHolds = globalThis as unknown as { personioRateLimitHolds?: Map<string, number> };
const holds = (globalForHolds.personioRateLimitHolds ??= new Map());

const holdKey = (credentialKey: string, kind: RateLimitedCallKind) => `${credentialKey}\n${kind}`;

/** Calls of this kind wait until `until` (ms since the epoch); a later hold extends an earlier one. */
export function holdCalls(credentialKey: string, kind: RateLimitedCallKind, until: number): void {
  const key = holdKey(credentialKey, kind);
  if ((holds.get(key) ?? 0) < until) holds.set(key, until);
}

/** How long a call of this kind must still wait, in ms (0: it may go now). */
export function heldFor(credentialKey: string, kind: RateLimitedCallKind, now = Date.now()): number {
  const key = holdKey(credentialKey, kind);
  const until = holds.get(key) ?? 0;
  if (until <= now) {
    holds.delete(key);
    return 0;
  }
  return until - now;
}

/** Forgets every hold (tests; a changed credential has another key anyway). */
export function clearRateLimitHolds(): void {
  holds.clear();
}
