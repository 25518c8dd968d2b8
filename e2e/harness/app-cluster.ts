import type { ChildProcess } from "node:child_process";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import {
  generateAppSecrets,
  seedDemoWithSandbox,
  startAppProcess,
  startDemoSandbox,
  waitUntilServing,
} from "@/scripts/lib/app-with-sandbox";
import { freePort } from "@/scripts/lib/free-port";
import { demoCredential } from "@/scripts/personio-sandbox/demo";
import type { PersonioSandbox } from "@/scripts/personio-sandbox/server";

// Production app processes (`next start`) that the reliability tests own: several instances
// sharing one database and one Personio sandbox, which a test can kill and restart.
export type AppInstance = {
  url: string;
  /** The app process's id while it runs (to read its memory from /proc). */
  pid: () => number | undefined;
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

// `empty`: a migrated database with nothing else in it (no demo data, no Personio connection),
// as a new installation starts.
export async function startAppCluster(options: {
  name: string;
  instances: number;
  env?: Record<string, string>;
  empty?: boolean;
  /** Writes to the database before any app process starts (what a process acts on at start). */
  beforeStart?: (db: PrismaClient) => Promise<void>;
}): Promise<AppCluster> {
  const database = await createFreshDatabase(`${options.name}-${process.pid}`);
  const db = createPrismaClient(database.url);
  const secrets = generateAppSecrets();
  if (!options.empty) await seedDemoWithSandbox(db, secrets.encryptionKey);
  await options.beforeStart?.(db);

  const sandbox = await startDemoSandbox({ port: 0, quiet: true });
  const output: string[] = [];

  const launch = async (port: number, extraEnv: Record<string, string | undefined> = {}) => {
    const url = `http://127.0.0.1:${port}`;
    const child = startAppProcess({
      command: "start",
      port,
      hostname: "127.0.0.1",
      databaseUrl: database.url,
      url,
      sandboxUrl: sandbox.url,
      secrets,
      // A variable given as undefined is left out (e.g. ENCRYPTION_KEY_PREVIOUS after a rotation).
      env: { PERSONIO_TIMEOUT_MS: "3000", ...options.env, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
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
      pid: () => children[index]!.pid,
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
    secrets: { clientSecret: demoCredential().clientSecret, ...secrets },
    logs: () => output.join(""),
    stop: async () => {
      await Promise.all(apps.map((app) => app.kill()));
      await sandbox.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}
