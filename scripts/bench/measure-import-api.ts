// Import and REST API figures: a 100k-row German Excel-style CSV imported through the app
// (upload, preview, the server-side import polled to the end, then the same file again), the
// server's memory sampled throughout; then, with those 100k candidates in the database, API create
// and list latencies over HTTP with an API key. Once per database (SQLite, PostgreSQL).
import fs from "node:fs";

import { generateApiKey } from "@/lib/api-keys/key-material";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/create-prisma-client";

import type { AppSecrets } from "../lib/app-with-sandbox";
import { migrateDatabase, resetDatabase } from "../lib/database";
import { startApp, type RunningApp } from "./app-server";
import { BENCH_PASSWORD } from "./dataset";
import { callAction, findActionId, signIn, type Session } from "./http-session";
import { benchImportCsv } from "./import-file";
import { percentile } from "./stats";

export type ImportRun = { wallMs: number; peakRssMb: number; counts: Record<string, number> };

export type ImportApiResult = {
  database: "SQLite" | "PostgreSQL";
  rows: number;
  fileMb: number;
  baselineRssMb: number;
  uploadMs: number;
  previewMs: number;
  first: ImportRun;
  second: ImportRun;
  candidatesDuringApi: number;
  apiSamples: number;
  create: { p50: number; p95: number };
  list: { p50: number; p95: number };
  listFiltered: { p50: number; p95: number };
};

/** Resident memory of a process and its children (kB → MB), from /proc. */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let kb = 0;
  const visit = (id: number) => {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${id}/status`, "utf8"));
      kb += Number(match?.[1] ?? 0);
    } catch {
      return;
    }
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return kb / 1024;
}

function sampleMemory(pid: number) {
  let peak = treeRssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(pid))), 100);
  return { stop: () => (clearInterval(timer), Math.max(peak, treeRssMb(pid))) };
}

async function upload(
  app: RunningApp,
  session: Session,
  bytes: Buffer,
  name: string,
): Promise<{ importId: string; ms: number }> {
  const start = performance.now();
  const response = await fetch(`${app.url}/api/imports`, {
    method: "POST",
    headers: { cookie: session.cookie, "content-type": "application/octet-stream", "x-file-name": name },
    body: new Uint8Array(bytes),
  });
  const body = (await response.json()) as { importId?: string; code?: string };
  if (!body.importId) throw new Error(`upload failed: ${response.status} ${JSON.stringify(body)}`);
  return { importId: body.importId, ms: performance.now() - start };
}

async function runImport(
  app: RunningApp,
  session: Session,
  bytes: Buffer,
  log: (message: string) => void,
): Promise<{ run: ImportRun; uploadMs: number; previewMs: number }> {
  const memory = sampleMemory(app.pid);
  const started = performance.now();
  const { importId, ms: uploadMs } = await upload(app, session, bytes, "bench-100k.csv");
  log(`  uploaded and read in ${(uploadMs / 1000).toFixed(1)} s`);
  const preview = await callAction(app.url, session, {
    actionId: findActionId("previewImportAction"),
    path: `/import/${importId}`,
    input: { importId },
  });
  const mapping = (preview.result as { data?: { mapping: Record<string, number> } }).data?.mapping;
  if (!mapping) throw new Error(`preview failed: ${JSON.stringify(preview.result)}`);
  log(`  preview in ${(preview.totalMs / 1000).toFixed(1)} s`);
  await callAction(app.url, session, {
    actionId: findActionId("startImportAction"),
    path: `/import/${importId}`,
    input: { importId, mapping, externalSource: "bench" },
  });
  let lastLog = performance.now();
  for (;;) {
    const response = await fetch(`${app.url}/api/imports/${importId}`, { headers: { cookie: session.cookie } });
    const status = (await response.json()) as { status: string; counts: Record<string, number> };
    if (status.status === "DONE" || status.status === "FAILED") {
      const wallMs = performance.now() - started;
      if (status.status === "FAILED") throw new Error("the import failed");
      return { run: { wallMs, peakRssMb: memory.stop(), counts: status.counts }, uploadMs, previewMs: preview.totalMs };
    }
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(`  ${status.status}: ${JSON.stringify(status.counts)}`);
    }
    if (performance.now() - started > 15 * 60_000) throw new Error("the import took over 15 minutes");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function timeRequests(count: number, request: (index: number) => Promise<Response>, expected: number) {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = performance.now();
    const response = await request(index);
    await response.arrayBuffer();
    samples.push(performance.now() - start);
    if (response.status !== expected) throw new Error(`API answered ${response.status}, expected ${expected}`);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

export async function benchImportAndApi(options: {
  databaseUrl: string;
  database: ImportApiResult["database"];
  sandboxUrl: string;
  secrets: AppSecrets;
  rows: number;
  apiSamples: number;
  log: (message: string) => void;
}): Promise<ImportApiResult> {
  const { databaseUrl, log } = options;
  await resetDatabase(databaseUrl);
  migrateDatabase(databaseUrl, { quiet: true });
  const prisma = createPrismaClient(databaseUrl);
  // Roles (and Admin's import permission) come from the migrations.
  const adminEmail = "bench.admin@handoff.test";
  await prisma.user.create({
    data: { name: "Bench Admin", email: adminEmail, roleId: "admin", passwordHash: await hashPassword(BENCH_PASSWORD) },
  });
  const material = generateApiKey();
  await prisma.apiKey.create({
    data: {
      name: "bench",
      prefix: material.prefix,
      keyHash: material.keyHash,
      scopes: "candidates:read candidates:write",
      rateLimitPerMinute: 100_000,
    },
  });

  const file = benchImportCsv(options.rows);
  // Without the SQL probe: this part measures the server's memory (app-server.ts).
  const app = await startApp({
    databaseUrl,
    sandboxUrl: options.sandboxUrl,
    secrets: options.secrets,
    label: `import-${options.database}`,
    probe: false,
  });
  try {
    const session = await signIn(app.url, adminEmail, BENCH_PASSWORD);
    const baselineRssMb = treeRssMb(app.pid);
    log(`import on ${options.database}: ${options.rows} rows (${(file.length / 2 ** 20).toFixed(1)} MB), first run`);
    const first = await runImport(app, session, file, log);
    log(
      `import on ${options.database}: ${(first.run.wallMs / 1000).toFixed(1)} s, peak ${first.run.peakRssMb.toFixed(0)} MB, ${JSON.stringify(first.run.counts)}`,
    );
    const second = await runImport(app, session, file, log);
    log(
      `import on ${options.database}: the same file again ${(second.run.wallMs / 1000).toFixed(1)} s, ${JSON.stringify(second.run.counts)}`,
    );

    const headers = { authorization: `Bearer ${material.key}`, "content-type": "application/json" };
    const candidatesDuringApi = await prisma.candidate.count();
    const jobTitle = "Backend Engineer";
    for (let index = 0; index < 20; index += 1)
      await (await fetch(`${app.url}/api/v1/candidates?limit=50`, { headers })).arrayBuffer();
    log(
      `API on ${options.database} at ${candidatesDuringApi} candidates: ${options.apiSamples} creates, ${options.apiSamples} lists`,
    );
    const create = await timeRequests(
      options.apiSamples,
      (index) =>
        fetch(`${app.url}/api/v1/candidates`, {
          method: "POST",
          headers,
          body: JSON.stringify({
            firstName: "Api",
            lastName: `Bench ${index}`,
            email: `api.bench.${index}@example.com`,
            jobTitle,
            stage: "SCREENING",
          }),
        }),
      201,
    );
    let cursor: string | null = null;
    const list = await timeRequests(
      options.apiSamples,
      async (index) => {
        // First pages and pages further in, by following the cursor.
        const response = await fetch(
          `${app.url}/api/v1/candidates?limit=50${index % 10 !== 0 && cursor ? `&cursor=${cursor}` : ""}`,
          { headers },
        );
        const copy = response.clone();
        cursor = ((await copy.json()) as { nextCursor: string | null }).nextCursor;
        return response;
      },
      200,
    );
    const listFiltered = await timeRequests(
      options.apiSamples,
      (index) =>
        fetch(`${app.url}/api/v1/candidates?limit=50&stage=${["HIRED", "OFFER", "INTERVIEW"][index % 3]}`, { headers }),
      200,
    );
    return {
      database: options.database,
      rows: options.rows,
      fileMb: file.length / 2 ** 20,
      baselineRssMb,
      uploadMs: first.uploadMs,
      previewMs: first.previewMs,
      first: first.run,
      second: second.run,
      candidatesDuringApi,
      apiSamples: options.apiSamples,
      create,
      list,
      listFiltered,
    };
  } finally {
    await app.stop();
    await prisma.$disconnect();
  }
}
