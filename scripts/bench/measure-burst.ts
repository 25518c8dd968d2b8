// 3. A burst: 100 different candidates sent by 20 recruiters at once (each sends 5, one after
// the other). Evidence that Personio's limits and the one cached token held is read from the
// sandbox: its counters, its request log (status codes, bearer tokens) and its own rate-limit
// ledger of accepted calls.
import type { SandboxAdmin } from "@/scripts/personio-sandbox/admin-client";
import type { PersonioSandbox } from "@/scripts/personio-sandbox/server";

import type { Session } from "./http-session";
import { sendOnce, type SendContext } from "./measure-send";
import { percentile } from "./stats";

export type BurstRun = {
  sends: number;
  wallMs: number;
  throughputPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  outcomes: Record<string, number>;
  calls: { auth: number; lookup: number; create: number };
  rateLimited429: number;
  distinctBearerTokens: number;
  /** Most employee reads the sandbox accepted within any one second / minute of the burst. */
  peakReadsPerSecond: number;
  peakReadsPerMinute: number;
  employeesCreated: number;
};

// The sandbox's sliding-window ledger holds the arrival times of the calls it accepted.
export function peakInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= windowMs) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

export async function runBurst(
  context: SendContext,
  sandbox: PersonioSandbox,
  admin: SandboxAdmin,
  sessions: Session[],
  options: { sends: number },
): Promise<BurstRun> {
  await admin.clearFaults();
  await admin.setRateLimits({}); // empty windows: this burst starts a new minute
  await admin.clearRequests();
  const employeesBefore = (await admin.employees()).length;
  const before = await admin.counters();

  const durations: number[] = [];
  const outcomes: Record<string, number> = {};
  let remaining = options.sends;
  const start = performance.now();
  await Promise.all(
    sessions.map(async (session) => {
      while (remaining > 0) {
        remaining -= 1;
        const send = await sendOnce(context, session);
        durations.push(send.resultMs);
        outcomes[send.outcome] = (outcomes[send.outcome] ?? 0) + 1;
      }
    }),
  );
  const wallMs = performance.now() - start;

  const after = await admin.counters();
  const requests = await admin.requests();
  const reads = sandbox.state.hits.get("employees-get") ?? [];
  const tokens = new Set(
    requests
      .filter((request) => request.endpoint !== "POST /v1/auth")
      .map((request) => request.headers.authorization ?? ""),
  );
  const delta = (key: string) =>
    ((after as Record<string, number>)[key] ?? 0) - ((before as Record<string, number>)[key] ?? 0);
  return {
    sends: durations.length,
    wallMs,
    throughputPerSecond: (durations.length / wallMs) * 1000,
    p50Ms: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
    outcomes,
    calls: {
      auth: delta("POST /v1/auth"),
      lookup: delta("GET /v1/company/employees"),
      create: delta("POST /v1/company/employees"),
    },
    rateLimited429: requests.filter((request) => request.status === 429).length,
    distinctBearerTokens: tokens.size,
    peakReadsPerSecond: peakInWindow(reads, 1_000),
    peakReadsPerMinute: peakInWindow(reads, 60_000),
    employeesCreated: (await admin.employees()).length - employeesBefore,
  };
}
