import "server-only";

import pThrottle from "p-throttle";

// Personio allows GET /v1/company/employees 300 times a minute with bursts of 15 a second.
// Spacing our own calls keeps a burst of sends inside those limits instead of collecting 429s.
// Evenly spaced, with headroom: requests released at the limit's edge can arrive bunched
// (event-loop delays), and Personio counts arrivals. Found by the 30-sends reliability test; at
// 80 ms, the 100-sends test on a loaded machine (load 10 on 2 cores) still saw 16 arrivals in
// one second: 100 ms lets a timer fire 400 ms late before 15 can bunch into a second.
// Per process and per credential, like the token cache; kept on globalThis across dev reloads.
// On PostgreSQL the app's processes share one budget in the database instead (shared-limits.ts).
const MIN_SPACING_MS = 100; // at most 10 a second
const PER_MINUTE = 280;

type Run = (task: () => Promise<unknown>) => Promise<unknown>;
const globalForThrottle = globalThis as unknown as { personioEmployeeReadThrottles?: Map<string, Run> };
const throttles = (globalForThrottle.personioEmployeeReadThrottles ??= new Map());

export function throttleEmployeeRead<T>(key: string, task: () => Promise<T>): Promise<T> {
  let run = throttles.get(key);
  if (!run) {
    const perMinute = pThrottle({ limit: PER_MINUTE, interval: 60_000, strict: true })(
      (inner: () => Promise<unknown>) => inner(),
    );
    const perSecond = pThrottle({ limit: 1, interval: MIN_SPACING_MS })((inner: () => Promise<unknown>) =>
      perMinute(inner),
    );
    run = (inner: () => Promise<unknown>) => perSecond(inner);
    throttles.set(key, run);
  }
  return run(task) as Promise<T>;
}
