import "server-only";

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

// The app's Prometheus metrics, served at /api/metrics (app/api/metrics/route.ts). One registry
// per process, kept on globalThis: Next.js bundles instrumentation, route handlers and actions
// separately and reloads modules in development, and a metric registered twice throws. Labels
// take a few fixed values each (outcomes, endpoint templates, source kinds), never ids or names,
// so the number of series stays small.

export type BackgroundJobCounts = { waiting: number; failed: number };
type BackgroundJobCounter = () => Promise<BackgroundJobCounts>;
const globalForJobs = globalThis as unknown as { handoffBackgroundJobCounter?: BackgroundJobCounter };

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    sends: new Counter({
      name: "handoff_sends_total",
      help: "Sends to Personio by outcome (sent, existing_employee, failed, …; error: an unexpected failure).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    personioRequests: new Counter({
      name: "handoff_personio_requests_total",
      help: "HTTP calls to Personio by endpoint and response status (0: no answer).",
      labelNames: ["endpoint", "status"] as const,
      registers,
    }),
    personioDuration: new Histogram({
      name: "handoff_personio_request_duration_seconds",
      help: "How long a call to Personio took, until its body arrived.",
      labelNames: ["endpoint"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    personioRateLimited: new Counter({
      name: "handoff_personio_rate_limited_total",
      help: "Personio answers with 429 Too Many Requests, by endpoint.",
      labelNames: ["endpoint"] as const,
      registers,
    }),
    webhookDeliveries: new Counter({
      name: "handoff_webhook_deliveries_total",
      help: "Webhook deliveries by source kind (greenhouse, ashby, …; unknown: no such source), outcome and refusal reason.",
      labelNames: ["source", "outcome", "reason"] as const,
      registers,
    }),
    importRows: new Counter({
      name: "handoff_import_rows_total",
      help: "Spreadsheet rows imported, by outcome.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    signInFailures: new Counter({
      name: "handoff_sign_in_failures_total",
      help: "Refused sign-ins by reason (wrong_password, unknown_account, deactivated, sso_required, too_many_attempts_*; single sign-on: sso_<reason>).",
      labelNames: ["reason"] as const,
      registers,
    }),
    backgroundJobs: new Gauge({
      name: "handoff_background_jobs",
      help: "Background jobs by state (waiting, failed), counted when scraped.",
      labelNames: ["state"] as const,
      registers,
      async collect() {
        const count = globalForJobs.handoffBackgroundJobCounter;
        // Without a counter there is no runner: no series rather than a zero that claims to know.
        if (!count) return;
        const counts = await count();
        for (const [state, value] of Object.entries(counts)) this.set({ state }, value);
      },
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const globalForMetrics = globalThis as unknown as { handoffMetrics?: Metrics };

export const metrics: Metrics = (globalForMetrics.handoffMetrics ??= createMetrics());

/**
 * Points the background-job gauge at the runner's table: `count` is asked at every scrape. Until
 * something registers, the gauge has no series.
 */
export function setBackgroundJobCounter(count: BackgroundJobCounter) {
  globalForJobs.handoffBackgroundJobCounter = count;
}
