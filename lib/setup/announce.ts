import "server-only";

import { db } from "@/lib/db";
import { isSetupNeeded } from "@/lib/setup/installation";
import { isSetupTokenFromEnvironment, setupToken } from "@/lib/setup/setup-token";

export async function announceSetup() {
  try {
    if (!(await isSetupNeeded(db))) return;
  } catch (error) {
    // No database yet, or migrations not applied: the first request will say so; starting goes on.
    console.error("Handoff: could not check whether setup is needed:", error instanceof Error ? error.message : error);
    return;
  }
  const token = isSetupTokenFromEnvironment() ? "(the value of HANDOFF_SETUP_TOKEN)" : setupToken();
  console.log(
    [
      "",
      "Handoff has no users yet. Create the first admin:",
      "  open /setup on this server's address (NEXTAUTH_URL), for example https://handoff.example.com/setup",
      `  setup token: ${token}`,
      "  (or run `npm run admin:create` on this server)",
      "",
    ].join("\n"),
  );
}
