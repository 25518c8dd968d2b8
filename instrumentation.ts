import type { Instrumentation } from "next";

// Runs once when the server starts (next start, next dev), before it handles requests. The work is
// Node.js-only (instrumentation-node.ts); the condition is the one Next.js replaces at build time,
// so the Edge bundle drops the import.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNode } = await import("./instrumentation-node");
    await registerNode();
  }
}

// Every server error Next.js catches (a page, a route handler, an action), with the digest the
// error page shows as its reference: logged as one line (lib/http/request-log.ts).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { logServerError } = await import("./instrumentation-node");
    await logServerError(error, request, context);
  }
};
