import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";

import type { RecordedExchange } from "@/scripts/personio-sandbox/state";

import { createTestCandidate, createTestUser, expect, signInRequest, test } from "../fixtures";
import { startAppCluster } from "../harness/app-cluster";
import { callSendToPersonio } from "../server-actions";
import { testDatabaseServerUrl } from "../support/test-database";

// Personio counts its limits per credential, whichever process calls: 15 employee reads in any
// second, 300 a minute, 60 auth calls a minute. On PostgreSQL, several app processes share the
// database and, through it, one token and one read budget (lib/personio/shared-limits.ts); on
// SQLite there is one process, whose in-process budget does the same. A burst of 100 sends over
// all of them must stay within the limits as the sandbox counts arrivals, with one token, and
// every recruiter must see "sent".

const SENDS = 100;
const RECRUITERS = 10;

/** The most requests that arrived within any one second (a sliding window, as Personio counts). */
function peakPerSecond(exchanges: RecordedExchange[]): number {
  const times = exchanges.map((exchange) => exchange.at).sort((a, b) => a - b);
  let peak = 0;
  for (let first = 0, last = 0; last < times.length; last += 1) {
    while (times[last]! - times[first]! >= 1000) first += 1;
    peak = Math.max(peak, last - first + 1);
  }
  return peak;
}

test("100 sends at once over every app process: at most 15 reads a second, one token, no 429 for anyone", async () => {
  const instances = testDatabaseServerUrl() ? 3 : 1;
  test.setTimeout(180_000); // up to three production servers start before the burst
  const cluster = await startAppCluster({ name: "reliability-shared-limits", instances });
  const contexts: APIRequestContext[] = [];
  try {
    for (let index = 0; index < RECRUITERS; index += 1) {
      const recruiter = await createTestUser("recruiter", { client: cluster.db });
      // Each recruiter on every instance, as behind a load balancer.
      for (const app of cluster.apps) {
        const context = await playwrightRequest.newContext({ baseURL: app.url });
        await signInRequest(context, recruiter);
        contexts.push(context);
      }
    }
    const candidates = await Promise.all(Array.from({ length: SENDS }, () => createTestCandidate({}, cluster.db)));
    const { state } = cluster.sandbox;
    state.counters.clear();
    state.requests.length = 0;

    const started = Date.now();
    const results = await Promise.all(
      candidates.map((candidate, index) =>
        callSendToPersonio(contexts[index % contexts.length]!, candidate).then(
          (result) => result.data?.outcome ?? "error",
        ),
      ),
    );
    const seconds = (Date.now() - started) / 1000;

    const reads = state.requests.filter((exchange) => exchange.endpoint === "GET /v1/company/employees");
    const tokens = new Set(
      state.requests.map((exchange) => exchange.headers.authorization).filter((value) => value !== undefined),
    );
    const refused = state.requests.filter((exchange) => exchange.status === 429).length;
    const authCalls = state.counters.get("POST /v1/auth") ?? 0;
    console.log(
      `${SENDS} sends over ${instances} app process(es) in ${seconds.toFixed(1)} s: ${reads.length} reads, ` +
        `peak ${peakPerSecond(reads)} reads in a second, ${tokens.size} token(s), ${authCalls} auth call(s), ${refused} 429s`,
    );

    expect(results).toEqual(Array(SENDS).fill("sent"));
    expect(reads.length).toBeGreaterThanOrEqual(SENDS);
    expect(peakPerSecond(reads)).toBeLessThanOrEqual(15);
    expect(refused).toBe(0);
    expect(authCalls).toBe(1);
    expect(tokens.size).toBe(1);
    const emails = new Set(candidates.map((candidate) => candidate.email));
    expect([...state.employees.values()].filter((employee) => emails.has(employee.email))).toHaveLength(SENDS);
  } finally {
    await Promise.all(contexts.map((context) => context.dispose()));
    await cluster.stop();
  }
});
