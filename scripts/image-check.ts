// npm test's check of the container image's steps (the machines that test this cannot build
// images): the Dockerfile's build step assembles the image's files from the production build npm
// test just made (`scripts/image.ts build --skip-next-build`), into a directory outside the
// project, so nothing resolves from the project's own node_modules; its start step then runs
// there exactly as the image's CMD does. Checks: the setup page of an empty installation,
// /api/health and /api/ready, /api/ready failing once the database is gone, and a clean SIGTERM.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort } from "./lib/free-port";

const started = Date.now();
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-image-"));
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

function fail(message: string): never {
  throw new Error(`${message}\n--- the image's output ---\n${output.join("")}`);
}

const output: string[] = [];

async function main() {
  const build = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "scripts/image.ts", "build", outDir, "--skip-next-build"],
    { stdio: "inherit" },
  );
  if (build.status !== 0) throw new Error("scripts/image.ts build failed");
  console.log(`Image files assembled in ${outDir} (${seconds()})`);

  const port = Number(process.env.IMAGE_CHECK_PORT ?? (await freePort()));
  const url = `http://127.0.0.1:${port}`;
  // The image's CMD, with the variables compose.yaml gives it.
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/image.ts", "start"], {
    cwd: outDir,
    // Its own process group, so a failed check can stop the server under the start step too.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: "file:./data/handoff.db",
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      HANDOFF_SHUTDOWN_TIMEOUT_MS: "5000",
      NODE_ENV: "production",
    },
  });
  app.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  app.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    app.on("exit", (code, signal) => resolve({ code, signal })),
  );

  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (app.exitCode !== null) fail(`The image's start step exited with ${app.exitCode}`);
      if (Date.now() > deadline) fail("The image's server did not answer /api/health within 120 s");
      const health = await fetch(`${url}/api/health`).catch(() => null);
      if (health?.ok) {
        const body = (await health.json()) as { status?: string };
        if (body.status !== "ok") fail(`/api/health answered ${JSON.stringify(body)}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    console.log(`/api/health: 200 (${seconds()})`);

    const ready = await fetch(`${url}/api/ready`);
    const readyBody = (await ready.json()) as Record<string, unknown>;
    if (ready.status !== 200 || readyBody.database !== "ok" || readyBody.migrations !== "ok") {
      fail(`/api/ready answered ${ready.status} ${JSON.stringify(readyBody)}`);
    }
    if (readyBody.personio !== "not_connected") fail(`/api/ready: personio ${String(readyBody.personio)}`);
    console.log(`/api/ready: 200 ${JSON.stringify(readyBody)}`);

    // An empty installation: every page leads to the setup page, which serves its form and its
    // static assets (copied beside the standalone server).
    const setup = await fetch(`${url}/`);
    const page = await setup.text();
    if (new URL(setup.url).pathname !== "/setup") fail(`/ led to ${setup.url}, not to /setup`);
    if (setup.status !== 200 || !page.includes("Set up Handoff")) fail(`/setup answered ${setup.status}`);
    const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(page)?.[1];
    if (!script || !(await fetch(`${url}${script}`)).ok) fail(`/setup's script ${script} is not served`);
    if (!output.join("").includes("setup token")) fail("The log does not announce the setup token");
    console.log(`/ → /setup: 200 with the setup form, ${script} served (${seconds()})`);

    for (const suffix of ["", "-wal", "-shm"])
      fs.rmSync(path.join(outDir, "data", `handoff.db${suffix}`), { force: true });
    const gone = await fetch(`${url}/api/ready`);
    const goneBody = (await gone.json()) as Record<string, unknown>;
    if (gone.status !== 503 || goneBody.database !== "missing") {
      fail(`/api/ready with the database gone answered ${gone.status} ${JSON.stringify(goneBody)}`);
    }
    console.log(`/api/ready with the database file removed: 503 ${JSON.stringify(goneBody)}`);

    const stopAt = Date.now();
    app.kill("SIGTERM");
    const exit = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))]);
    if (!exit) fail("The image's process did not exit within 15 s of SIGTERM");
    console.log(`SIGTERM → exited (code ${exit.code}, signal ${exit.signal}) in ${Date.now() - stopAt} ms`);
  } finally {
    if (app.exitCode === null && app.signalCode === null) process.kill(-app.pid!, "SIGKILL");
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  console.log(`Image check passed in ${seconds()}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  fs.rmSync(outDir, { recursive: true, force: true });
  process.exit(1);
});
