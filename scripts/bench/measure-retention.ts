// The daily retention job on a large database: how long it takes, and what it costs the list page
// while it runs. Two `next start` processes on the same database, one after the other: the first
// with rules that remove nothing (the list page's p95 without the job), the second with the
// default rules and its background clock 200 days ahead (HANDOFF_TEST_CLOCK_OFFSET_DAYS, accepted
// because the bench's servers listen on a loopback address), so the job starts at once and every
// candidate is past its period: the worst case, all of them removed. The list page is sampled
// while the job runs; the job's own duration is what its audit entry records.
import Database from "better-sqlite3";

import type { AppSecrets } from "@/scripts/lib/app-with-sandbox";

import { startApp } from "./app-server";
import { BENCH_PASSWORD, type BenchDataset } from "./dataset";
import { signIn, timedGet, type Session } from "./http-session";
import { replaceSection } from "./report";
import { percentile } from "./stats";

export type RetentionResult = {
  candidates: number;
  durationMs: number;
  counts: Record<string, number>;
  withoutJob: { p50: number; p95: number; samples: number };
  duringJob: { p50: number; p95: number; samples: number };
  ratioP95: number;
};

const RULE_COLUMNS = [
  "unsentCandidateDays",
  "sentCandidateDays",
  "intakeLogDays",
  "importDays",
  "auditPersonalDays",
  "auditEntryDays",
  "outboxDays",
];
const NOTHING_DUE = 3650;

function setRules(file: string, days: number | null) {
  const sqlite = new Database(file);
  try {
    sqlite.prepare(`DELETE FROM "RetentionSettings"`).run();
    if (days !== null)
      sqlite
        .prepare(
          `INSERT INTO "RetentionSettings" ("id", ${RULE_COLUMNS.map((column) => `"${column}"`).join(", ")}, "updatedAt") VALUES ('privacy', ${RULE_COLUMNS.map(() => days).join(", ")}, ?)`,
        )
        .run(new Date().toISOString());
  } finally {
    sqlite.close();
  }
}

function retentionRun(file: string): { details: Record<string, number | string> } | null {
  const sqlite = new Database(file, { readonly: true });
  try {
    const rows = sqlite
      .prepare(`SELECT "details" FROM "AuditLog" WHERE "action" = 'privacy.retention-run' ORDER BY "at" DESC`)
      .all() as Array<{ details: string }>;
    const moved = rows
      .map((row) => JSON.parse(row.details) as Record<string, number | string>)
      .find((details) => new Date(String(details.asOf)).getTime() > Date.now() + 100 * 86_400_000);
    return moved ? { details: moved } : null;
  } finally {
    sqlite.close();
  }
}

function summary(samples: number[]) {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length };
}

async function sampleList(url: string, session: Session, count: number) {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) samples.push((await timedGet(url, "/candidates", session)).ms);
  return samples;
}

export async function measureRetention(options: {
  dataset: BenchDataset;
  sandboxUrl: string;
  secrets: AppSecrets;
  samples: number;
  warmup: number;
  log: (message: string) => void;
}): Promise<RetentionResult> {
  const { dataset } = options;
  const start = (label: string, env: Record<string, string> = {}) =>
    startApp({
      databaseUrl: dataset.databaseUrl,
      sandboxUrl: options.sandboxUrl,
      secrets: options.secrets,
      label,
      probe: false,
      env,
    });

  setRules(dataset.file, NOTHING_DUE);
  const quiet = await start("retention: rules remove nothing");
  let withoutJob: number[];
  try {
    const session = await signIn(quiet.url, dataset.recruiterEmails[0]!, BENCH_PASSWORD);
    await sampleList(quiet.url, session, options.warmup);
    withoutJob = await sampleList(quiet.url, session, options.samples);
  } finally {
    await quiet.stop();
  }
  options.log(`retention: list page p95 without the job ${percentile(withoutJob, 95).toFixed(1)} ms`);

  setRules(dataset.file, null);
  const busy = await start("retention: clock 200 days ahead", { HANDOFF_TEST_CLOCK_OFFSET_DAYS: "200" });
  const duringJob: number[] = [];
  let run: ReturnType<typeof retentionRun> = null;
  try {
    const session = await signIn(busy.url, dataset.recruiterEmails[0]!, BENCH_PASSWORD);
    // Sampled until the job has written its audit entry (it does so last).
    for (let round = 0; round < 10_000 && !run; round += 1) {
      duringJob.push(...(await sampleList(busy.url, session, 5)));
      run = retentionRun(dataset.file);
    }
  } finally {
    await busy.stop();
  }
  if (!run) throw new Error("The retention job did not finish");
  const counts = Object.fromEntries(
    Object.entries(run.details).filter((entry): entry is [string, number] => typeof entry[1] === "number"),
  );
  const result: RetentionResult = {
    candidates: dataset.candidates,
    durationMs: counts.durationMs ?? 0,
    counts,
    withoutJob: summary(withoutJob),
    duringJob: summary(duringJob),
    ratioP95: percentile(duringJob, 95) / percentile(withoutJob, 95),
  };
  options.log(
    `retention: ${(result.durationMs / 1000).toFixed(1)} s for ${dataset.candidates} candidates; list p95 ${result.duringJob.p95.toFixed(1)} ms during vs ${result.withoutJob.p95.toFixed(1)} ms without (×${result.ratioP95.toFixed(2)})`,
  );
  return result;
}

const HEADING = "## 9. The daily retention job";

export function writeRetentionSection(result: RetentionResult, machineLoad: [number[], number[]]) {
  const { counts } = result;
  replaceSection(HEADING, [
    HEADING,
    "",
    `SQLite, ${result.candidates.toLocaleString("en")} candidates, every one past its period (the background clock 200 days ahead, default rules): the worst case. The list page (\`GET /candidates\`, a recruiter, sampled one request at a time) on a \`next start\` whose rules remove nothing, then on one running the job, sampled from its start until it finished. Load ${machineLoad[0].map((value) => value.toFixed(1)).join("/")} before, ${machineLoad[1].map((value) => value.toFixed(1)).join("/")} after (a shared machine).`,
    "",
    "| Figure | Value |",
    "|---|---|",
    `| job duration | ${(result.durationMs / 1000).toFixed(1)} s |`,
    `| never-sent candidates deleted | ${counts.unsentCandidates ?? 0} |`,
    `| sent candidates erased | ${counts.sentCandidates ?? 0} |`,
    `| audit entries pseudonymized / deleted | ${counts.auditPseudonymized ?? 0} / ${counts.auditEntries ?? 0} |`,
    `| list p50 / p95 without the job | ${result.withoutJob.p50.toFixed(1)} / ${result.withoutJob.p95.toFixed(1)} ms (${result.withoutJob.samples} samples) |`,
    `| list p50 / p95 while it runs | ${result.duringJob.p50.toFixed(1)} / ${result.duringJob.p95.toFixed(1)} ms (${result.duringJob.samples} samples) |`,
    `| p95 during ÷ p95 without | ${result.ratioP95.toFixed(2)} |`,
    "",
  ]);
}
