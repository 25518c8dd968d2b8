// 2. Pages at scale: server response time of the candidate list (first page, searches, filters)
// and of a profile, with the SQL statements each page ran (counted by the preloaded probe) and
// the query plans of the candidate queries.
import type { RunningApp } from "./app-server";
import type { BenchDataset } from "./dataset";
import { timedGet, type Session } from "./http-session";
import { createRandom, shuffled } from "./random";
import { percentile, spread, type Spread } from "./stats";

export type PageCase = { key: string; label: string; path: string };

export type PageResult = {
  key: string;
  label: string;
  path: string;
  p50: Spread;
  p95: Spread;
  /** Time the page's SQL statements took inside the server, median per request. */
  dbMs: Spread;
  /** Statements per request; the same on every request of a case (else the min–max shows it). */
  statements: { min: number; max: number };
  bytes: number;
};

export function pageCases(dataset: BenchDataset): PageCase[] {
  const { samples } = dataset;
  return [
    { key: "list", label: "List, first page", path: "/candidates" },
    {
      key: "search-name",
      label: `Search, last-name prefix "${samples.lastNamePrefix}"`,
      path: `/candidates?q=${encodeURIComponent(samples.lastNamePrefix)}`,
    },
    {
      key: "search-full-name",
      label: `Search, "First Last"`,
      path: `/candidates?q=${encodeURIComponent(samples.firstLast)}`,
    },
    {
      key: "search-email",
      label: "Search, email prefix",
      path: `/candidates?q=${encodeURIComponent(samples.emailPrefix)}`,
    },
    { key: "search-substring", label: `Search, inside names "ller" (Müller, Keller, …)`, path: "/candidates?q=ller" },
    { key: "search-umlaut", label: `Search, umlaut typed out "mueller"`, path: "/candidates?q=mueller" },
    { key: "search-umlaut-plain", label: `Search, umlaut without dots "MULLER"`, path: "/candidates?q=MULLER" },
    {
      key: "search-email-inside",
      label: `Search, inside an email "${samples.emailInside}"`,
      path: `/candidates?q=${encodeURIComponent(samples.emailInside)}`,
    },
    { key: "search-letter", label: `Search, one letter "a" (worst case)`, path: "/candidates?q=a" },
    { key: "filter-stage", label: "Filter, stage Hired", path: "/candidates?stage=HIRED" },
    {
      key: "filter-job-stage",
      label: "Filter, job + stage Offer",
      path: `/candidates?job=${samples.jobId}&stage=OFFER`,
    },
    { key: "profile", label: "Profile (sent, with badge)", path: `/candidates/${dataset.sentCandidateId}` },
  ];
}

export async function measurePages(
  app: RunningApp,
  session: Session,
  cases: PageCase[],
  options: { runs: number; samples: number; warmup: number; onProgress: (message: string) => void },
): Promise<PageResult[]> {
  for (const pageCase of cases) {
    for (let index = 0; index < options.warmup; index += 1) await checkedGet(app, pageCase.path, session);
  }
  const perCase = new Map(
    cases.map((pageCase) => [
      pageCase.key,
      { p50: [] as number[], p95: [] as number[], db: [] as number[], statements: [] as number[], bytes: 0 },
    ]),
  );
  const random = createRandom(2026);
  for (let run = 0; run < options.runs; run += 1) {
    const times = new Map(cases.map((pageCase) => [pageCase.key, [] as number[]]));
    // Cases interleaved, so a moment of machine noise spreads over all of them, and in a new
    // order each round (seeded, the same in every bench): in one fixed order the server's full
    // garbage collections, which come after a steady amount of allocation, fell on the same page
    // every few rounds, and that page alone collected them in its p95.
    for (let sample = 0; sample < options.samples; sample += 1) {
      for (const pageCase of shuffled(cases, random)) {
        await app.probe.reset();
        const response = await checkedGet(app, pageCase.path, session);
        const stats = await app.probe.stats();
        times.get(pageCase.key)!.push(response.ms);
        const entry = perCase.get(pageCase.key)!;
        entry.db.push(stats.dbMs);
        entry.statements.push(stats.statements);
        entry.bytes = response.bytes;
      }
    }
    for (const pageCase of cases) {
      const entry = perCase.get(pageCase.key)!;
      entry.p50.push(percentile(times.get(pageCase.key)!, 50));
      entry.p95.push(percentile(times.get(pageCase.key)!, 95));
    }
    options.onProgress(`run ${run + 1}/${options.runs}`);
  }
  return cases.map((pageCase) => {
    const entry = perCase.get(pageCase.key)!;
    return {
      key: pageCase.key,
      label: pageCase.label,
      path: pageCase.path,
      p50: spread(entry.p50),
      p95: spread(entry.p95),
      dbMs: spread(chunkMedians(entry.db, options.runs)),
      statements: { min: Math.min(...entry.statements), max: Math.max(...entry.statements) },
      bytes: entry.bytes,
    };
  });
}

// Per-request DB times, split back into their runs, each run reduced to its median.
function chunkMedians(values: number[], runs: number): number[] {
  const size = Math.ceil(values.length / runs);
  return Array.from({ length: runs }, (_, run) => percentile(values.slice(run * size, (run + 1) * size), 50));
}

async function checkedGet(app: RunningApp, path: string, session: Session) {
  const response = await timedGet(app.url, path, session);
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return response;
}

export type QueryPlan = { page: string; sql: string; plan: string[] };

/** The plans of the Candidate queries each case ran (the others are lookups by primary key). */
export async function collectPlans(app: RunningApp, session: Session, cases: PageCase[]): Promise<QueryPlan[]> {
  const plans: QueryPlan[] = [];
  for (const pageCase of cases) {
    await app.probe.reset();
    await checkedGet(app, pageCase.path, session);
    for (const entry of await app.probe.plans()) {
      if (!/FROM `main`\.`Candidate`/.test(entry.sql)) continue;
      plans.push({ page: pageCase.key, sql: entry.sql, plan: entry.plan });
    }
  }
  return plans;
}
