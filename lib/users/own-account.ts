import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { findPasswordProblem } from "@/lib/auth/password-strength";
import { checkCurrentPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { PasswordRejectedError } from "@/lib/users/password-links";

type Actor = { id: string; name: string; email: string };

// The current password is asked for so that a session left open on someone else's screen cannot
// take the account over. Wrong guesses count against the same per-account limit as sign-in.
export async function changeOwnPassword({
  actor,
  currentPassword,
  newPassword,
}: {
  actor: Actor;
  currentPassword: string;
  newPassword: string;
}) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  const current = await checkCurrentPassword(
    actor,
    async () => !!user.passwordHash && (await verifyPassword(currentPassword, user.passwordHash)),
  );
  if (current === "too-many-attempts") throw new ForbiddenError("rate_limited");
  if (current === "wrong") throw new ForbiddenError("wrong_password");
  const problem = await findPasswordProblem(newPassword, actor);
  if (problem) throw new PasswordRejectedError(problem);
  if (await verifyPassword(newPassword, user.passwordHash)) throw new PasswordRejectedError("unchanged");
  const passwordHash = await hashPassword(newPassword);

  // Every session made before ends, this one too; the action then gives this browser's session the
  // new version (lib/auth/reissue-session.ts), so only the other sessions are noticed. Conditional
  // on the hash just checked: two changes at the same moment cannot both pass with the same old
  // password. Returns the new session version.
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: actor.id, passwordHash: user.passwordHash },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new ForbiddenError("wrong_password");
    await writeAuditLog(tx, {
      actorId: actor.id,
      action: "user.change-password",
      targetType: "user",
      targetId: actor.id,
      outcome: "success",
    });
    const { sessionVersion } = await tx.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { sessionVersion: true },
    });
    return { sessionVersion };
  });
}

export async function signOutEverywhere({ actor }: { actor: Pick<Actor, "id"> }) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await writeAuditLog(tx, {
      actorId: actor.id,
      action: "user.sign-out-everywhere",
      targetType: "user",
      targetId: actor.id,
      outcome: "success",
    });
  });
}
