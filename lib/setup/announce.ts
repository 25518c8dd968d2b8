import "server-only";

import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { isSetupNeeded } from "@/lib/setup/installation";
import { isSetupTokenFromEnvironment, setupToken } from "@/lib/setup/setup-token";

export async function announceSetup() {
  try {
    if (!(await isSetupNeeded(db))) return;
  } catch (error) {
    // No database yet, or migrations not applied: the first request will say so; starting goes on.
    logger.error({ err: error }, "Could not check whether setup is needed");
    return;
  }
  const token = isSetupTokenFromEnvironment() ? "(the value of HANDOFF_SETUP_TOKEN)" : setupToken();
  // The one secret the log carries, on purpose: whoever runs the server needs it to create the
  // first admin, and it stops working once there is one. Written into the message (not a field
  // the redaction would blank), followed by a space so it can be copied from a JSON line too.
  logger.info(
    `Handoff has no users yet. Create the first admin with setup token: ${token} at /setup on this server's address (NEXTAUTH_URL), or run \`npm run admin:create\` on this server.`,
  );
}
