import "server-only";

import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";

import { recordAccessDenied } from "@/lib/auth/access-denied";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/permissions";

// For pages and layouts, before anything else is read: signed-out visitors go to sign-in (and
// come back afterwards); a signed-in person without the permission gets the "no access" page
// (app/(app)/forbidden.tsx, status 403) and the refusal is recorded.
export async function requireUser(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  const path = (await headers()).get("x-handoff-path");
  if (!user) {
    redirect(path && path !== "/" ? `/sign-in?callbackUrl=${encodeURIComponent(path)}` : "/sign-in");
  }
  if (permission && !can(user, permission)) {
    await recordAccessDenied(user, permission, "page");
    forbidden();
  }
  return user;
}
