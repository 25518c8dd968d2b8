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
  try {
    await import("@/lib/env");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  // A request id for every request, and the access log's line when it is done (README, "Logs").
  const [{ recordRequests }, { logger }, { env }] = await Promise.all([
    import("@/lib/http/request-log"),
    import("@/lib/logger"),
    import("@/lib/env"),
  ]);
  recordRequests(env.LOG_REQUESTS ? logger : null);
  // On an installation without any user, print how to create the first admin: the setup page's
  // address and its token (README, "First run in production"). Not awaited: the check needs the
  // database, and serving need not wait for it.
  void import("@/lib/setup/announce").then(({ announceSetup }) => announceSetup());
}

export async function logServerError(...[error, request, context]: Parameters<Instrumentation.onRequestError>) {
  const [{ logRequestError }, { logger }] = await Promise.all([
    import("@/lib/http/request-log"),
    import("@/lib/logger"),
  ]);
  logRequestError(logger, error, { request, context });
}
