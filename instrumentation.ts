// Runs once when the server starts (next start, next dev), before it handles requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
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
  // On an installation without any user, print how to create the first admin: the setup page's
  // address and its token (README, "First run in production"). Not awaited: the check needs the
  // database, and serving need not wait for it.
  void import("@/lib/setup/announce").then(({ announceSetup }) => announceSetup());
}
