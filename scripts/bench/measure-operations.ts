// What running it as a service costs and gains (bench/README.md, sections 7 and 8):
// 7. the access log's line per request, on the candidate list: the same build started twice,
//    LOG_REQUESTS on and off, both serving at once and sampled in turns so machine noise falls
//    on both alike;
// 8. a burst of sends over three app processes on one PostgreSQL database against one process:
//    throughput, and the sandbox's ledger (arrivals of employee reads, tokens, 429s).
import type { SandboxAdmin } from "@/scripts/personio-sandbox/admin-client";
import type { PersonioSandbox } from "@/scripts/personio-sandbox/server";

import type { RunningApp } from "./app-server";
import { timedGet, type Session } from "./http-session";
import { peakInWindow } from "./measure-burst";
import { sendOnce, type SendContext } from "./measure-send";
import { replaceSection } from "./report";
import { formatSpread, percentile, spread, type Spread } from "./stats";

type Mode = "on" | "off" | "control";
const MODES: Mode[] = ["on", "off", "control"];

export type RequestLogResult = {
  path: string;
  samples: number;
  /** With the line, without it, and a second process without it: the noise between two processes. */
  on: { p50: Spread; p95: Spread };
  off: { p50: Spread; p95: Spread };
  control: { p50: Spread; p95: Spread };
  /** Median-run figure with the line ÷ without it, and control ÷ without (what noise alone gives). */
  ratioP50: number;
  ratioP95: number;
  controlRatioP50: number;
  controlRatioP95: number;
};

export async function measureRequestLog(
  apps: Record<Mode, RunningApp>,
  sessions: Record<Mode, Session>,
  options: { path: string; runs: number; samples: number; warmup: number },
): Promise<RequestLogResult> {
  for (const mode of MODES)
    for (let index = 0; index < options.warmup; index += 1) await get(apps[mode], options.path, sessions[mode]);
  const perRun = Object.fromEntries(
    MODES.map((mode) => [mode, { p50: [] as number[], p95: [] as number[] }]),
  ) as Record<Mode, { p50: number[]; p95: number[] }>;
  for (let run = 0; run < options.runs; run += 1) {
    const times = Object.fromEntries(MODES.map((mode) => [mode, [] as number[]])) as Record<Mode, number[]>;
    for (let sample = 0; sample < options.samples; sample += 1) {
      // Rotating which goes first, so none always follows another's garbage.
      const order = MODES.map((_, index) => MODES[(index + sample) % MODES.length]!);
      for (const mode of order) times[mode].push(await get(apps[mode], options.path, sessions[mode]));
    }
    for (const mode of MODES) {
      perRun[mode].p50.push(percentile(times[mode], 50));
      perRun[mode].p95.push(percentile(times[mode], 95));
    }
  }
  const figures = (mode: Mode) => ({ p50: spread(perRun[mode].p50), p95: spread(perRun[mode].p95) });
  const on = figures("on");
  const off = figures("off");
  const control = figures("control");
  return {
    path: options.path,
    samples: options.samples,
    on,
    off,
    control,
    ratioP50: on.p50.median / off.p50.median,
    ratioP95: on.p95.median / off.p95.median,
    controlRatioP50: control.p50.median / off.p50.median,
    controlRatioP95: control.p95.median / off.p95.median,
  };
}

async function get(app: RunningApp, path: string, session: Session): Promise<number> {
  const response = await timedGet(app.url, path, session);
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return response.ms;
}

export type InstancesBurst = {
  instances: number;
  sends: number;
  wallMs: number;
  throughputPerSecond: number;
  p95Ms: number;
  outcomes: Record<string, number>;
  authCalls: number;
  reads: number;
  /** Every employee read that arrived at the sandbox (accepted or not), in any one second / minute. */
  peakReadsPerSecond: number;
  peakReadsPerMinute: number;
  rateLimited429: number;
  distinctBearerTokens: number;
};

/** `sends` sends by every session at once, each session on its own app (sessions[i] on contexts[i]). */
export async function runInstancesBurst(
  contexts: SendContext[],
  sandbox: PersonioSandbox,
  admin: SandboxAdmin,
  options: { sends: number; instances: number },
): Promise<InstancesBurst> {
  await admin.clearFaults();
  await admin.setRateLimits({}); // empty windows: this burst starts a new minute
  await admin.clearRequests();
  sandbox.state.counters.clear();
  const durations: number[] = [];
  const outcomes: Record<string, number> = {};
  let remaining = options.sends;
  const start = performance.now();
  await Promise.all(
    contexts.map(async (context) => {
      while (remaining > 0) {
        remaining -= 1;
        const send = await sendOnce(context);
        durations.push(send.resultMs);
        outcomes[send.outcome] = (outcomes[send.outcome] ?? 0) + 1;
      }
    }),
  );
  const wallMs = performance.now() - start;
  const requests = sandbox.state.requests;
  const reads = requests.filter((request) => request.endpoint === "GET /v1/company/employees").map((r) => r.at);
  const tokens = new Set(
    requests.filter((request) => request.endpoint !== "POST /v1/auth").map((r) => r.headers.authorization ?? ""),
  );
  return {
    instances: options.instances,
    sends: durations.length,
    wallMs,
    throughputPerSecond: (durations.length / wallMs) * 1000,
    p95Ms: percentile(durations, 95),
    outcomes,
    authCalls: sandbox.state.counters.get("POST /v1/auth") ?? 0,
    reads: reads.length,
    peakReadsPerSecond: peakInWindow(reads, 1_000),
    peakReadsPerMinute: peakInWindow(reads, 60_000),
    rateLimited429: requests.filter((request) => request.status === 429).length,
    distinctBearerTokens: tokens.size,
  };
}

const LOG_HEADING = "## 7. The access log's cost";
const INSTANCES_HEADING = "## 8. Several instances on PostgreSQL: a burst of sends";

const ms = (value: Spread) => formatSpread(value, 1, " ms");
const load = (before: number[], after: number[]) =>
  `load average ${before.map((n) => n.toFixed(2)).join(" / ")} before, ${after.map((n) => n.toFixed(2)).join(" / ")} after`;

export function writeRequestLogSection(result: RequestLogResult, runs: number, machineLoad: [number[], number[]]) {
  replaceSection(LOG_HEADING, [
    LOG_HEADING,
    "",
    `\`GET ${result.path}\` (the candidate list, 1k candidates) on three \`next start\` processes of the same build, one with \`LOG_REQUESTS=true\` (the default: one JSON line per request on standard output, read through a pipe) and two with \`LOG_REQUESTS=false\` (the second, "control", shows how far two processes differ with no change at all), sampled in turns: ${result.samples} samples each per run, ${runs} runs; ${load(...machineLoad)} (a shared machine).`,
    "",
    "| Access log | p50 | p95 |",
    "|---|---|---|",
    `| on | ${ms(result.on.p50)} | ${ms(result.on.p95)} |`,
    `| off | ${ms(result.off.p50)} | ${ms(result.off.p95)} |`,
    `| off, control | ${ms(result.control.p50)} | ${ms(result.control.p95)} |`,
    `| on ÷ off | ${result.ratioP50.toFixed(3)} | ${result.ratioP95.toFixed(3)} |`,
    `| control ÷ off (noise) | ${result.controlRatioP50.toFixed(3)} | ${result.controlRatioP95.toFixed(3)} |`,
    "",
  ]);
}

export function writeInstancesSection(bursts: InstancesBurst[], machineLoad: [number[], number[]]) {
  const row = (burst: InstancesBurst) =>
    `| ${burst.instances} | ${burst.throughputPerSecond.toFixed(2)}/s | ${(burst.wallMs / 1000).toFixed(1)} s | ${burst.p95Ms.toFixed(0)} ms | ${burst.peakReadsPerSecond} | ${burst.peakReadsPerMinute} | ${burst.distinctBearerTokens} | ${burst.authCalls} | ${burst.rateLimited429} | ${Object.entries(
      burst.outcomes,
    )
      .map(([outcome, count]) => `${outcome} ${count}`)
      .join(", ")} |`;
  const one = bursts.filter((burst) => burst.instances === 1);
  const three = bursts.filter((burst) => burst.instances === 3);
  // Run by run (each run bursts over one process, then over three), so a busier moment of the
  // machine shows as one run's ratio rather than hiding in a median of two.
  const ratios = three.map((burst, run) => burst.throughputPerSecond / (one[run]?.throughputPerSecond ?? NaN));
  replaceSection(INSTANCES_HEADING, [
    INSTANCES_HEADING,
    "",
    `${bursts[0]?.sends ?? 0} different candidates sent at once by 20 recruiters, spread over the app processes (\`next start\`, one PostgreSQL database, the Personio sandbox at its default limits). The processes share Personio's token and read budget through the database (lib/personio/shared-limits.ts). Reads: every \`GET /v1/company/employees\` that arrived at the sandbox, in any one second / minute; ${load(...machineLoad)} (a shared machine).`,
    "",
    "| Processes | Throughput | Wall time | p95 per send | Peak reads / s | Peak reads / min | Tokens | Auth calls | 429s | Outcomes |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...bursts.map(row),
    "",
    ratios.length > 0
      ? `Throughput of three processes ÷ one, run by run: ${ratios.map((ratio) => `${ratio.toFixed(2)}×`).join(", ")}. Personio's read budget (10 reads a second, for all processes together) bounds both.`
      : "",
    "",
  ]);
}
