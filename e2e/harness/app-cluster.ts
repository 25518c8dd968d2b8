import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";

import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { DEMO_EXISTING_EMPLOYEES, demoCredential } from "@/lib/personio-sandbox/demo";
import { startPersonioSandbox, type PersonioSandbox } from "@/lib/personio-sandbox/server";
import { seedDemoData } from "@/prisma/seed";
import { createFreshDatabase } from "@/scripts/lib/database";
import { freePort } from "@/scripts/lib/free-port";
import { connectDemoIntegration } from "@/scripts/lib/personio-demo";

// Production app processes (`next start`) that the reliability tests own: several instances
// sharing one database and one Personio sandbox, which a test can kill and restart.
export type AppInstance = {
  url: string;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts the process again (after kill), with these variables on top of the cluster's, if given. */
  restart: (env?: Record<string, string | undefined>) => Promise<void>;
};

export type AppCluster = {
  apps: AppInstance[];
  db: PrismaClient;
  /** The shared database, for tools run beside the apps (e.g. npm run secrets:rotate-key). */
  databaseUrl: string;
  sandbox: PersonioSandbox;
  secrets: { clientSecret: string; sessionSecret: string; encryptionKey: string };
  // Everything the app processes printed, for the "no secret in logs" check.
  logs: () => string;
  stop: () => Promise<void>;
};

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app process exited with ${child.exitCode} before serving ${url}`);
    try {
      if ((await fetch(`${url}/sign-in`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`app at ${url} did not start within ${timeoutMs} ms`);
}

export async function startAppCluster(options: { name: string; instances: number; env?: Record<string, string> }): Promise<AppCluster> {
  const database = await createFreshDatabase(`${options.name}-${process.pid}`);
  const db = createPrismaClient(database.url);
  const encryptionKey = randomBytes(32).toString("base64");
  const sessionSecret = randomBytes(32).toString("base64url");
  await seedDemoData(db);
  await connectDemoIntegration(db, encryptionKey);

  const sandbox = await startPersonioSandbox({ port: 0, credentials: [demoCredential()], employees: DEMO_EXISTING_EMPLOYEES, quiet: true });
  const output: string[] = [];

  const launch = async (port: number, extraEnv: Record<string, string | undefined> = {}) => {
    const url = `http://127.0.0.1:${port}`;
    // Keep-alive longer than any pause in a test: Next's default 5 s closes idle sockets just as a
    // client reuses them (seen as ECONNRESET mid-burst).
    const args = ["start", "--port", String(port), "--hostname", "127.0.0.1", "--keepAliveTimeout", "65000"];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: sessionSecret,
      ENCRYPTION_KEY: encryptionKey,
      NEXT_TELEMETRY_DISABLED: "1",
      PERSONIO_API_BASE_URL: sandbox.url,
      PERSONIO_WEB_BASE_URL: sandbox.url,
      PERSONIO_TIMEOUT_MS: "3000",
      ...options.env,
      ...extraEnv,
    };
    // A variable given as undefined is left out (e.g. ENCRYPTION_KEY_PREVIOUS after a rotation).
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
    const child: ChildProcess = spawn("node_modules/.bin/next", args, { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    await waitUntilServing(url, child);
    return child;
  };

  const apps: AppInstance[] = [];
  const children: ChildProcess[] = [];
  for (let index = 0; index < options.instances; index += 1) {
    const port = await freePort();
    children[index] = await launch(port);
    apps.push({
      url: `http://127.0.0.1:${port}`,
      kill: async (signal = "SIGTERM") => {
        const child = children[index]!;
        if (child.exitCode !== null) return;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill(signal);
        await exited;
      },
      restart: async (env) => {
        children[index] = await launch(port, env);
      },
    });
  }

  return {
    apps,
    db,
    databaseUrl: database.url,
    sandbox,
    secrets: { clientSecret: demoCredential().clientSecret, sessionSecret, encryptionKey },
    logs: () => output.join(""),
    stop: async () => {
      await Promise.all(apps.map((app) => app.kill()));
      await sandbox.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}
