// npm test: every check and test, on a fresh clone, with nothing installed by hand.
// Order: cheap and fast first, so a type error fails in seconds rather than after the build.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

import { chromiumExecutablePath } from "./lib/chromium";
import { postgresTestEnv } from "./lib/postgres-databases";
import { findPostgresBinaries, startPostgresServer } from "./lib/postgres-server";

const BIN = "node_modules/.bin";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(title: string, command: string, args: string[], extraEnv: Record<string, string> = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds}s)`);
}

// Debian's Chromium (Playwright cannot download its own browser on offline machines);
// elsewhere, Playwright's browser is installed instead.
function ensureBrowser() {
  if (chromiumExecutablePath()) return;
  const isRoot = process.getuid?.() === 0;
  if (process.platform === "linux" && fs.existsSync("/usr/bin/apt-get")) {
    const sudo = isRoot ? [] : ["sudo", "-n"];
    console.log("▶ Installing Chromium from Debian's packages");
    try {
      execFileSync(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(isRoot ? [] : ["apt-get"]), "update", "-qq"], {
        stdio: "inherit",
      });
      execFileSync(
        sudo[0] ?? "apt-get",
        [...sudo.slice(1), ...(isRoot ? [] : ["apt-get"]), "install", "-y", "-qq", "chromium"],
        {
          stdio: "inherit",
          env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
        },
      );
      if (chromiumExecutablePath()) return;
    } catch {
      console.log("Could not install Debian's Chromium; trying Playwright's own browser.");
    }
  }
  run("Install Playwright's Chromium", `${BIN}/playwright`, ["install", "chromium"]);
}

ensureBrowser();
run("Type check", `${BIN}/tsc`, ["--noEmit", "-p", "."]);
run("Lint", `${BIN}/eslint`, ["."]);
run("Formatting (Prettier)", `${BIN}/prettier`, ["--check", "."]);
run("Unit and integration tests (vitest)", `${BIN}/vitest`, ["run"]);
run("Production build", `${BIN}/next`, ["build"]);
// The container image's build and start steps on that same build (the Dockerfile runs them;
// Docker itself is not available here): standalone server, migrations, setup page, health.
run("Container image steps (standalone server as the image starts it)", `${BIN}/tsx`, ["scripts/image-check.ts"]);
run("End-to-end tests (Playwright, Chromium)", `${BIN}/playwright`, ["test"]);

// The same app on PostgreSQL: a throwaway server this run starts and removes (also when a step
// fails or on Ctrl-C), then the tests that touch a database again: vitest's *.db.test.ts and
// the Playwright suite but for the specs tagged database-independent. Pure unit tests, the type
// check and the build do not depend on the database and are not repeated.
async function runOnPostgres() {
  const binaries = findPostgresBinaries();
  if (!binaries) {
    const reason = "no PostgreSQL installed (no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin)";
    // CI (.ci/run) must run it: there a missing PostgreSQL is a failure, not a skip.
    if (process.env.HANDOFF_REQUIRE_POSTGRES) {
      console.error(`\n✖ PostgreSQL run required (HANDOFF_REQUIRE_POSTGRES) but ${reason}.`);
      process.exit(1);
    }
    console.log(`\n⚠ PostgreSQL run skipped: ${reason}.`);
    return;
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
  console.log(`\n▶ Starting a throwaway PostgreSQL server (${binaries.version})`);
  const server = await startPostgresServer();
  console.log(`✔ PostgreSQL at ${server.url}`);
  // Specs tagged @database-independent (e2e/fixtures.ts DATABASE_INDEPENDENT) ran in the SQLite run.
  const postgresEnv = postgresTestEnv(server.url);
  run("Database tests on PostgreSQL (vitest, *.db.test.ts)", `${BIN}/vitest`, ["run", ".db.test."], postgresEnv);
  run("End-to-end tests on PostgreSQL (Playwright, Chromium)", `${BIN}/playwright`, ["test"], postgresEnv);
  await server.stop();
}

await runOnPostgres();
console.log("\nAll tests passed.");
