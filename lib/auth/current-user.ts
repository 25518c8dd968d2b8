import "server-only";

import { getServerSession } from "next-auth";
import { cache } from "react";

import { authOptions } from "@/lib/auth/options";
import { SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/session-lifetime";
import { db } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { canonicalTimeZone } from "@/lib/i18n/time-zones";
import { isPermission, type Permission } from "@/lib/permissions/definitions";

export type CurrentUser = {
  id: string;
  name: string;
  email: string;
  roleId: string;
  roleName: string;
  permissions: ReadonlySet<Permission>;
  // Null until the person chooses (language) or their browser reports one (time zone).
  locale: Locale | null;
  timeZone: string | null;
};

type UserRow = {
  id: string;
  name: string;
  email: string;
  active: boolean;
  sessionVersion: number;
  locale: string | null;
  timeZone: string | null;
  roleId: string;
  roleName: string;
  /** Null for a role without permissions (the LEFT JOIN's one row). */
  permission: string | null;
};

// The session only says who signed in; who they are now (active, role, permissions) is read
// from the database once per request, so a deactivated user's old cookie opens nothing. The
// session also carries the user's sessionVersion from sign-in: raising it in the database
// (password change or reset, deactivation, role change, "sign out everywhere") ends every
// session made before, on every instance, on its next request.
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  const { sessionVersion, authTime } = session?.user ?? {};
  if (!userId || typeof sessionVersion !== "number" || typeof authTime !== "number") return null;
  if (Date.now() / 1000 - authTime > SESSION_ABSOLUTE_SECONDS) return null;

  // One statement, one row per permission: this runs on every request, and Prisma's nested
  // select takes three statements for it.
  const rows = await db.$queryRaw<UserRow[]>`
    SELECT u."id", u."name", u."email", u."active", u."sessionVersion", u."locale", u."timeZone",
           r."id" AS "roleId", r."name" AS "roleName", p."permission"
    FROM "User" u
    JOIN "Role" r ON r."id" = u."roleId"
    LEFT JOIN "RolePermission" p ON p."roleId" = r."id"
    WHERE u."id" = ${userId}`;
  const user = rows[0];
  if (!user?.active || user.sessionVersion !== sessionVersion) return null;

  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roleId: user.roleId,
    roleName: user.roleName,
    permissions: new Set(
      rows.flatMap((row) => (row.permission !== null && isPermission(row.permission) ? [row.permission] : [])),
    ),
    // Both are validated when saved; checked again here, as a bad value would break every page.
    locale: isLocale(user.locale) ? user.locale : null,
    timeZone: canonicalTimeZone(user.timeZone),
  };
});
