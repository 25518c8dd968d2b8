// npm run test:e2e:busy: the Playwright suite while a CPU burner keeps every core busy, with CI's
// settings (CI=true: two workers, no retries). Races that a quiet machine hides show up here.
//
//   npm run test:e2e:busy                        the whole suite on SQLite
//   npm run test:e2e:busy -- --postgres          on a throwaway PostgreSQL server, as npm test runs it there
//   npm run test:e2e:busy -- --burners=4 e2e/users.spec.ts --project=app
//
// --burners=N sets how many CPU-bound processes run (default: one per core); every other argument
// goes to `playwright test`. E2E_APP_PORT and E2E_SANDBOX_PORT choose the ports, as for
// `npm run test:e2e`. Builds the app first when there is no production build. Exits with
// Playwright's status; the burner (and the PostgreSQL server) stop whatever happens.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

import { startCpuBurner } from "./lib/cpu-burner";
import { postgresTestEnv } from "./lib/postgres-databases";
import { startPostgresServer } from "./lib/postgres-server";

const BIN = "node_modules/.bin";
const env: NodeJS.ProcessEnv = { ...process.env, CI: "true", NEXT_TELEMETRY_DISABLED: "1" };

const args = process.argv.slice(2);
const onPostgres = args.includes("--postgres");
const burnersArg = args.find((arg) => arg.startsWith("--burners="));
const burners = burnersArg ? Number(burnersArg.slice("--burners=".length)) : os.availableParallelism();
if (!Number.isInteger(burners) || burners < 1) throw new Error(`--burners wants a whole number, got ${burnersArg}`);
const playwrightArgs = args.filter((arg) => arg !== "--postgres" && arg !== burnersArg);

// Before the burner: the build is not what is being tested.
if (!fs.existsSync(".next/BUILD_ID")) {
  console.log("▶ No production build yet: next build");
  const build = spawnSync(`${BIN}/next`, ["build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (onPostgres) {
  const server = await startPostgresServer();
  Object.assign(env, postgresTestEnv(server.url));
  console.log(`▶ PostgreSQL at ${server.url}`);
}

const burner = startCpuBurner({ workers: burners });
console.log(`▶ CPU burner: ${burner.workers} × ${burner.kind} on ${os.availableParallelism()} cores`);

// The load the run saw, sampled every 30 s (the 1-minute load average).
const loads: number[] = [];
const sampler = setInterval(() => loads.push(os.loadavg()[0]!), 30_000);

const started = Date.now();
const playwright = spawn(`${BIN}/playwright`, ["test", ...playwrightArgs], { stdio: "inherit", env });
// Playwright stops its web server (the app and the sandbox) on SIGINT, not on SIGTERM.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    burner.stop();
    playwright.kill("SIGINT");
  });
}

playwright.on("exit", (code, signal) => {
  burner.stop();
  clearInterval(sampler);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const load = loads.length
    ? `load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`
    : "no load sample";
  console.log(`\n${code === 0 ? "✔" : "✖"} Playwright under load: ${minutes} min, ${load}`);
  // process.exit runs the exit handlers: the PostgreSQL server is stopped and removed.
  process.exit(code ?? (signal ? 130 : 1));
});
