// Started by playwright.config.ts: a fresh database, the Personio sandbox and the production
// build of the app (`next start`), on the ports the config chose.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";

import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { DEMO_EXISTING_EMPLOYEES, demoCredential } from "@/scripts/personio-sandbox/demo";
import { startPersonioSandbox } from "@/scripts/personio-sandbox/server";
import { seedDemoData } from "@/prisma/seed";

import { migrateDatabase, resetDatabase } from "./lib/database";
import { connectDemoIntegration } from "./lib/personio-demo";

const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/e2e.db";

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) {
    throw new Error("No production build found: run `npm run build` first (npm test does it for you).");
  }
  // Secrets for this run only.
  const encryptionKey = randomBytes(32).toString("base64");
  const sessionSecret = randomBytes(32).toString("base64url");

  await resetDatabase(databaseUrl);
  migrateDatabase(databaseUrl, { quiet: true });
  const db = createPrismaClient(databaseUrl);
  await seedDemoData(db);
  await connectDemoIntegration(db, encryptionKey);
  await db.$disconnect();

  const sandbox = await startPersonioSandbox({
    port: sandboxPort,
    host: "127.0.0.1",
    credentials: [demoCredential()],
    employees: DEMO_EXISTING_EMPLOYEES,
  });

  const app = spawn("node_modules/.bin/next", ["start", "--port", String(appPort)], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: `http://localhost:${appPort}`,
      NEXTAUTH_SECRET: sessionSecret,
      ENCRYPTION_KEY: encryptionKey,
      NEXT_TELEMETRY_DISABLED: "1",
      PERSONIO_API_BASE_URL: sandbox.url,
      PERSONIO_WEB_BASE_URL: sandbox.url,
      PERSONIO_TIMEOUT_MS: process.env.PERSONIO_TIMEOUT_MS ?? "3000",
    },
  });
  const stop = () => {
    app.kill("SIGTERM");
    void sandbox.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  app.on("exit", (code) => void sandbox.close().finally(() => process.exit(code ?? 1)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
