// npm run dev: the app with demo data and the Personio sandbox, on a fresh clone, with no setup.
import { backfillCandidateSearch } from "@/lib/candidates/search-backfill";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { DEFAULT_DATABASE_URL } from "@/lib/db/provider";
import { loadOrCreateDevSecrets } from "@/lib/dev-secrets";
import { printDemoLogins } from "@/prisma/seed";

import { seedDemoWithSandbox, startAppProcess, startDemoSandbox, stopTogether } from "./lib/app-with-sandbox";
import { migrateDatabase } from "./lib/database";

const APP_PORT = Number(process.env.PORT ?? 3000);
const SANDBOX_PORT = Number(process.env.PERSONIO_SANDBOX_PORT ?? 4010);
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;

async function main() {
  const secrets = loadOrCreateDevSecrets();
  migrateDatabase(databaseUrl);

  const db = createPrismaClient(databaseUrl);
  await backfillCandidateSearch(db);
  const connected = await seedDemoWithSandbox(db, process.env.ENCRYPTION_KEY ?? secrets.ENCRYPTION_KEY);
  await db.$disconnect();

  const sandbox = await startDemoSandbox({ port: SANDBOX_PORT, host: "127.0.0.1" });

  printDemoLogins();
  console.log(`Personio sandbox: ${sandbox.url}  (credentials: ${sandbox.url}/settings/api-credentials)`);
  if (connected) console.log("Connected the app to the sandbox's demo credential.");
  console.log(`Handoff: http://localhost:${APP_PORT}\n`);

  // Personio URLs and NEXTAUTH_URL set by hand win over the sandbox's.
  const app = startAppProcess({
    command: "dev",
    port: APP_PORT,
    databaseUrl,
    url: process.env.NEXTAUTH_URL ?? `http://localhost:${APP_PORT}`,
    sandboxUrl: sandbox.url,
    env: {
      PERSONIO_API_BASE_URL: process.env.PERSONIO_API_BASE_URL ?? sandbox.url,
      PERSONIO_WEB_BASE_URL: process.env.PERSONIO_WEB_BASE_URL ?? sandbox.url,
    },
  });
  stopTogether(app, sandbox, 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
