import "server-only";

import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";

import { recordAccessDenied } from "@/lib/auth/access-denied";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, UnauthenticatedError } from "@/lib/errors";
import { logFailure } from "@/lib/logger";
import { assertCan, can, PERMISSIONS } from "@/lib/permissions";

// What the browser may learn about a failure: a stable code (mapped to the message catalogue)
// and, for Personio failures, the field Personio named. Never raw exception text.
export type ActionServerError = { code: string; reason?: string; field?: string };

async function handleServerError(
  error: Error,
  { ctx, metadata }: { ctx: object; metadata?: { permission: string } },
): Promise<ActionServerError> {
  const userId = (ctx as { user?: { id: string } | null }).user?.id;
  await logFailure(error, { operation: `action ${metadata?.permission ?? "(public)"}`, userId });
  if (error instanceof AppError)
    return error.reason ? { code: error.code, reason: error.reason } : { code: error.code };
  return { code: "unexpected" };
}

export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ permission: z.enum(PERMISSIONS) }),
  defaultValidationErrorsShape: "flattened",
  handleServerError,
});

// Every mutation goes through this: who is calling (a fresh read of the user, so a
// deactivated user's or a demoted role's old session is refused) and may they do it. A refusal
// is recorded in the audit log (within its bounds) before it is answered.
export const authorizedAction = actionClient.use(async ({ next, metadata }) => {
  const user = await getCurrentUser();
  if (!can(user, metadata.permission)) await recordAccessDenied(user, metadata.permission, "action");
  assertCan(user, metadata.permission);
  return next({ ctx: { user } });
});

// For a person's own settings (language, time zone), which every signed-in person may change for
// themselves and nobody for anyone else: no permission to check, the user comes from the session.
export const signedInAction = createSafeActionClient({
  defaultValidationErrorsShape: "flattened",
  handleServerError,
}).use(async ({ next }) => {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  return next({ ctx: { user } });
});

// For the few actions that run before anyone can sign in (the first-run setup, setting a
// password from a one-time link): each checks a secret token of its own instead of a session.
export const publicAction = createSafeActionClient({ defaultValidationErrorsShape: "flattened", handleServerError });
