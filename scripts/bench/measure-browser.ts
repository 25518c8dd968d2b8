// 4. What the browser gets: the JavaScript a cold load of each page downloads (Next 16 no longer
// prints First Load JS, so it is measured in Chromium), and Lighthouse (the npm package, run
// offline against Debian's Chromium) on the profile page.
import { gzipSync } from "node:zlib";

import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumExecutablePath } from "../lib/chromium";
import type { Session } from "./http-session";
import { spread, type Spread } from "./stats";

export type FirstLoadJs = {
  page: string;
  path: string;
  scripts: number;
  gzipBytes: number;
  transferredBytes: number;
  rawBytes: number;
};

export async function measureFirstLoadJs(
  baseUrl: string,
  session: Session,
  pages: Array<{ page: string; path: string }>,
): Promise<FirstLoadJs[]> {
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS });
  try {
    const results: FirstLoadJs[] = [];
    for (const { page: name, path } of pages) {
      // A new context per page: an empty cache, as on a first visit.
      const context = await browser.newContext({ extraHTTPHeaders: { cookie: session.cookie } });
      const page = await context.newPage();
      const scripts: Array<Promise<{ raw: number; gzip: number; transferred: number }>> = [];
      page.on("response", (response) => {
        if (response.request().resourceType() !== "script") return;
        scripts.push(
          (async () => {
            const body = await response.body();
            const sizes = await response.request().sizes();
            return { raw: body.length, gzip: gzipSync(body).length, transferred: sizes.responseBodySize };
          })(),
        );
      });
      await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      const sizes = await Promise.all(scripts);
      results.push({
        page: name,
        path,
        scripts: sizes.length,
        gzipBytes: sizes.reduce((sum, size) => sum + size.gzip, 0),
        transferredBytes: sizes.reduce((sum, size) => sum + size.transferred, 0),
        rawBytes: sizes.reduce((sum, size) => sum + size.raw, 0),
      });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}

export type LighthouseResult = {
  path: string;
  runs: number;
  performance: Spread;
  accessibility: Spread;
  lcpMs: Spread;
  tbtMs: Spread;
  cls: Spread;
  failedAccessibilityAudits: string[];
  lighthouseVersion: string;
};

// Lighthouse now and then fails to record a trace on a busy machine (NO_NAVSTART): try again.
async function runLighthouse(url: string, port: number, cookie: string) {
  let lastError = "";
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const result = await lighthouse(
      url,
      {
        port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        extraHeaders: { Cookie: cookie },
      },
      desktopConfig,
    );
    if (result && !result.lhr.runtimeError) return result.lhr;
    lastError = result?.lhr.runtimeError?.message ?? "no result";
    console.warn(`[bench] Lighthouse attempt ${attempt + 1} failed: ${lastError}`);
  }
  throw new Error(`Lighthouse: ${lastError}`);
}

export async function measureLighthouse(
  baseUrl: string,
  session: Session,
  path: string,
  runs: number,
): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  try {
    const scores = {
      performance: [] as number[],
      accessibility: [] as number[],
      lcp: [] as number[],
      tbt: [] as number[],
      cls: [] as number[],
    };
    const failed = new Set<string>();
    let version = "";
    for (let run = 0; run < runs; run += 1) {
      const lhr = await runLighthouse(`${baseUrl}${path}`, chrome.port, session.cookie);
      version = lhr.lighthouseVersion;
      scores.performance.push(Math.round((lhr.categories.performance?.score ?? 0) * 100));
      scores.accessibility.push(Math.round((lhr.categories.accessibility?.score ?? 0) * 100));
      scores.lcp.push(lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN);
      scores.tbt.push(lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN);
      scores.cls.push(lhr.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN);
      for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          // Name the elements, so the note can say what to fix.
          const items = (audit.details as { items?: Array<{ node?: { snippet?: string } }> } | undefined)?.items ?? [];
          const nodes = items
            .slice(0, 3)
            .map((item) => item.node?.snippet ?? "")
            .filter(Boolean);
          failed.add(`${ref.id}: ${audit.title}${nodes.length ? ` (${nodes.join(", ")})` : ""}`);
        }
      }
    }
    return {
      path,
      runs,
      performance: spread(scores.performance),
      accessibility: spread(scores.accessibility),
      lcpMs: spread(scores.lcp),
      tbtMs: spread(scores.tbt),
      cls: spread(scores.cls),
      failedAccessibilityAudits: [...failed],
      lighthouseVersion: version,
    };
  } finally {
    chrome.kill();
  }
}
