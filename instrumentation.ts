// Runs once when the server starts (next start, next dev), before it handles requests. The work is
// Node.js-only (instrumentation-node.ts); the condition is the one Next.js replaces at build time,
// so the Edge bundle drops the import.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNode } = await import("./instrumentation-node");
    await registerNode();
  }
}
