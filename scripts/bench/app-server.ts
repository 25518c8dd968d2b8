// Starts the production build (`next start`) on a free port for one benchmark database, with
// the DB probe preloaded, and the build itself when there is none or it is older than the code.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { startAppProcess, waitUntilServing, type AppSecrets } from "../lib/app-with-sandbox";
import { freePort } from "../lib/free-port";
import { serverNodeOptions } from "../lib/server-heap";

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "prisma/schema.prisma",
  "proxy.ts",
  "next.config.mjs",
  "package-lock.json",
];
const PROBE = path.resolve("scripts/bench/db-probe.cjs");

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) {
    if (child === "node_modules" || child.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** Builds unless .next holds a production build newer than every input; returns why it built, if it did. */
export function ensureProductionBuild(options: { force: boolean }): string | null {
  const buildId = ".next/BUILD_ID";
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sourcesAt = Math.max(...BUILD_INPUTS.map(newestMtime));
  const reason = options.force
    ? "--build was given"
    : builtAt === 0
      ? "there is no production build"
      : sourcesAt > builtAt
        ? "the code is newer than the build"
        : null;
  if (!reason) return null;
  console.log(`[bench] next build (${reason})…`);
  const result = spawnSync("node_modules/.bin/next", ["build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  return reason;
}

export type RunningApp = {
  url: string;
  /** The `next start` process, for memory figures. */
  pid: number;
  /** Reads the per-process SQL statement counters of the preloaded probe. */
  probe: {
    reset(): Promise<void>;
    stats(): Promise<{
      statements: number;
      transactionControl: number;
      dbMs: number;
      transactionMs: number;
      cpuMs: number;
      sql: string[];
    }>;
    plans(): Promise<Array<{ sql: string; ms: number; plan: string[] }>>;
  };
  stop(): Promise<void>;
};

// probe: false starts the server without the SQL probe, for memory figures: the probe keeps the
// arguments of the statements it records (an import's 500-row inserts among them) and wraps
// every statement, which is the benchmark's weight in the server, not the app's.
export async function startApp(options: {
  databaseUrl: string;
  sandboxUrl: string;
  secrets: AppSecrets;
  label: string;
  probe?: boolean;
  /** Variables on top of the bench's (e.g. LOG_REQUESTS=false). */
  env?: Record<string, string>;
}): Promise<RunningApp> {
  const withProbe = options.probe ?? true;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const portFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "handoff-bench-")), "probe-port");
  const child = startAppProcess({
    command: "start",
    port,
    hostname: "127.0.0.1",
    databaseUrl: options.databaseUrl,
    url,
    sandboxUrl: options.sandboxUrl,
    secrets: options.secrets,
    env: {
      ...(withProbe
        ? { NODE_OPTIONS: `${serverNodeOptions()} --require ${PROBE}`, BENCH_DB_PROBE_PORT_FILE: portFile }
        : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitUntilServing(url, child, { log: () => `next start (${options.label})\n${log}` });

  // The probe opens its port when the server first loads better-sqlite3 (the first page above).
  const probeUrl = async () => {
    for (let attempt = 0; attempt < 50 && !fs.existsSync(portFile); attempt += 1)
      await new Promise((r) => setTimeout(r, 100));
    return `http://127.0.0.1:${fs.readFileSync(portFile, "utf8")}`;
  };
  const probeCall = async <T>(pathName: string, method = "GET"): Promise<T> => {
    const response = await fetch(`${await probeUrl()}${pathName}`, { method });
    return (await response.json()) as T;
  };

  return {
    url,
    pid: child.pid!,
    probe: {
      reset: async () => void (await probeCall("/reset", "POST")),
      stats: () => probeCall("/stats"),
      plans: async () =>
        (await probeCall<{ plans: Array<{ sql: string; ms: number; plan: string[] }> }>("/plans")).plans,
    },
    stop: async () => {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      fs.rmSync(path.dirname(portFile), { recursive: true, force: true });
    },
  };
}
