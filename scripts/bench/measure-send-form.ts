// The review form's data load (issue 17): what opening "Send to Personio" costs with hire date,
// department and office offered, each prefilled, and Personio's lists behind the dropdowns.
// `getSendFormAction` is timed from a Node HTTP client with a latency added to every Personio
// call, cold (the cached lists removed before each opening, so the form reads them from Personio:
// the attributes, then the employee list page by page) and cached (the lists in the database),
// with the Personio calls each opening made, from the sandbox's counters.
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import type { SandboxAdmin } from "@/scripts/personio-sandbox/admin-client";

import type { RunningApp } from "./app-server";
import { callAction, type Session } from "./http-session";
import { percentile, spread, type Spread } from "./stats";

export type SendFormResult = {
  latencyMs: number;
  /** Employees in the sandbox's account, so the cold load reads ceil(n / 100) pages. */
  employees: number;
  openings: number;
  cold: { p50: Spread; p95: Spread; callsPerOpening: number; authPerOpening: number };
  cached: { p50: Spread; p95: Spread; callsPerOpening: number; authPerOpening: number };
};

export const SEND_FORM_FIELDS = {
  fields: [
    { key: "hireDate", source: "startDate" },
    { key: "department", source: "department" },
    { key: "office", source: "office" },
    { key: "position", source: "jobTitle" },
  ],
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function callsBetween(before: Record<string, number | undefined>, after: Record<string, number | undefined>) {
  let calls = 0;
  let auth = 0;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const diff = (after[key] ?? 0) - (before[key] ?? 0);
    if (key === "POST /v1/auth") auth += diff;
    else calls += diff;
  }
  return { calls, auth };
}

export async function measureSendForm(
  context: {
    app: RunningApp;
    session: Session;
    admin: SandboxAdmin;
    prisma: PrismaClient;
    actionId: string;
    candidateIds: string[];
    employees: number;
  },
  options: { latencyMs: number; runs: number; openings: number; onProgress: (message: string) => void },
): Promise<SendFormResult> {
  const open = (candidateId: string) =>
    callAction(context.app.url, context.session, {
      actionId: context.actionId,
      path: `/candidates/${candidateId}`,
      input: { candidateId },
    });
  let next = 0;
  const candidate = () => context.candidateIds[next++ % context.candidateIds.length]!;
  const check = (result: unknown) => {
    const form = (result as { data?: { form?: { fields?: unknown[] } } } | undefined)?.data?.form;
    if (!form?.fields || form.fields.length !== SEND_FORM_FIELDS.fields.length)
      throw new Error(`The form did not load with its fields: ${JSON.stringify(result).slice(0, 300)}`);
  };

  await context.admin.clearFaults();
  await context.admin.setRateLimits({});
  if (options.latencyMs > 0)
    await context.admin.addFault({ endpoint: "*", kind: "latency", latencyMs: options.latencyMs });
  // Unmeasured: the token cached in the app, code paths warm.
  check((await open(candidate())).result);

  const measure = async (mode: "cold" | "cached") => {
    const p50: number[] = [];
    const p95: number[] = [];
    let calls = 0;
    let auth = 0;
    let openings = 0;
    for (let run = 0; run < options.runs; run += 1) {
      const times: number[] = [];
      for (let index = 0; index < options.openings; index += 1) {
        if (mode === "cold") await context.prisma.personioOptionCache.deleteMany();
        const before = await context.admin.counters();
        const timing = await open(candidate());
        const after = await context.admin.counters();
        check(timing.result);
        const diff = callsBetween(before, after);
        calls += diff.calls;
        auth += diff.auth;
        openings += 1;
        times.push(timing.resultMs);
        // Cold openings read several pages each: paced so Personio's per-minute limit is never met.
        await sleep(mode === "cold" ? 400 : 30);
      }
      p50.push(percentile(times, 50));
      p95.push(percentile(times, 95));
      if (mode === "cold") await context.admin.setRateLimits({});
    }
    options.onProgress(`${mode}: ${openings} openings`);
    return { p50: spread(p50), p95: spread(p95), callsPerOpening: calls / openings, authPerOpening: auth / openings };
  };

  const cold = await measure("cold");
  // One opening fills the cache again; the cached ones follow.
  check((await open(candidate())).result);
  const cached = await measure("cached");
  await context.admin.clearFaults();
  return { latencyMs: options.latencyMs, employees: context.employees, openings: options.openings, cold, cached };
}
