// npm run bench [-- --quick] [-- --build] [-- --only=send|pages|postgres|import|form|webhooks|browser|logs|instances|retention|documents]
// Starts the production build and the Personio sandbox on free ports, measures a send, the pages
// at 1k/10k/100k candidates, a burst of sends and what the browser gets, several runs each, and
// writes bench/results/latest.{json,md}. How each figure is measured: bench/README.md.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

import Database from "better-sqlite3";

import { searchWords } from "@/lib/candidates/search-text";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { createSandboxAdmin } from "@/scripts/personio-sandbox/admin-client";
import type { PersonioSandbox } from "@/scripts/personio-sandbox/server";

import { ensureProductionBuild, startApp, type RunningApp } from "./bench/app-server";
import { BENCH_PASSWORD, createBenchDataset, type BenchDataset } from "./bench/dataset";
import { findActionId, signIn } from "./bench/http-session";
import { measureFirstLoadJs, measureLighthouse } from "./bench/measure-browser";
import { runBurst, type BurstRun } from "./bench/measure-burst";
import { measureDocuments, writeDocumentsSection, type DocumentsResult } from "./bench/measure-documents";
import { benchImportAndApi } from "./bench/measure-import-api";
import {
  measureRequestLog,
  runInstancesBurst,
  writeInstancesSection,
  writeRequestLogSection,
  type InstancesBurst,
  type RequestLogResult,
} from "./bench/measure-operations";
import { collectPlans, measurePages, pageCases } from "./bench/measure-pages";
import { measureRetention, writeRetentionSection, type RetentionResult } from "./bench/measure-retention";
import {
  createFloorToken,
  measureActionBaseline,
  measureSendLatency,
  sendOnce,
  type SendContext,
} from "./bench/measure-send";
import { measureSendForm, SEND_FORM_FIELDS } from "./bench/measure-send-form";
import { createBenchSource, runWebhookBurst } from "./bench/measure-webhooks";
import { copyDatasetToPostgres } from "./bench/postgres-copy";
import {
  budgetVerdicts,
  writeBrowserSection,
  writeImportApiSection,
  writeResults,
  writeSendFormSection,
  writeWebhooksSection,
  type BenchResults,
} from "./bench/report";
import { generateAppSecrets, startDemoSandbox, type AppSecrets } from "./lib/app-with-sandbox";
import { connectDemoIntegration } from "./lib/personio-demo";
import { postgresDatabaseUrl } from "./lib/postgres-databases";
import { findPostgresBinaries, startPostgresServer } from "./lib/postgres-server";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
// --only=send or --only=pages: a part alone, while working on it (the results file is then partial).
const only = [...args].find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const SETTINGS = {
  runs: quick ? 2 : 3,
  sizes: quick ? [1_000, 10_000] : [1_000, 10_000, 100_000],
  // 60 per page per run: the p95 of 25 samples was their second slowest, so one garbage collection
  // or scheduling pause in a run decided it (a 1k page with 0.7 ms of DB time had a p95 of 72 ms).
  pageSamples: quick ? 6 : 60,
  pageWarmup: quick ? 3 : 10,
  latencies: [0, 50, 200],
  sendsPerRun: quick ? 4 : 15,
  burstRuns: quick ? 1 : 3,
  burstSends: 100,
  recruiters: 20,
  lighthouseRuns: quick ? 1 : 3,
  importRows: quick ? 10_000 : 100_000,
  apiSamples: quick ? 50 : 200,
  formOpenings: quick ? 8 : 20,
  formEmployees: 250,
  logSamples: quick ? 30 : 100,
  instanceBurstRuns: quick ? 1 : 2,
};

const started = Date.now();
const log = (message: string) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

function gitState() {
  const commit = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim();
  const dirty =
    execFileSync("git", ["status", "--porcelain", "--", "app", "components", "lib", "prisma"], {
      encoding: "utf8",
    }).trim() !== "";
  return { commit, dirty };
}

// The same matches lib/candidates/queries.ts finds (words of three letters or more through the
// FTS5 trigram table, shorter ones as key prefixes), for the "matches" column only.
function countMatches(file: string, q: string): number {
  const sqlite = new Database(file, { readonly: true });
  try {
    const words = searchWords(q);
    const clauses: string[] = [];
    const values: string[] = [];
    const long = words.filter((word) => !word.isShort);
    if (long.length > 0) {
      clauses.push("id IN (SELECT candidateId FROM CandidateSearch WHERE CandidateSearch MATCH ?)");
      values.push(
        long
          .map((word) => `(${word.forms.map((form) => `"${form.replaceAll('"', '""')}"`).join(" OR ")})`)
          .join(" AND "),
      );
    }
    for (const word of words.filter((each) => each.isShort)) {
      clauses.push(
        `(${word.forms.map(() => "(firstNameKey >= ? AND firstNameKey < ?) OR (lastNameKey >= ? AND lastNameKey < ?) OR (emailKey >= ? AND emailKey < ?)").join(" OR ")})`,
      );
      values.push(...word.forms.flatMap((form) => Array.from({ length: 3 }, () => [form, `${form}\u{10FFFF}`]).flat()));
    }
    return (
      sqlite.prepare(`SELECT COUNT(*) AS n FROM Candidate WHERE ${clauses.join(" AND ") || "1"}`).get(...values) as {
        n: number;
      }
    ).n;
  } finally {
    sqlite.close();
  }
}

function candidateIndexes(file: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    const rows = sqlite
      .prepare(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'Candidate' AND type = 'index' AND sql IS NOT NULL ORDER BY name",
      )
      .all() as Array<{ sql: string }>;
    return ["-- plus the primary key (id)", ...rows.map((row) => `${row.sql};`)];
  } finally {
    sqlite.close();
  }
}

// Action ids belong to one build: read them for the build the app was started with.
function actionIds() {
  assertSameBuild();
  return { actionId: findActionId("sendToPersonioAction"), statusActionId: findActionId("getHandoffStatusAction") };
}

// .next is shared with whoever else builds in this tree; a build in the middle of a run would
// make later figures those of other code.
let buildId = "";
function assertSameBuild() {
  const current = fs.readFileSync(".next/BUILD_ID", "utf8").trim();
  if (buildId && current !== buildId)
    throw new Error("The production build changed during the run (someone ran next build): run the bench again.");
  buildId = current;
}

async function prepareDataset(name: string, candidates: number, extraHiredToSend: number, secrets: AppSecrets) {
  const dataset = await createBenchDataset(name, candidates, extraHiredToSend);
  const prisma = createPrismaClient(dataset.databaseUrl);
  await connectDemoIntegration(prisma, secrets.encryptionKey);
  await prisma.$disconnect();
  return dataset;
}

// The app reads the connection's API version per send, so switching it needs no restart.
async function setBenchApiVersion(databaseUrl: string, apiVersion: "v1" | "v2") {
  const prisma = createPrismaClient(databaseUrl);
  try {
    await prisma.personioIntegration.update({ where: { id: "personio" }, data: { apiVersion } });
  } finally {
    await prisma.$disconnect();
  }
}

async function benchPages(sandbox: PersonioSandbox, secrets: AppSecrets, results: BenchResults) {
  for (const size of SETTINGS.sizes) {
    const label = size >= 1000 ? `${size / 1000}k` : String(size);
    log(`pages: seeding ${label} candidates`);
    const dataset = await prepareDataset(label, size, 0, secrets);
    assertSameBuild();
    const app = await startApp({ databaseUrl: dataset.databaseUrl, sandboxUrl: sandbox.url, secrets, label });
    try {
      const session = await signIn(app.url, dataset.recruiterEmails[0]!, BENCH_PASSWORD);
      const cases = pageCases(dataset);
      log(`pages at ${label}: measuring ${cases.length} pages`);
      const pageResults = await measurePages(app, session, cases, {
        runs: SETTINGS.runs,
        samples: SETTINGS.pageSamples,
        warmup: SETTINGS.pageWarmup,
        onProgress: (message) => log(`pages at ${label}: ${message}`),
      });
      const matches: Record<string, number> = {};
      for (const pageCase of cases) {
        const q = new URL(pageCase.path, "http://bench").searchParams.get("q");
        if (q) matches[pageCase.key] = countMatches(dataset.file, q);
      }
      results.pages.push({ candidates: size, results: pageResults, matches });
      if (size === SETTINGS.sizes.at(-1)) {
        results.plans = await collectPlans(
          app,
          session,
          cases.filter((pageCase) => pageCase.key !== "profile"),
        );
        results.indexes = candidateIndexes(dataset.file);
        await benchBrowser(app.url, session, dataset, results);
      }
    } finally {
      await app.stop();
    }
  }
}

// The same pages on PostgreSQL: the datasets above copied into a throwaway server.
async function benchPagesOnPostgres(sandbox: PersonioSandbox, secrets: AppSecrets, results: BenchResults) {
  if (!findPostgresBinaries()) {
    log("pages on PostgreSQL: skipped, no PostgreSQL installed");
    return;
  }
  const server = await startPostgresServer();
  try {
    for (const size of SETTINGS.sizes) {
      const label = size >= 1000 ? `${size / 1000}k` : String(size);
      log(`pages on PostgreSQL: copying ${label} candidates`);
      const dataset = await prepareDataset(label, size, 0, secrets);
      const databaseUrl = postgresDatabaseUrl(server.url, `bench_${label}`);
      await copyDatasetToPostgres(dataset.databaseUrl, databaseUrl);
      assertSameBuild();
      const app = await startApp({ databaseUrl, sandboxUrl: sandbox.url, secrets, label: `pg-${label}` });
      try {
        const session = await signIn(app.url, dataset.recruiterEmails[0]!, BENCH_PASSWORD);
        const cases = pageCases(dataset);
        const pageResults = await measurePages(app, session, cases, {
          runs: SETTINGS.runs,
          samples: SETTINGS.pageSamples,
          warmup: SETTINGS.pageWarmup,
          onProgress: (message) => log(`pages on PostgreSQL at ${label}: ${message}`),
        });
        results.pagesPostgres.push({ candidates: size, results: pageResults });
      } finally {
        await app.stop();
      }
    }
  } finally {
    await server.stop();
  }
}

async function benchBrowser(
  baseUrl: string,
  session: Awaited<ReturnType<typeof signIn>>,
  dataset: BenchDataset,
  results: BenchResults,
) {
  log("browser: first-load JavaScript of the list and the profile");
  results.firstLoadJs = await measureFirstLoadJs(baseUrl, session, [
    { page: "Candidate list", path: "/candidates" },
    { page: "Candidate profile", path: `/candidates/${dataset.sendableCandidateIds[0] ?? dataset.sentCandidateId}` },
  ]);
  for (const { page, path } of [
    { page: "Candidate list", path: "/candidates" },
    { page: "Candidate profile", path: `/candidates/${dataset.sentCandidateId}` },
  ]) {
    log(`browser: Lighthouse on the ${page.toLowerCase()} (${SETTINGS.lighthouseRuns} runs)`);
    results.lighthouse.push({ page, ...(await measureLighthouse(baseUrl, session, path, SETTINGS.lighthouseRuns)) });
  }
}

// --only=browser: what the browser gets, on its own (a full run measures it at the largest size
// of the pages part). What a page's scripts weigh does not depend on how many candidates there
// are, and Lighthouse's accessibility audit neither.
const BROWSER_ALONE_CANDIDATES = 1_000;

async function benchBrowserAlone(sandbox: PersonioSandbox, secrets: AppSecrets, results: BenchResults) {
  log(`browser: seeding ${BROWSER_ALONE_CANDIDATES} candidates`);
  const dataset = await prepareDataset("browser", BROWSER_ALONE_CANDIDATES, 0, secrets);
  assertSameBuild();
  const app = await startApp({ databaseUrl: dataset.databaseUrl, sandboxUrl: sandbox.url, secrets, label: "browser" });
  try {
    const session = await signIn(app.url, dataset.recruiterEmails[0]!, BENCH_PASSWORD);
    await benchBrowser(app.url, session, dataset, results);
  } finally {
    await app.stop();
  }
}

async function benchSends(sandbox: PersonioSandbox, secrets: AppSecrets, results: BenchResults) {
  const admin = createSandboxAdmin(sandbox.url);
  // Each latency is measured twice: the connection on Personio's API v1, then on v2.
  const perLatency = 2 * SETTINGS.latencies.length * (SETTINGS.runs * SETTINGS.sendsPerRun + 2) + 3;
  const needed = perLatency + SETTINGS.burstRuns * (SETTINGS.burstSends + 1) + 10;
  log("send: seeding the send database");
  const dataset = await prepareDataset("send", 1_000, needed, secrets);
  const queue = [...dataset.sendableCandidateIds];
  const nextCandidate = () => {
    const id = queue.shift();
    if (!id) throw new Error("The bench ran out of candidates to send");
    return id;
  };
  let app = await startApp({ databaseUrl: dataset.databaseUrl, sandboxUrl: sandbox.url, secrets, label: "send" });
  try {
    const sessions = [];
    log(`send: signing in ${SETTINGS.recruiters} recruiters`);
    for (const email of dataset.recruiterEmails.slice(0, SETTINGS.recruiters))
      sessions.push(await signIn(app.url, email, BENCH_PASSWORD));
    const context: SendContext = {
      app,
      admin,
      sandboxUrl: sandbox.url,
      session: sessions[0]!,
      ...actionIds(),
      nextCandidate,
    };
    const floor = await createFloorToken(admin, sandbox.url);
    // Warm-up: the first send caches the token (its one auth call is not measured).
    for (let index = 0; index < 3; index += 1) await sendOnce(context);
    log("send: an authorized action that does no Personio work, for comparison");
    results.actionBaseline = await measureActionBaseline(context, {
      runs: SETTINGS.runs,
      samples: SETTINGS.sendsPerRun * 2,
    });
    log("send: latency at 0 / 50 / 200 ms added by the sandbox");
    results.send = await measureSendLatency(context, floor, {
      latencies: SETTINGS.latencies,
      runs: SETTINGS.runs,
      sendsPerRun: SETTINGS.sendsPerRun,
      onProgress: (message) => log(`send: ${message}`),
    });
    log("send: the same on Personio's API v2 (one create per first send)");
    await setBenchApiVersion(dataset.databaseUrl, "v2");
    // Warm-up: the first v2 send fetches the v2 token (not measured).
    await sendOnce(context);
    results.sendV2 = await measureSendLatency(context, floor, {
      latencies: SETTINGS.latencies,
      runs: SETTINGS.runs,
      sendsPerRun: SETTINGS.sendsPerRun,
      onProgress: (message) => log(`send v2: ${message}`),
      apiVersion: "v2",
    });
    await setBenchApiVersion(dataset.databaseUrl, "v1");

    const bursts: BurstRun[] = [];
    for (let run = 0; run < SETTINGS.burstRuns; run += 1) {
      // A fresh process per run: the app's own per-minute read budget starts empty, as it
      // would after a quiet minute; its session cookies stay valid (same secret).
      await app.stop();
      app = await startApp({
        databaseUrl: dataset.databaseUrl,
        sandboxUrl: sandbox.url,
        secrets,
        label: `burst ${run + 1}`,
      });
      const burstContext: SendContext = { ...context, ...actionIds(), app };
      await sendOnce(burstContext); // caches the token in the new process
      log(`burst ${run + 1}/${SETTINGS.burstRuns}: ${SETTINGS.burstSends} sends by ${SETTINGS.recruiters} recruiters`);
      bursts.push(await runBurst(burstContext, sandbox, admin, sessions, { sends: SETTINGS.burstSends }));
      const last = bursts.at(-1)!;
      log(
        `burst ${run + 1}: ${last.throughputPerSecond.toFixed(1)} sends/s, p95 ${last.p95Ms.toFixed(0)} ms, auth ${last.calls.auth}, 429s ${last.rateLimited429}`,
      );
    }
    results.burst = bursts;
  } finally {
    await app.stop();
  }
}

// Opening the review form with hire date, department and office offered: cold and cached lists,
// 50 ms added to every Personio call, and the Personio calls each opening makes.
async function benchSendForm(sandbox: PersonioSandbox, secrets: AppSecrets, results: BenchResults) {
  const admin = createSandboxAdmin(sandbox.url);
  log("review form: seeding");
  const dataset = await prepareDataset("form", 1_000, 50, secrets);
  const prisma = createPrismaClient(dataset.databaseUrl);
  try {
    await prisma.personioFieldConfig.upsert({
      where: { id: "personio" },
      create: { id: "personio", fields: JSON.stringify(SEND_FORM_FIELDS) },
      update: { fields: JSON.stringify(SEND_FORM_FIELDS) },
    });
    const departments = ["Engineering", "Sales", "People", "Customer Support", "Finance"];
    const offices = ["Berlin", "Munich", "Madrid", "London"];
    const existing = (await admin.employees()).length;
    await admin.seedEmployees(
      Array.from({ length: Math.max(0, SETTINGS.formEmployees - existing) }, (_, index) => ({
        firstName: `Form${index}`,
        lastName: "Bench",
        email: `form${index}.${Date.now().toString(36)}@bench.example`,
        department: departments[index % departments.length]!,
        office: offices[index % offices.length]!,
      })),
    );
    const employees = (await admin.employees()).length;
    assertSameBuild();
    const app = await startApp({ databaseUrl: dataset.databaseUrl, sandboxUrl: sandbox.url, secrets, label: "form" });
    try {
      const session = await signIn(app.url, dataset.recruiterEmails[0]!, BENCH_PASSWORD);
      results.sendForm = await measureSendForm(
        {
          app,
          session,
          admin,
          prisma,
          actionId: findActionId("getSendFormAction"),
          candidateIds: dataset.sendableCandidateIds.slice(0, 50),
          employees,
        },
        {
          latencyMs: 50,
          runs: SETTINGS.runs,
          openings: SETTINGS.formOpenings,
          onProgress: (message) => log(`review form: ${message}`),
        },
      );
      const { cold, cached } = results.sendForm;
      log(
        `review form: cold p95 ${cold.p95.median.toFixed(1)} ms (${cold.callsPerOpening.toFixed(2)} calls), cached p95 ${cached.p95.median.toFixed(1)} ms (${cached.callsPerOpening.toFixed(2)} calls)`,
      );
    } finally {
      await app.stop();
    }
  } finally {
    await prisma.$disconnect();
  }
}

// 1,000 signed deliveries from 50 concurrent senders, on SQLite and (when installed) PostgreSQL.
// The per-source flood bound is raised for this run: it measures the receiver, not the limiter.
async function benchWebhooks(sandbox: PersonioSandbox, secrets: AppSecrets, results: BenchResults) {
  const previousLimit = process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE;
  process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE = "1000000";
  try {
    const targets: Array<{ database: string; databaseUrl: string; stop?: () => Promise<void> }> = [];
    const dataset = await prepareDataset("webhooks", 1_000, 0, secrets);
    targets.push({ database: "SQLite", databaseUrl: dataset.databaseUrl });
    if (findPostgresBinaries()) {
      const server = await startPostgresServer();
      const databaseUrl = postgresDatabaseUrl(server.url, "bench_webhooks");
      await copyDatasetToPostgres(dataset.databaseUrl, databaseUrl);
      targets.push({ database: "PostgreSQL", databaseUrl, stop: () => server.stop() });
    } else {
      log("webhooks on PostgreSQL: skipped, no PostgreSQL installed");
    }
    for (const target of targets) {
      try {
        const source = await createBenchSource(target.databaseUrl, secrets.encryptionKey);
        assertSameBuild();
        const app = await startApp({
          databaseUrl: target.databaseUrl,
          sandboxUrl: sandbox.url,
          secrets,
          label: `webhooks ${target.database}`,
        });
        try {
          for (let run = 0; run < SETTINGS.runs; run += 1) {
            log(`webhooks on ${target.database}: run ${run + 1}/${SETTINGS.runs}, 1,000 deliveries from 50 senders`);
            const result = await runWebhookBurst({
              baseUrl: app.url,
              databaseUrl: target.databaseUrl,
              ...source,
              idBase: 10_000_000 * (run + 1),
            });
            log(
              `webhooks on ${target.database}: p95 ${result.p95Ms.toFixed(0)} ms, ${result.perSecond.toFixed(0)}/s, ${result.candidatesForIds}/${result.distinctIds} candidates, duplicates ${result.duplicatesInDb}, lost ${result.lost}`,
            );
            results.webhooks.push({ database: target.database, ...result });
          }
        } finally {
          await app.stop();
        }
      } finally {
        await target.stop?.();
      }
    }
  } finally {
    if (previousLimit === undefined) delete process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE;
    else process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE = previousLimit;
  }
}

// A 100k-row import and the REST API at 100k candidates, on SQLite and on a throwaway PostgreSQL.
async function benchImportApi(sandbox: PersonioSandbox, secrets: AppSecrets, results: BenchResults) {
  const common = { sandboxUrl: sandbox.url, secrets, rows: SETTINGS.importRows, apiSamples: SETTINGS.apiSamples, log };
  assertSameBuild();
  results.importApi.push(
    await benchImportAndApi({ ...common, databaseUrl: "file:./data/bench-import.db", database: "SQLite" }),
  );
  if (!findPostgresBinaries()) {
    log("import on PostgreSQL: skipped, no PostgreSQL installed");
    return;
  }
  const server = await startPostgresServer();
  try {
    assertSameBuild();
    results.importApi.push(
      await benchImportAndApi({
        ...common,
        databaseUrl: postgresDatabaseUrl(server.url, "bench_import"),
        database: "PostgreSQL",
      }),
    );
  } finally {
    await server.stop();
  }
}

// 7. The access log's line per request: the list page from two processes of one build, with the
// line and without, sampled in turns.
async function benchRequestLog(sandbox: PersonioSandbox, secrets: AppSecrets): Promise<RequestLogResult> {
  log("access log: seeding 1k candidates");
  const dataset = await prepareDataset("logs", 1_000, 0, secrets);
  assertSameBuild();
  const start = (label: string, logRequests: boolean) =>
    startApp({
      databaseUrl: dataset.databaseUrl,
      sandboxUrl: sandbox.url,
      secrets,
      label: `access log ${label}`,
      probe: false,
      env: { LOG_REQUESTS: String(logRequests) },
    });
  const apps = { on: await start("on", true), off: await start("off", false), control: await start("control", false) };
  try {
    const email = dataset.recruiterEmails[0]!;
    const sessions = {
      on: await signIn(apps.on.url, email, BENCH_PASSWORD),
      off: await signIn(apps.off.url, email, BENCH_PASSWORD),
      control: await signIn(apps.control.url, email, BENCH_PASSWORD),
    };
    log(`access log: ${SETTINGS.runs} runs of ${SETTINGS.logSamples} list pages from each process`);
    const result = await measureRequestLog(apps, sessions, {
      path: "/candidates",
      runs: SETTINGS.runs,
      samples: SETTINGS.logSamples,
      warmup: SETTINGS.pageWarmup,
    });
    log(
      `access log: p50 ${result.on.p50.median.toFixed(1)} ms on, ${result.off.p50.median.toFixed(1)} ms off (×${result.ratioP50.toFixed(3)}; control ×${result.controlRatioP50.toFixed(3)}); p95 ×${result.ratioP95.toFixed(3)} (control ×${result.controlRatioP95.toFixed(3)})`,
    );
    return result;
  } finally {
    await Promise.all(Object.values(apps).map((app) => app.stop()));
  }
}

// 9. The daily retention job on 100k candidates, and the list page's p95 while it runs.
async function benchRetention(sandbox: PersonioSandbox, secrets: AppSecrets): Promise<RetentionResult> {
  const size = quick ? 10_000 : 100_000;
  log(`retention: seeding ${size / 1000}k candidates`);
  const dataset = await prepareDataset("retention", size, 0, secrets);
  assertSameBuild();
  return measureRetention({
    dataset,
    sandboxUrl: sandbox.url,
    secrets,
    samples: SETTINGS.logSamples,
    warmup: SETTINGS.pageWarmup,
    log,
  });
}

// 10. A send with two 5 MB documents against one without, and the server's peak memory.
async function benchDocuments(sandbox: PersonioSandbox, secrets: AppSecrets): Promise<DocumentsResult> {
  const sends = quick ? 3 : 10;
  const dataset = await prepareDataset("documents", 1_000, 2 * sends + 2, secrets);
  const queue = [...dataset.sendableCandidateIds];
  assertSameBuild();
  const app = await startApp({
    databaseUrl: dataset.databaseUrl,
    sandboxUrl: sandbox.url,
    secrets,
    label: "documents",
    probe: false,
    env: { DOCUMENTS_DIR: `data/bench-documents-${process.pid}` },
  });
  try {
    const session = await signIn(app.url, dataset.recruiterEmails[0]!, BENCH_PASSWORD);
    return await measureDocuments({
      app,
      session,
      databaseFile: dataset.file,
      actionId: actionIds().actionId,
      nextCandidate: () => {
        const id = queue.shift();
        if (!id) throw new Error("The bench ran out of candidates to send");
        return id;
      },
      sends,
      log,
    });
  } finally {
    await app.stop();
    fs.rmSync(`data/bench-documents-${process.pid}`, { recursive: true, force: true });
  }
}

// 8. A burst of sends over one and over three app processes on one PostgreSQL database.
async function benchInstances(sandbox: PersonioSandbox, secrets: AppSecrets): Promise<InstancesBurst[]> {
  if (!findPostgresBinaries()) {
    log("instances: skipped, no PostgreSQL installed");
    return [];
  }
  const admin = createSandboxAdmin(sandbox.url);
  const perBurst = SETTINGS.burstSends + 3;
  const dataset = await prepareDataset("instances", 1_000, SETTINGS.instanceBurstRuns * 2 * perBurst + 10, secrets);
  const queue = [...dataset.sendableCandidateIds];
  const nextCandidate = () => {
    const id = queue.shift();
    if (!id) throw new Error("The bench ran out of candidates to send");
    return id;
  };
  const server = await startPostgresServer();
  const bursts: InstancesBurst[] = [];
  try {
    const databaseUrl = postgresDatabaseUrl(server.url, "bench_instances");
    await copyDatasetToPostgres(dataset.databaseUrl, databaseUrl);
    for (let run = 0; run < SETTINGS.instanceBurstRuns; run += 1) {
      for (const instances of [1, 3]) {
        assertSameBuild();
        const apps: RunningApp[] = [];
        try {
          for (let index = 0; index < instances; index += 1)
            apps.push(
              await startApp({
                databaseUrl,
                sandboxUrl: sandbox.url,
                secrets,
                label: `instances ${instances} #${index + 1}`,
                probe: false,
              }),
            );
          const ids = actionIds();
          const contexts: SendContext[] = [];
          for (const [index, email] of dataset.recruiterEmails.slice(0, SETTINGS.recruiters).entries()) {
            const app = apps[index % apps.length]!;
            const session = await signIn(app.url, email, BENCH_PASSWORD);
            contexts.push({ app, admin, sandboxUrl: sandbox.url, session, ...ids, nextCandidate });
          }
          // One send per process first: each finds (or, the first, fetches) the token.
          for (const app of apps) await sendOnce(contexts.find((context) => context.app === app)!);
          log(`instances: run ${run + 1}, ${SETTINGS.burstSends} sends over ${instances} process(es)`);
          const burst = await runInstancesBurst(contexts, sandbox, admin, { sends: SETTINGS.burstSends, instances });
          log(
            `instances ${instances}: ${burst.throughputPerSecond.toFixed(2)} sends/s, peak ${burst.peakReadsPerSecond} reads/s, ${burst.distinctBearerTokens} token(s), ${burst.authCalls} auth, ${burst.rateLimited429} 429s`,
          );
          bursts.push(burst);
        } finally {
          await Promise.all(apps.map((app) => app.stop()));
        }
        // The sandbox's and the app's minute windows empty before the next burst.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  } finally {
    await server.stop();
  }
  return bursts;
}

async function main() {
  const { commit, dirty } = gitState();
  const results: BenchResults = {
    startedAt: new Date(started).toISOString(),
    durationSeconds: 0,
    commit,
    dirty,
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? "unknown",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadBefore: os.loadavg(),
      loadAfter: [],
    },
    settings: { ...SETTINGS, sizes: SETTINGS.sizes.join(","), latencies: SETTINGS.latencies.join(","), quick },
    build: null,
    send: [],
    sendV2: [],
    actionBaseline: null,
    pages: [],
    pagesPostgres: [],
    plans: [],
    indexes: [],
    burst: [],
    firstLoadJs: [],
    lighthouse: [],
    webhooks: [],
    importApi: [],
    sendForm: null,
  };
  results.build = ensureProductionBuild({ force: args.has("--build") });
  assertSameBuild();
  // Secrets for this run only.
  const secrets = generateAppSecrets();
  const sandbox = await startDemoSandbox({ port: 0, quiet: true });
  log(`Personio sandbox at ${sandbox.url}`);
  let requestLog: RequestLogResult | null = null;
  let instanceBursts: InstancesBurst[] = [];
  let retention: RetentionResult | null = null;
  let documents: DocumentsResult | null = null;
  try {
    if (!only || only === "send") await benchSends(sandbox, secrets, results);
    if (!only || only === "pages") await benchPages(sandbox, secrets, results);
    if (!only || only === "pages" || only === "postgres") await benchPagesOnPostgres(sandbox, secrets, results);
    if (!only || only === "webhooks") await benchWebhooks(sandbox, secrets, results);
    if (!only || only === "import") await benchImportApi(sandbox, secrets, results);
    if (!only || only === "form") await benchSendForm(sandbox, secrets, results);
    if (only === "browser") await benchBrowserAlone(sandbox, secrets, results);
    if (!only || only === "logs") requestLog = await benchRequestLog(sandbox, secrets);
    if (!only || only === "instances") instanceBursts = await benchInstances(sandbox, secrets);
    if (!only || only === "retention") retention = await benchRetention(sandbox, secrets);
    if (!only || only === "documents") documents = await benchDocuments(sandbox, secrets);
  } finally {
    await sandbox.close();
  }
  assertSameBuild();
  results.machine.loadAfter = os.loadavg();
  results.durationSeconds = (Date.now() - started) / 1000;
  if (only === "form") {
    writeSendFormSection(results);
    log("updated the review form section of bench/results/latest.md");
  } else if (only === "import") {
    // Only this part ran: its section replaces the one in the committed table, the rest stays.
    writeImportApiSection(results);
    log("updated the import and API section of bench/results/latest.md");
  } else if (only === "browser") {
    writeBrowserSection(results, BROWSER_ALONE_CANDIDATES);
    log("updated the browser section of bench/results/latest.md");
  } else if (only === "webhooks") {
    writeWebhooksSection(results);
    log("updated the webhook section of bench/results/latest.md");
  } else if (only !== "logs" && only !== "instances" && only !== "retention" && only !== "documents") {
    writeResults(results);
    log("wrote bench/results/latest.json and bench/results/latest.md");
  }
  // These two sections are added to (or replaced in) latest.md, after a full run's table too.
  const machineLoad: [number[], number[]] = [results.machine.loadBefore, results.machine.loadAfter];
  if (retention) {
    writeRetentionSection(retention, machineLoad);
    log("updated the retention section of bench/results/latest.md");
  }
  if (documents) {
    writeDocumentsSection(documents, machineLoad);
    log("updated the documents section of bench/results/latest.md");
  }
  if (requestLog) {
    writeRequestLogSection(requestLog, SETTINGS.runs, machineLoad);
    log("updated the access log section of bench/results/latest.md");
  }
  if (instanceBursts.length > 0) {
    writeInstancesSection(instanceBursts, machineLoad);
    log("updated the several-instances section of bench/results/latest.md");
  }
  // --only=form, logs and instances measure no budgeted figure: their verdicts would read the empty parts.
  if (only !== "form" && only !== "logs" && only !== "instances" && only !== "documents")
    for (const verdict of budgetVerdicts(results))
      console.log(`  ${verdict.ok ? "met   " : "MISSED"}  ${verdict.budget}: ${verdict.figure}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
