import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { findPasswordProblem } from "@/lib/auth/password-strength";
import { db } from "@/lib/db";
import { AppError, ConflictError } from "@/lib/errors";
import { hashAccountToken, type AccountTokenPurpose } from "@/lib/users/account-tokens";

export type AccountLink =
  { status: "valid"; purpose: AccountTokenPurpose; name: string; email: string } | { status: "invalid" };

// For the set-password page. Reading never uses the link up (chat apps open links to preview
// them); only setting the password does. Unknown, used and expired links look the same.
export async function findAccountLink(token: string): Promise<AccountLink> {
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashAccountToken(token) },
    select: {
      purpose: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { name: true, email: true, active: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt <= new Date() || !row.user.active) return { status: "invalid" };
  return { status: "valid", purpose: row.purpose as AccountTokenPurpose, name: row.user.name, email: row.user.email };
}

export class PasswordRejectedError extends AppError {
  constructor(problem: string) {
    super("invalid_input", `Password refused: ${problem}`, `password_${problem}`);
  }
}

// Sets the password from a one-time link. The link is used up by a conditional update that only
// one request can win (two tabs, a double click); the new password also ends every session the
// person had (their sessionVersion goes up), all in one transaction with its audit entry.
export async function setPasswordFromLink({ token, password }: { token: string; password: string }) {
  const tokenHash = hashAccountToken(token);
  const link = await db.accountToken.findUnique({
    where: { tokenHash },
    select: { id: true, purpose: true, userId: true, user: { select: { name: true, email: true, active: true } } },
  });
  if (!link || !link.user.active) throw new ConflictError("link_invalid");
  const problem = await findPasswordProblem(password, link.user);
  if (problem) throw new PasswordRejectedError(problem);
  const passwordHash = await hashPassword(password);

  await db.$transaction(async (tx) => {
    const { count } = await tx.accountToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (count === 0) throw new ConflictError("link_invalid");
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await writeAuditLog(tx, {
      actorId: link.userId,
      action: link.purpose === "INVITE" ? "user.accept-invitation" : "user.reset-password",
      targetType: "user",
      targetId: link.userId,
      outcome: "success",
    });
  });
  return { email: link.user.email };
}
