import path from "node:path";

import { defineConfig, devices } from "@playwright/test";

import { CHROMIUM_ARGS, chromiumExecutablePath } from "./scripts/lib/chromium";

const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);

// Read by the tests (fixtures open the same database and talk to the same sandbox).
process.env.DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
process.env.PERSONIO_SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
// The tests' stand-in for an ATS's file host (e2e/documents.spec.ts), on the app's attachment allow-list.
process.env.E2E_ATTACHMENT_HOST = `127.0.0.1:${SANDBOX_PORT + 50}`;
// Where a test routes a real provider's host name to its local provider (e2e/support/tls-host-routes.mjs).
process.env.E2E_TLS_HOST_ROUTES = path.resolve(`data/e2e-tls-host-routes-${APP_PORT}.json`);
// A lower webhook flood bound than production's 600 a minute (the app inherits it; each source
// has its own count, and no other test sends a source more than a dozen deliveries): the flood
// test then overruns it with 90 requests, well inside the limiter's one-minute window even on a
// busy machine (each is counted in the database).
process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE ??= "40";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // npm test's PostgreSQL run leaves out the specs tagged @database-independent (e2e/fixtures.ts):
  // set here, not as a command-line filter, which Playwright does not apply to dependency projects.
  grepInvert: process.env.E2E_SKIP_DATABASE_INDEPENDENT ? /@database-independent/ : undefined,
  workers: process.env.CI ? 2 : undefined,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${APP_PORT}`,
    // A trace records DOM snapshots at every action of every test, to keep the failing ones: on CI
    // that cost about a fifth of the suite's time, and only the printed output (with the page's
    // accessibility snapshot in the error context) is read there. Locally a failure keeps its trace.
    trace: process.env.CI ? "off" : "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: { executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "app", testIgnore: [/\.exclusive\.spec\.ts$/, /reliability\//] },
    // Specs that change what every test shares (sandbox faults, the Personio integration,
    // role permissions) run afterwards, one at a time.
    { name: "exclusive", testMatch: /\.exclusive\.spec\.ts$/, dependencies: ["app"], workers: 1, fullyParallel: false },
    // Reliability tests start their own app processes (several per test), so one at a time.
    {
      name: "reliability",
      testDir: "e2e/reliability",
      dependencies: ["exclusive"],
      workers: 1,
      fullyParallel: false,
      timeout: 120_000,
    },
  ],
  webServer: {
    command: "node_modules/.bin/tsx scripts/e2e-server.ts",
    url: `http://localhost:${APP_PORT}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      E2E_APP_PORT: String(APP_PORT),
      E2E_SANDBOX_PORT: String(SANDBOX_PORT),
      DATABASE_URL: process.env.DATABASE_URL,
      E2E_TLS_HOST_ROUTES: process.env.E2E_TLS_HOST_ROUTES,
    },
  },
});
