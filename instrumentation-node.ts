// The Node.js part of instrumentation.ts, in a module of its own: imported only under
// NEXT_RUNTIME === "nodejs", so the Edge build of instrumentation.ts never sees process.exit (Next.js
// warned about it on every `npm run dev`). No "server-only": this runs outside React's server graph.
import type { Instrumentation } from "next";

export async function registerNode() {
  // The connection's address for every request (sign-in limits, the audit log): lib/http/peer-address.ts.
  const { recordPeerAddresses } = await import("@/lib/http/peer-address");
  recordPeerAddresses();
  // The configuration is checked now: a server with a missing or unsafe setting stops at start
  // with the list of what is wrong, instead of serving errors (Next.js would keep listening).
  let env: (typeof import("@/lib/env"))["env"];
  try {
    ({ env } = await import("@/lib/env"));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  // SIGTERM: sends and background work in flight finish before Next.js closes the server and
  // exits (lib/shutdown.ts). Installed here, after Next.js registered its own signal handling,
  // which it then runs last.
  const [
    { installShutdownHandler, registerDrain },
    { logger },
    { watchHttpServers, stopAccepting },
    { recordRequests },
  ] = await Promise.all([
    import("@/lib/shutdown"),
    import("@/lib/logger"),
    import("@/lib/http/server-timeouts"),
    import("@/lib/http/request-log"),
  ]);
  // A request id for every request, and the access log's line when it is done (README, "Logs").
  recordRequests(env.LOG_REQUESTS ? logger : null);
  watchHttpServers();
  installShutdownHandler({
    timeoutMs: env.HANDOFF_SHUTDOWN_TIMEOUT_MS,
    log: (message, details) => logger.info(details, message),
    stopAccepting,
  });
  // On an installation without any user, print how to create the first admin: the setup page's
  // address and its token (README, "First run in production"). Not awaited: the check needs the
  // database, and serving need not wait for it.
  void import("@/lib/setup/announce").then(({ announceSetup }) => announceSetup());
  // Background jobs (lib/background/): this process polls for due jobs and runs them. Not while
  // `next build` loads the server code: a build has no jobs to run and must not keep polling.
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const [{ startBackgroundRunner, stopBackgroundRunner, scheduleRecurringJob }, { DIGEST_JOB, DIGEST_EVERY_MS }] =
      await Promise.all([import("@/lib/background/process-runner"), import("@/lib/notifications/digest-job")]);
    startBackgroundRunner();
    // The daily digests: an hourly look for those whose local digest hour has come.
    scheduleRecurringJob(DIGEST_JOB, DIGEST_EVERY_MS);
    // The admins' daily summary of automatic sends (lib/handoff/automatic/summary-job.ts).
    const { AUTOMATIC_SEND_SUMMARY_JOB, AUTOMATIC_SEND_SUMMARY_EVERY_MS } =
      await import("@/lib/handoff/automatic/summary-job");
    scheduleRecurringJob(AUTOMATIC_SEND_SUMMARY_JOB, AUTOMATIC_SEND_SUMMARY_EVERY_MS);
    // At shutdown: jobs in flight finish within the bound, the leases of the rest are released so
    // another instance takes them over at once.
    registerDrain({ name: "background-runner", stop: (timeoutMs) => stopBackgroundRunner(timeoutMs) });
    // The metrics endpoint's gauge of jobs waiting and failed (lib/metrics/registry.ts).
    const [{ countBackgroundJobs }, { setBackgroundJobCounter }] = await Promise.all([
      import("@/lib/background/admin"),
      import("@/lib/metrics/registry"),
    ]);
    setBackgroundJobCounter(countBackgroundJobs);
  }
}

export async function logServerError(...[error, request, context]: Parameters<Instrumentation.onRequestError>) {
  const [{ logRequestError }, { logger }] = await Promise.all([
    import("@/lib/http/request-log"),
    import("@/lib/logger"),
  ]);
  logRequestError(logger, error, { request, context });
}
