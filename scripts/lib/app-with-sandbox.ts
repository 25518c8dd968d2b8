// The app beside the Personio sandbox, as npm run dev, the Playwright server, the reliability
// harness and the benchmark start it: the demo data with the sandbox's demo credential connected,
// the sandbox with that credential and its existing employees, and `next dev` or `next start`
// pointed at both.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { randomBytes } from "node:crypto";

import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { seedDemoData } from "@/prisma/seed";
import { DEMO_EXISTING_EMPLOYEES, demoCredential } from "@/scripts/personio-sandbox/demo";
import { startPersonioSandbox, type PersonioSandbox } from "@/scripts/personio-sandbox/server";

import { keepAliveArgs } from "./keep-alive";
import { connectDemoIntegration } from "./personio-demo";
import { serverProcessEnv } from "./server-heap";

export type AppSecrets = { sessionSecret: string; encryptionKey: string };

/** Fresh secrets for one run (tests and benchmarks; `npm run dev` keeps its own under data/). */
// The E2E server's Prometheus scrape token (METRICS_TOKEN), known to the metrics spec.
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789abcdefghij";

export function generateAppSecrets(): AppSecrets {
  return { sessionSecret: randomBytes(32).toString("base64url"), encryptionKey: randomBytes(32).toString("base64") };
}

/** Demo data, and the app connected to the sandbox's demo credential; true when it connected it now. */
export async function seedDemoWithSandbox(db: PrismaClient, encryptionKey: string): Promise<boolean> {
  await seedDemoData(db);
  return connectDemoIntegration(db, encryptionKey);
}

/** The sandbox with the demo credential and the employees Personio already has in the demo. */
export function startDemoSandbox(options: { port: number; host?: string; quiet?: boolean }): Promise<PersonioSandbox> {
  return startPersonioSandbox({ ...options, credentials: [demoCredential()], employees: DEMO_EXISTING_EMPLOYEES });
}

export type AppProcessOptions = {
  /** `dev` for npm run dev; `start` serves the production build with NODE_ENV=production. */
  command: "dev" | "start";
  port: number;
  hostname?: string;
  /** Extra `next` arguments (after the keep-alive timeout `start` gets, so they can change it). */
  args?: string[];
  databaseUrl: string;
  /** The app's public URL (NEXTAUTH_URL). */
  url: string;
  sandboxUrl: string;
  secrets?: AppSecrets;
  /** Set last: wins over everything above. */
  env?: Record<string, string | undefined>;
  stdio?: StdioOptions;
};

export function startAppProcess(options: AppProcessOptions): ChildProcess {
  const args = [options.command, "--port", String(options.port)];
  if (options.hostname) args.push("--hostname", options.hostname);
  // As npm start serves it: idle connections outlive the clients' (keep-alive.ts).
  if (options.command === "start") args.push(...keepAliveArgs());
  return spawn("node_modules/.bin/next", [...args, ...(options.args ?? [])], {
    stdio: options.stdio ?? "inherit",
    env: {
      ...process.env,
      // The production build runs as npm start runs it.
      ...(options.command === "start" ? { NODE_ENV: "production", ...serverProcessEnv() } : {}),
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_URL: options.url,
      ...(options.secrets
        ? { NEXTAUTH_SECRET: options.secrets.sessionSecret, ENCRYPTION_KEY: options.secrets.encryptionKey }
        : {}),
      NEXT_TELEMETRY_DISABLED: "1",
      PERSONIO_API_BASE_URL: options.sandboxUrl,
      PERSONIO_WEB_BASE_URL: options.sandboxUrl,
      ...options.env,
    },
  });
}

/** Resolves once the app serves its sign-in page; throws if the process exits first or time runs out. */
export async function waitUntilServing(
  url: string,
  child: ChildProcess,
  options: { timeoutMs?: number; log?: () => string } = {},
) {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const log = () => (options.log ? `:\n${options.log()}` : "");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`app process exited with ${child.exitCode} before serving ${url}${log()}`);
    try {
      const response = await fetch(`${url}/sign-in`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`app at ${url} did not start within ${timeoutMs} ms${log()}`);
}

/**
 * For a foreground command: Ctrl-C or SIGTERM stops the app, then the sandbox, then this process;
 * the app exiting on its own stops the sandbox.
 *
 * The order matters. Ctrl-C reaches every process of the terminal's group at once, `next` too,
 * which then closes its open connections and finishes. This process used to close the sandbox and
 * exit at once: the shell came back while Next.js was still shutting down, and renders it was
 * cutting short (or that still called the closed sandbox) printed errors such as React's "The
 * destination stream errored while writing data." over the prompt. Now the app gets the signal once
 * (Next.js ignores a second), this process waits for it to exit (SIGKILL after a grace period),
 * then closes the sandbox and exits quietly.
 */
export function stopTogether(
  app: ChildProcess,
  sandbox: PersonioSandbox,
  exitCodeWhenAppExits: number,
  { graceMs = 10_000 } = {},
) {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (app.exitCode === null && app.signalCode === null) {
      app.kill(signal);
      setTimeout(() => app.kill("SIGKILL"), graceMs).unref();
    }
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  app.on("exit", (code) => {
    void sandbox.close().finally(() => process.exit(stopping ? 0 : (code ?? exitCodeWhenAppExits)));
  });
}
