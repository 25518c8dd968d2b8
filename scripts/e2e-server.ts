// Started by playwright.config.ts: a fresh database, the Personio sandbox and the production
// build of the app (`next start`), on the ports the config chose, with the tests' TLS host routes
// preloaded (e2e/support/tls-host-routes.mjs).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { createPrismaClient } from "@/lib/db/create-prisma-client";

import {
  E2E_METRICS_TOKEN,
  generateAppSecrets,
  seedDemoWithSandbox,
  startAppProcess,
  startDemoSandbox,
  stopTogether,
} from "./lib/app-with-sandbox";
import { migrateDatabase, resetDatabase } from "./lib/database";
import { serverNodeOptions } from "./lib/server-heap";

const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/e2e.db";

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) {
    throw new Error("No production build found: run `npm run build` first (npm test does it for you).");
  }
  // Secrets for this run only.
  const secrets = generateAppSecrets();

  await resetDatabase(databaseUrl);
  migrateDatabase(databaseUrl, { quiet: true });
  const db = createPrismaClient(databaseUrl);
  await seedDemoWithSandbox(db, secrets.encryptionKey);
  await db.$disconnect();

  const sandbox = await startDemoSandbox({ port: sandboxPort, host: "127.0.0.1" });

  const app = startAppProcess({
    command: "start",
    port: appPort,
    databaseUrl,
    url: `http://localhost:${appPort}`,
    sandboxUrl: sandbox.url,
    secrets,
    env: {
      PERSONIO_TIMEOUT_MS: process.env.PERSONIO_TIMEOUT_MS ?? "3000",
      // Tests only: lets the SSO tests serve a provider under a real provider's host name.
      NODE_OPTIONS: serverNodeOptions(
        `${process.env.NODE_OPTIONS ?? ""} --import=${pathToFileURL(path.resolve("e2e/support/tls-host-routes.mjs")).href}`,
      ),
      E2E_TLS_HOST_ROUTES: process.env.E2E_TLS_HOST_ROUTES,
      // The tests' local file host for ATS attachments (e2e/documents.spec.ts); no other private address.
      ATTACHMENT_FETCH_ALLOWED_HOSTS: process.env.E2E_ATTACHMENT_HOST,
      // A documents folder belongs to one database (the retention job removes files without a
      // row): this run's own, beside its database.
      DOCUMENTS_DIR: `data/e2e-documents-${appPort}`,
      METRICS_TOKEN: E2E_METRICS_TOKEN,
      // Thousands of access-log lines would bury the server's other output in the test log; the
      // access log is tested on a server of its own (e2e/reliability/request-log.spec.ts).
      LOG_REQUESTS: "false",
    },
  });
  stopTogether(app, sandbox, 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
