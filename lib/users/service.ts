import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { accountLinkPath, createAccountToken } from "@/lib/users/account-tokens";
import { assertAnAdminRemains, lockAdminRole } from "@/lib/users/last-admin";
import type { TInviteUserInput } from "@/lib/users/schemas";

export type UserRow = {
  id: string;
  name: string;
  email: string;
  roleId: string;
  active: boolean;
  // An invited person who has not set a password yet; the date their newest link expires.
  invitationPending: boolean;
  linkExpiresAt: Date | null;
  lastSignInAt: Date | null;
};

export async function listUsers(): Promise<UserRow[]> {
  const users = await db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      roleId: true,
      active: true,
      lastSignInAt: true,
      passwordHash: true,
      accountTokens: { where: { usedAt: null }, orderBy: { createdAt: "desc" }, take: 1, select: { expiresAt: true } },
    },
  });
  // The hash itself never leaves this function.
  return users.map(({ passwordHash, accountTokens, ...user }) => ({
    ...user,
    invitationPending: passwordHash === null,
    linkExpiresAt: accountTokens[0]?.expiresAt ?? null,
  }));
}

export function listRoles() {
  return db.role.findMany({ orderBy: { position: "asc" }, select: { id: true, name: true } });
}

// An invitation is a user without a password and a one-time link to set one; the link is
// returned once, for the admin to pass on, and only its hash is kept. With email on, the link is
// also emailed, from the outbox, in the same transaction (emailed: true); the caller kicks the
// background runner after it.
export async function inviteUser({ actorId, input }: { actorId: string; input: TInviteUserInput }) {
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, roleId: input.roleId, passwordHash: null },
        select: { id: true },
      });
      const link = await createAccountToken(tx, { userId: user.id, purpose: "INVITE", createdById: actorId });
      await writeAuditLog(tx, {
        actorId,
        action: "user.invite",
        targetType: "user",
        targetId: user.id,
        outcome: "success",
        details: { roleId: input.roleId, linkExpiresAt: link.expiresAt.toISOString() },
      });
      const emailId = await queueEmail(tx, {
        template: "account.invitation",
        to: { address: input.email, name: input.name },
        data: { name: input.name, linkPath: accountLinkPath(link.token), expiresAt: link.expiresAt.toISOString() },
      });
      return { userId: user.id, ...link, emailed: emailId !== null };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("email_taken");
    }
    throw error;
  }
}

// A new one-time link: for someone who has a password, a reset (their current password keeps
// working until they use it; then every session of theirs ends); for a pending invitation, a
// fresh invitation link. Any earlier unused link stops working.
export async function issuePasswordLink({ actorId, userId }: { actorId: string; userId: string }) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { passwordHash: true, active: true, name: true, email: true, locale: true, timeZone: true },
    });
    if (!user) throw new NotFoundError("User");
    if (!user.active) throw new ConflictError("inactive");
    const purpose = user.passwordHash === null ? "INVITE" : "RESET";
    const link = await createAccountToken(tx, { userId, purpose, createdById: actorId });
    await writeAuditLog(tx, {
      actorId,
      action: purpose === "INVITE" ? "user.reissue-invitation" : "user.issue-reset-link",
      targetType: "user",
      targetId: userId,
      outcome: "success",
      details: { linkExpiresAt: link.expiresAt.toISOString() },
    });
    const emailId = await queueEmail(tx, {
      template: purpose === "INVITE" ? "account.invitation" : "account.reset",
      to: { address: user.email, name: user.name, locale: user.locale, timeZone: user.timeZone },
      data: { name: user.name, linkPath: accountLinkPath(link.token), expiresAt: link.expiresAt.toISOString() },
    });
    return { purpose, ...link, emailed: emailId !== null };
  });
}

// Admins cannot demote or lock out themselves; and the last active admin cannot be demoted or
// deactivated by anyone (lib/users/last-admin.ts decides that in the database).
function assertNotSelf(actorId: string, userId: string) {
  if (actorId === userId) throw new ForbiddenError("self");
}

export async function changeUserRole({ actorId, userId, roleId }: { actorId: string; userId: string; roleId: string }) {
  assertNotSelf(actorId, userId);
  return db.$transaction(async (tx) => {
    await lockAdminRole(tx);
    const before = await tx.user.findUnique({ where: { id: userId }, select: { roleId: true } });
    if (!before) throw new NotFoundError("User");
    if (before.roleId === roleId) return { changed: false };
    // The person's sessions end: they sign in again and see what the new role allows.
    await tx.user.update({ where: { id: userId }, data: { roleId, sessionVersion: { increment: 1 } } });
    await assertAnAdminRemains(tx);
    await writeAuditLog(tx, {
      actorId,
      action: "user.change-role",
      targetType: "user",
      targetId: userId,
      outcome: "success",
      details: { from: before.roleId, to: roleId },
    });
    return { changed: true };
  });
}

export async function setUserActive({ actorId, userId, active }: { actorId: string; userId: string; active: boolean }) {
  assertNotSelf(actorId, userId);
  return db.$transaction(async (tx) => {
    await lockAdminRole(tx);
    const { count } = await tx.user.updateMany({
      where: { id: userId },
      data: active ? { active } : { active, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new NotFoundError("User");
    if (!active) await assertAnAdminRemains(tx);
    await writeAuditLog(tx, {
      actorId,
      action: active ? "user.reactivate" : "user.deactivate",
      targetType: "user",
      targetId: userId,
      outcome: "success",
    });
  });
}
