import "server-only";

import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";

import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, UnauthenticatedError } from "@/lib/errors";
import { assertCan, PERMISSIONS } from "@/lib/permissions";

// What the browser may learn about a failure: a stable code (mapped to the message catalogue)
// and, for Personio failures, the field Personio named. Never raw exception text.
export type ActionServerError = { code: string; reason?: string; field?: string };

// Besides a permission: "signed-in" is any active, signed-in person (their own account: password,
// sessions); "public" is for the few actions that run before anyone can sign in (the first-run
// setup, setting a password from a one-time link), each of which checks its own secret token.
export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ permission: z.union([z.enum(PERMISSIONS), z.literal("signed-in"), z.literal("public")]) }),
  defaultValidationErrorsShape: "flattened",
  handleServerError(error): ActionServerError {
    if (error instanceof AppError) return error.reason ? { code: error.code, reason: error.reason } : { code: error.code };
    console.error("Unexpected error in server action", error);
    return { code: "unexpected" };
  },
});

// Every mutation goes through this: who is calling (a fresh read of the user, so a
// deactivated user's or a demoted role's old session is refused) and may they do it.
export const authorizedAction = actionClient.use(async ({ next, metadata }) => {
  if (metadata.permission === "public") throw new Error("A public action must be built on publicAction");
  const user = await getCurrentUser();
  if (metadata.permission === "signed-in") {
    if (!user) throw new UnauthenticatedError();
  } else {
    assertCan(user, metadata.permission);
  }
  return next({ ctx: { user } });
});

export const publicAction = actionClient.metadata({ permission: "public" });
