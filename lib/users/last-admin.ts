import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { ConflictError } from "@/lib/errors";

// An admin who can sign in: active, and with a password (an invitation not yet accepted is not).
export const ACTIVE_ADMIN: Prisma.UserWhereInput = { roleId: "admin", active: true, passwordHash: { not: null } };

// Run first in any transaction that may take the admin role from someone (demote, deactivate).
// Two such changes at the same moment (admin A demotes B while B demotes A) touch different
// user rows, so neither would see the other's change when it counts the remaining admins.
// Writing the admin role's row makes them queue: on PostgreSQL the row lock is held until
// commit, and the second transaction's next statement (READ COMMITTED) sees the first one's
// result; on SQLite the write takes the database's write lock for the whole transaction.
// A no-op write ("position" = "position") is enough for both and portable.
export async function lockAdminRole(tx: Prisma.TransactionClient) {
  await tx.$executeRaw`UPDATE "Role" SET "position" = "position" WHERE "id" = 'admin'`;
}

// After the change (inside the same locked transaction): at least one admin must remain.
export async function assertAnAdminRemains(tx: Prisma.TransactionClient) {
  if ((await tx.user.count({ where: ACTIVE_ADMIN })) === 0) throw new ConflictError("last_admin");
}
