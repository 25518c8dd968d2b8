"use server";

import { publicAction } from "@/lib/action-client";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { createFirstAdmin } from "@/lib/setup/first-admin";
import { ZSetupInput } from "@/lib/setup/schemas";
import { matchesSetupToken } from "@/lib/setup/setup-token";

// Public by necessity (nobody can sign in yet); the setup token from the server's log is the
// credential, and once the first admin exists this refuses every call (createFirstAdmin).
export const createFirstAdminAction = publicAction.inputSchema(ZSetupInput).action(async ({ parsedInput }) => {
  const { setupToken, ...admin } = parsedInput;
  if (!matchesSetupToken(setupToken)) throw new ForbiddenError("wrong_setup_token");
  await createFirstAdmin(db, admin, "setup-page");
  return { email: admin.email };
});
