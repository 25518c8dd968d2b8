import "server-only";

import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";

import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/permissions";

// For pages and layouts: signed-out visitors go to sign-in (and come back afterwards);
// a missing permission looks like a missing page, so nothing behind it is revealed.
export async function requireUser(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get("x-handoff-path");
    redirect(path && path !== "/" ? `/sign-in?callbackUrl=${encodeURIComponent(path)}` : "/sign-in");
  }
  if (permission && !can(user, permission)) notFound();
  return user;
}
