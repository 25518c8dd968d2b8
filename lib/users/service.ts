import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { TCreateUserInput } from "@/lib/users/schemas";

export function listUsers() {
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, roleId: true, active: true },
  });
}

export function listRoles() {
  return db.role.findMany({ orderBy: { position: "asc" }, select: { id: true, name: true } });
}

export async function createUser({ actorId, input }: { actorId: string; input: TCreateUserInput }) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, roleId: input.roleId, passwordHash },
        select: { id: true },
      });
      await writeAuditLog(tx, {
        actorId,
        action: "user.create",
        targetType: "user",
        targetId: user.id,
        outcome: "success",
        details: { roleId: input.roleId },
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("email_taken");
    }
    throw error;
  }
}

// Admins cannot demote or lock out themselves: the last admin would have no way back.
function assertNotSelf(actorId: string, userId: string) {
  if (actorId === userId) throw new ForbiddenError("self");
}

export async function changeUserRole({ actorId, userId, roleId }: { actorId: string; userId: string; roleId: string }) {
  assertNotSelf(actorId, userId);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { roleId: true } });
    if (!before) throw new NotFoundError("User");
    await tx.user.update({ where: { id: userId }, data: { roleId } });
    await writeAuditLog(tx, {
      actorId,
      action: "user.change-role",
      targetType: "user",
      targetId: userId,
      outcome: "success",
      details: { from: before.roleId, to: roleId },
    });
  });
}

export async function setUserActive({ actorId, userId, active }: { actorId: string; userId: string; active: boolean }) {
  assertNotSelf(actorId, userId);
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { active } });
    if (count === 0) throw new NotFoundError("User");
    await writeAuditLog(tx, {
      actorId,
      action: active ? "user.reactivate" : "user.deactivate",
      targetType: "user",
      targetId: userId,
      outcome: "success",
    });
  });
}
