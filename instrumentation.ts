// Runs once when the server starts. On an installation without any user it prints how to create
// the first admin: the setup page's address and its token (README, "First run in production").
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Not awaited: the check needs the database, and serving need not wait for it.
  void import("@/lib/setup/announce").then(({ announceSetup }) => announceSetup());
}
