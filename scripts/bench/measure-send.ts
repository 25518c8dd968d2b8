// 1. Send latency against Personio's round trip. With API v1 a send must make two Personio round
// trips (the lookup by email, then the create) once the token is cached; with v2 one (the create:
// v2 keeps emails unique, so the lookup follows only a conflict). The bench makes the same calls
// itself, from this process, with a token of its own credential, right next to each send: that is
// the floor. Overhead = send time − floor, per pair.
import type { SandboxAdmin } from "@/scripts/personio-sandbox/admin-client";

import type { RunningApp } from "./app-server";
import { callAction, type Session } from "./http-session";
import { percentile, spread, type Spread } from "./stats";

export type SendContext = {
  app: RunningApp;
  /** getHandoffStatusAction: an authorized action that reads one row, the framework's own cost. */
  statusActionId: string;
  admin: SandboxAdmin;
  sandboxUrl: string;
  session: Session;
  actionId: string;
  /** Hands out candidates never sent before. */
  nextCandidate: () => string;
};

export type BenchApiVersion = "v1" | "v2";

// The sandbox's endpoint keys for the calls a first send makes, per API version.
const ENDPOINTS = {
  v1: { lookup: "GET /v1/company/employees", create: "POST /v1/company/employees", auth: "POST /v1/auth" },
  v2: { lookup: "GET /v2/persons", create: "POST /v2/persons", auth: "POST /v2/auth/token" },
} as const;

export type LatencyResult = {
  apiVersion?: BenchApiVersion;
  latencyMs: number;
  sendP50: Spread;
  sendP95: Spread;
  floorP50: Spread;
  floorP95: Spread;
  overheadP50: Spread;
  overheadP95: Spread;
  /** Until the whole action response had arrived (the result row comes first). */
  totalP95: Spread;
  /** The no-op action (see measureActionBaseline), called right after each send in the same loop. */
  noopP50: Spread;
  /** The no-op again after an idle pause as long as the floor, as the send's Personio wait idles the server. */
  idleNoopP50: Spread;
  /** Per send, inside the server: SQL statements, BEGIN/COMMIT pairs, and their time (median). */
  database: { statements: number; transactions: number; statementMs: number; transactionMs: number };
  /** Server CPU time (user + system, ms, median) for one send and for one no-op action. */
  cpu: { send: number; noop: number };
  callsPerSend: { lookup: number; create: number; auth: number; other: number };
  sends: number;
  outcomes: Record<string, number>;
};

type FloorToken = { token: string };

let emailCounter = 0;
const uniqueEmail = (prefix: string) => `${prefix}.${Date.now().toString(36)}${(emailCounter += 1)}@bench.example`;

/** A credential of the bench's own, so its token never disturbs the app's cached one. */
export async function createFloorToken(admin: SandboxAdmin, sandboxUrl: string): Promise<FloorToken> {
  const { credential, clientSecret } = await admin.createCredential({
    name: "Bench floor",
    integration: "Handoff bench",
    permissions: { employees: { read: true, write: true } },
  });
  const response = await fetch(`${sandboxUrl}/v1/auth`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ client_id: credential.clientId, client_secret: clientSecret }),
  });
  const body = (await response.json()) as { data?: { token?: string } };
  if (!body.data?.token) throw new Error("The bench could not get a sandbox token for the floor");
  return { token: body.data.token };
}

/** The round trips a send cannot avoid, timed from this process with a cached token. */
async function measureFloor(sandboxUrl: string, floor: FloorToken, apiVersion: BenchApiVersion): Promise<number> {
  const headers = {
    authorization: `Bearer ${floor.token}`,
    accept: "application/json",
    "x-personio-app-id": "HANDOFF_BENCH",
  };
  const email = uniqueEmail("floor");
  if (apiVersion === "v2") {
    const started = performance.now();
    const create = await fetch(`${sandboxUrl}/v2/persons`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({
        email,
        first_name: "Floor",
        last_name: "Bench",
        employments: [{ position: { title: "Benchmark" } }],
      }),
    });
    await create.text();
    const ms = performance.now() - started;
    if (create.status !== 201) throw new Error(`floor create answered ${create.status}`);
    return ms;
  }
  const start = performance.now();
  const lookup = await fetch(`${sandboxUrl}/v1/company/employees?email=${encodeURIComponent(email)}`, { headers });
  await lookup.text();
  const create = await fetch(`${sandboxUrl}/v1/company/employees`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ employee: { email, first_name: "Floor", last_name: "Bench", position: "Benchmark" } }),
  });
  await create.text();
  const ms = performance.now() - start;
  if (lookup.status !== 200 || create.status !== 200)
    throw new Error(`floor calls answered ${lookup.status}/${create.status}`);
  return ms;
}

export async function sendOnce(context: SendContext, session = context.session) {
  const candidateId = context.nextCandidate();
  const fields = {
    firstName: "Bench",
    lastName: `Send ${candidateId.slice(-6)}`,
    email: uniqueEmail("send"),
    position: "Benchmark",
  };
  const timing = await callAction(context.app.url, session, {
    actionId: context.actionId,
    path: `/candidates/${candidateId}`,
    input: { candidateId, fields },
  });
  const result = timing.result as { data?: { outcome?: string }; serverError?: { code?: string } } | undefined;
  // A refused or failed action is counted under its error code, so a broken run says why.
  const failure = result?.serverError ? `error-${result.serverError.code ?? "unknown"}` : `http-${timing.status}`;
  return { ...timing, outcome: result?.data?.outcome ?? failure };
}

function diffCounters(before: Record<string, number | undefined>, after: Record<string, number | undefined>) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const diff: Record<string, number> = {};
  for (const key of keys) diff[key] = (after[key] ?? 0) - (before[key] ?? 0);
  return diff;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureSendLatency(
  context: SendContext,
  floor: FloorToken,
  options: {
    latencies: number[];
    runs: number;
    sendsPerRun: number;
    onProgress: (message: string) => void;
    apiVersion?: BenchApiVersion;
  },
): Promise<LatencyResult[]> {
  const apiVersion = options.apiVersion ?? "v1";
  const endpoints = ENDPOINTS[apiVersion];
  const known: string[] = Object.values(endpoints);
  const results: LatencyResult[] = [];
  for (const latencyMs of options.latencies) {
    await context.admin.clearFaults();
    if (latencyMs > 0) await context.admin.addFault({ endpoint: "*", kind: "latency", latencyMs });
    // A new minute for Personio's rate limits (the same limits, their windows emptied): the
    // sends here are paced far below them, so no measured call is ever a 429 retry.
    await context.admin.setRateLimits({});
    const perRun = { send50: [] as number[], send95: [] as number[], floor50: [] as number[], floor95: [] as number[] };
    const overhead = { p50: [] as number[], p95: [] as number[], total95: [] as number[] };
    const noop50: number[] = [];
    const idleNoop50: number[] = [];
    const database = {
      statements: [] as number[],
      transactions: [] as number[],
      ms: [] as number[],
      txMs: [] as number[],
    };
    const cpu = { send: [] as number[], noop: [] as number[] };
    const calls = { lookup: 0, create: 0, auth: 0, other: 0 };
    const outcomes: Record<string, number> = {};
    let sends = 0;
    // One unmeasured pair first: connections open, code paths warm at this latency.
    await measureFloor(context.sandboxUrl, floor, apiVersion);
    await sendOnce(context);
    for (let run = 0; run < options.runs; run += 1) {
      const sendTimes: number[] = [];
      const floorTimes: number[] = [];
      const differences: number[] = [];
      const totals: number[] = [];
      const noopTimes: number[] = [];
      const idleNoopTimes: number[] = [];
      for (let index = 0; index < options.sendsPerRun; index += 1) {
        const started = performance.now();
        const floorMs = await measureFloor(context.sandboxUrl, floor, apiVersion);
        const before = await context.admin.counters();
        await context.app.probe.reset();
        const send = await sendOnce(context);
        const probe = await context.app.probe.stats();
        const after = await context.admin.counters();
        // The no-op next to each send, so a change in the machine's load moves both alike.
        await context.app.probe.reset();
        noopTimes.push((await callNoop(context)).resultMs);
        cpu.noop.push((await context.app.probe.stats()).cpuMs);
        cpu.send.push(probe.cpuMs);
        // Once more after a pause as long as the floor: the send's Personio wait leaves the server
        // idle, and a process that was idle is slower for a moment (caches, CPU clock).
        await sleep(floorMs);
        idleNoopTimes.push((await callNoop(context)).resultMs);
        database.statements.push(probe.statements);
        database.transactions.push(probe.transactionControl / 2);
        database.ms.push(probe.dbMs);
        database.txMs.push(probe.transactionMs);
        const diff = diffCounters(before, after);
        calls.lookup += diff[endpoints.lookup] ?? 0;
        calls.create += diff[endpoints.create] ?? 0;
        calls.auth += diff[endpoints.auth] ?? 0;
        calls.other += Object.entries(diff)
          .filter(([key]) => !known.includes(key))
          .reduce((sum, [, value]) => sum + value, 0);
        outcomes[send.outcome] = (outcomes[send.outcome] ?? 0) + 1;
        sends += 1;
        sendTimes.push(send.resultMs);
        totals.push(send.totalMs);
        floorTimes.push(floorMs);
        differences.push(send.resultMs - floorMs);
        // Paced to at most ~6 employee reads a second (ours and the app's), well inside
        // Personio's 15/s, so rate limiting never enters a latency figure.
        const elapsed = performance.now() - started;
        if (elapsed < 350) await sleep(350 - elapsed);
      }
      noop50.push(percentile(noopTimes, 50));
      idleNoop50.push(percentile(idleNoopTimes, 50));
      perRun.send50.push(percentile(sendTimes, 50));
      perRun.send95.push(percentile(sendTimes, 95));
      perRun.floor50.push(percentile(floorTimes, 50));
      perRun.floor95.push(percentile(floorTimes, 95));
      overhead.p50.push(percentile(differences, 50));
      overhead.p95.push(percentile(differences, 95));
      overhead.total95.push(percentile(totals, 95));
    }
    await context.admin.clearFaults();
    results.push({
      apiVersion,
      latencyMs,
      sendP50: spread(perRun.send50),
      sendP95: spread(perRun.send95),
      floorP50: spread(perRun.floor50),
      floorP95: spread(perRun.floor95),
      overheadP50: spread(overhead.p50),
      overheadP95: spread(overhead.p95),
      totalP95: spread(overhead.total95),
      noopP50: spread(noop50),
      idleNoopP50: spread(idleNoop50),
      database: {
        statements: percentile(database.statements, 50),
        transactions: percentile(database.transactions, 50),
        statementMs: percentile(database.ms, 50),
        transactionMs: percentile(database.txMs, 50),
      },
      cpu: { send: percentile(cpu.send, 50), noop: percentile(cpu.noop, 50) },
      callsPerSend: {
        lookup: calls.lookup / sends,
        create: calls.create / sends,
        auth: calls.auth / sends,
        other: calls.other / sends,
      },
      sends,
      outcomes,
    });
    options.onProgress(`added latency ${latencyMs} ms done`);
  }
  return results;
}

export type ActionBaseline = { p50: Spread; p95: Spread; samples: number };

/**
 * What any authorized action costs here before it does its own work (Next's action handling,
 * the session, the user's role and permissions, one row read): the part of a send's overhead
 * that is not the send's.
 */
let noopCandidate: string | null = null;

function callNoop(context: SendContext) {
  const candidateId = (noopCandidate ??= context.nextCandidate());
  return callAction(context.app.url, context.session, {
    actionId: context.statusActionId,
    path: `/candidates/${candidateId}`,
    input: { candidateId },
  });
}

export async function measureActionBaseline(
  context: SendContext,
  options: { runs: number; samples: number },
): Promise<ActionBaseline> {
  const call = () => callNoop(context);
  for (let index = 0; index < 5; index += 1) await call();
  const p50: number[] = [];
  const p95: number[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const times: number[] = [];
    for (let index = 0; index < options.samples; index += 1) {
      times.push((await call()).resultMs);
      await sleep(50);
    }
    p50.push(percentile(times, 50));
    p95.push(percentile(times, 95));
  }
  return { p50: spread(p50), p95: spread(p95), samples: options.samples };
}
