// npm run dev: the app with demo data and the Personio sandbox, on a fresh clone, with no setup.
import { spawn } from "node:child_process";

import { backfillCandidateSearch } from "@/lib/candidates/search-backfill";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { loadOrCreateDevSecrets } from "@/lib/dev-secrets";
import { DEMO_EXISTING_EMPLOYEES, demoCredential } from "@/lib/personio-sandbox/demo";
import { startPersonioSandbox } from "@/lib/personio-sandbox/server";
import { printDemoLogins, seedDemoData } from "@/prisma/seed";

import { migrateDatabase } from "./lib/database";
import { connectDemoIntegration } from "./lib/personio-demo";

const APP_PORT = Number(process.env.PORT ?? 3000);
const SANDBOX_PORT = Number(process.env.PERSONIO_SANDBOX_PORT ?? 4010);
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/handoff.db";

async function main() {
  const secrets = loadOrCreateDevSecrets();
  migrateDatabase(databaseUrl);

  const db = createPrismaClient(databaseUrl);
  await backfillCandidateSearch(db);
  await seedDemoData(db);
  const connected = await connectDemoIntegration(db, process.env.ENCRYPTION_KEY ?? secrets.ENCRYPTION_KEY);
  await db.$disconnect();

  const sandbox = await startPersonioSandbox({
    port: SANDBOX_PORT,
    host: "127.0.0.1",
    credentials: [demoCredential()],
    employees: DEMO_EXISTING_EMPLOYEES,
  });

  printDemoLogins();
  console.log(`Personio sandbox: ${sandbox.url}  (credentials: ${sandbox.url}/settings/api-credentials)`);
  if (connected) console.log("Connected the app to the sandbox's demo credential.");
  console.log(`Handoff: http://localhost:${APP_PORT}\n`);

  const app = spawn("node_modules/.bin/next", ["dev", "--port", String(APP_PORT)], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${APP_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      PERSONIO_API_BASE_URL: process.env.PERSONIO_API_BASE_URL ?? sandbox.url,
      PERSONIO_WEB_BASE_URL: process.env.PERSONIO_WEB_BASE_URL ?? sandbox.url,
    },
  });
  const stop = () => {
    app.kill("SIGTERM");
    void sandbox.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  app.on("exit", (code) => void sandbox.close().finally(() => process.exit(code ?? 0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
