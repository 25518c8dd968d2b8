// npm test: every check and test, on a fresh clone, with nothing installed by hand.
// Order: cheap and fast first, so a type error fails in seconds rather than after the build.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

import { chromiumExecutablePath } from "./lib/chromium";
import { postgresTestEnv } from "./lib/postgres-databases";
import { findPostgresBinaries, startPostgresServer } from "./lib/postgres-server";

const BIN = "node_modules/.bin";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

type Step = { title: string; command: string; args: string[]; env?: Record<string, string> };

// When one step fails, the steps running beside it are stopped too, rather than left behind.
const running = new Set<ChildProcess>();

function spawnStep(step: Step, output: "inherit" | "buffer") {
  const started = Date.now();
  console.log(`\n▶ ${step.title}${output === "buffer" ? " (output shown when it ends)" : ""}`);
  const child = spawn(step.command, step.args, {
    stdio: output === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"],
    env: { ...env, ...step.env },
  });
  running.add(child);
  let buffered = "";
  child.stdout?.on("data", (chunk: Buffer) => (buffered += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (buffered += chunk.toString()));
  return new Promise<void>((resolve) =>
    child.on("close", (code) => {
      running.delete(child);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (buffered) console.log(`\n── ${step.title} ──\n${buffered.trimEnd()}`);
      if (code !== 0) {
        console.error(`✖ ${step.title} failed after ${seconds}s`);
        // SIGINT, as Ctrl-C: Playwright then stops its web server too (a SIGTERM left it running).
        for (const other of running) other.kill("SIGINT");
        process.exit(code ?? 1);
      }
      console.log(`✔ ${step.title} (${seconds}s)`);
      resolve();
    }),
  );
}

async function run(title: string, command: string, args: string[], extraEnv: Record<string, string> = {}) {
  await spawnStep({ title, command, args, env: extraEnv }, "inherit");
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
// The three static checks side by side: each is mostly single-threaded, so on CI's two cores
// together they take about half their sum (about 30 s less), and a failure still stops the run
// within seconds of its check ending.
await Promise.all([
  spawnStep({ title: "Type check", command: `${BIN}/tsc`, args: ["--noEmit", "-p", "."] }, "buffer"),
  spawnStep({ title: "Lint", command: `${BIN}/eslint`, args: ["."] }, "buffer"),
  spawnStep({ title: "Formatting (Prettier)", command: `${BIN}/prettier`, args: ["--check", "."] }, "buffer"),
]);
await run("Unit and integration tests (vitest)", `${BIN}/vitest`, ["run"]);
// With the standalone output too, for the container image's steps below.
await run("Production build", `${BIN}/next`, ["build"], { HANDOFF_STANDALONE_BUILD: "1" });

// The same app on PostgreSQL: a throwaway server this run starts and removes (also when a step
// fails or on Ctrl-C), then the tests that touch a database again: vitest's *.db.test.ts and
// the Playwright suite but for the specs tagged database-independent. Pure unit tests, the type
// check and the build do not depend on the database and are not repeated.
async function startPostgres() {
  const binaries = findPostgresBinaries();
  if (!binaries) {
    const reason = "no PostgreSQL installed (no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin)";
    if (process.env.HANDOFF_REQUIRE_POSTGRES) {
      console.error(`\n✖ PostgreSQL run required (HANDOFF_REQUIRE_POSTGRES) but ${reason}.`);
      process.exit(1);
    }
    console.log(`\n⚠ PostgreSQL run skipped: ${reason}.`);
    return null;
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
  console.log(`\n▶ Starting a throwaway PostgreSQL server (${binaries.version})`);
  const server = await startPostgresServer();
  console.log(`✔ PostgreSQL at ${server.url}`);
  return server;
}

const postgres = await startPostgres();
const postgresEnv = postgres ? postgresTestEnv(postgres.url) : null;
// Beside the SQLite Playwright run, whose "exclusive" and "reliability" projects run one test at a
// time and leave a core mostly idle (CI has two): the container image's build and start steps on
// the build above (the Dockerfile runs them; Docker itself is not available here), and
// PostgreSQL's database tests on one vitest worker. Their output is printed when each ends.
await Promise.all([
  run("End-to-end tests (Playwright, Chromium)", `${BIN}/playwright`, ["test"]),
  spawnStep(
    {
      title: "Container image steps (standalone server as the image starts it)",
      command: `${BIN}/tsx`,
      args: ["scripts/image-check.ts"],
    },
    "buffer",
  ),
  postgresEnv &&
    spawnStep(
      {
        title: "Database tests on PostgreSQL (vitest, *.db.test.ts)",
        command: `${BIN}/vitest`,
        args: ["run", ".db.test.", "--maxWorkers=1"],
        env: postgresEnv,
      },
      "buffer",
    ),
]);
if (postgres && postgresEnv) {
  // Specs tagged @database-independent (e2e/fixtures.ts DATABASE_INDEPENDENT) ran in the SQLite run.
  await run("End-to-end tests on PostgreSQL (Playwright, Chromium)", `${BIN}/playwright`, ["test"], postgresEnv);
  await postgres.stop();
}
console.log("\nAll tests passed.");
