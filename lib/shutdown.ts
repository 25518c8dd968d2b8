// Clean shutdown (README, "Stopping and restarting"). On SIGTERM or SIGINT the process finishes
// what it promised before it exits: sends to Personio in flight (tracked around the send path,
// lib/handoff/claimed-write.ts) and background work (drains registered here, e.g. the background
// runner), each within one bound (HANDOFF_SHUTDOWN_TIMEOUT_MS). Only then does Next.js's own
// shutdown run: it stops accepting connections, waits for the requests still open and exits.
//
// Connections: the server stops accepting new ones at once (lib/http/server-timeouts.ts), and
// /api/ready answers 503 meanwhile, so a load balancer moves traffic elsewhere.
//
// No "server-only": instrumentation-node.ts installs the handler outside React's server graph.
// The state lives on globalThis, because Next.js bundles this module separately into the
// instrumentation and into each route that sends; all copies must count the same sends.

/** The kind of tracked work for a send, link or update to Personio. */
export const PERSONIO_WRITE = "personio.write";

export type Drain = {
  name: string;
  /** Finishes or hands back the work this part holds (e.g. releases its leases) within `timeoutMs`. */
  stop: (timeoutMs: number) => Promise<void>;
};

type ShutdownState = {
  inFlight: Map<string, number>;
  idle: Set<() => void>;
  drains: Drain[];
  shuttingDown: boolean;
  installed: boolean;
};

const STATE = Symbol.for("handoff.shutdown");

function state(): ShutdownState {
  const global = globalThis as typeof globalThis & { [STATE]?: ShutdownState };
  global[STATE] ??= { inFlight: new Map(), idle: new Set(), drains: [], shuttingDown: false, installed: false };
  return global[STATE];
}

export function isShuttingDown(): boolean {
  return state().shuttingDown;
}

/** Work of `kind` (e.g. "personio.send") that a shutdown waits for before the process exits. */
export async function trackInFlight<T>(kind: string, work: () => Promise<T>): Promise<T> {
  const { inFlight, idle } = state();
  inFlight.set(kind, (inFlight.get(kind) ?? 0) + 1);
  try {
    return await work();
  } finally {
    const left = (inFlight.get(kind) ?? 1) - 1;
    if (left > 0) inFlight.set(kind, left);
    else inFlight.delete(kind);
    if (inFlight.size === 0) for (const notify of [...idle]) notify();
  }
}

/** How many of each kind of tracked work are running now. */
export function inFlightWork(): Record<string, number> {
  return Object.fromEntries(state().inFlight);
}

/** Registers work to stop at shutdown; the same name registered again replaces the earlier one. */
export function registerDrain(drain: Drain) {
  const { drains } = state();
  const index = drains.findIndex((existing) => existing.name === drain.name);
  if (index >= 0) drains[index] = drain;
  else drains.push(drain);
}

function untilIdle(): Promise<void> {
  const { inFlight, idle } = state();
  if (inFlight.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const notify = () => {
      idle.delete(notify);
      resolve();
    };
    idle.add(notify);
  });
}

export type DrainReport = { completed: boolean; pending: Record<string, number>; failedDrains: string[] };

/**
 * Waits for tracked work and stops every registered drain, together, for at most `timeoutMs`.
 * Work started meanwhile (a request that was already inside the server) is waited for as well.
 */
export async function drainAll(timeoutMs: number): Promise<DrainReport> {
  state().shuttingDown = true;
  const failedDrains: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const everything = Promise.all([
    untilIdle(),
    ...state().drains.map((drain) =>
      drain.stop(timeoutMs).catch(() => {
        failedDrains.push(drain.name);
      }),
    ),
  ]).then(() => true as const);
  const finished = await Promise.race([everything, timedOut]);
  clearTimeout(timer);
  return { completed: finished, pending: inFlightWork(), failedDrains };
}

/**
 * On SIGTERM/SIGINT: drain first, then hand over to the signal listeners that were there before
 * (Next.js's: close the server, wait for open requests, exit), and exit regardless once
 * `timeoutMs` plus a short margin for Next.js's part have passed. Called once, at server start.
 */
export function installShutdownHandler({
  timeoutMs,
  log,
  stopAccepting,
}: {
  timeoutMs: number;
  log: (message: string, details: Record<string, unknown>) => void;
  stopAccepting: () => void;
}) {
  const current = state();
  if (current.installed) return;
  current.installed = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const earlier = process.listeners(signal);
    for (const listener of earlier) process.removeListener(signal, listener);
    let started = false;
    process.on(signal, () => {
      if (started) return;
      started = true;
      const startedAt = Date.now();
      stopAccepting();
      // The last word: a request that never ends must not keep the process alive.
      setTimeout(() => process.exit(signal === "SIGTERM" ? 143 : 130), timeoutMs + 5_000).unref();
      log("Shutting down: finishing sends and background work in flight", {
        signal,
        timeoutMs,
        inFlight: inFlightWork(),
      });
      void drainAll(timeoutMs).then((report) => {
        log(report.completed ? "Work in flight finished" : "Shutdown bound reached with work in flight", {
          ...report,
          ms: Date.now() - startedAt,
        });
        if (earlier.length === 0) process.exit(signal === "SIGTERM" ? 143 : 130);
        for (const listener of earlier) (listener as (signal: NodeJS.Signals) => void)(signal);
      });
    });
  }
}
