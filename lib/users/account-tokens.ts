import { createHash, randomBytes } from "node:crypto";

import type { Prisma } from "@/generated/prisma/client";

// One-time links: an invitation (the person sets their first password) or a reset issued by an
// admin. The link carries 256 random bits; the database keeps only their SHA-256, so a copy of
// the database opens no account. A link works once and for ACCOUNT_LINK_HOURS. Without
// "server-only" on purpose: the E2E tests write invitations with this same code (e2e/accounts.ts);
// node:crypto keeps it out of any browser bundle anyway.
export const ACCOUNT_LINK_HOURS = 72;
// A link someone asked for themselves ("Forgot password?"): whoever reads that mailbox can use it,
// so it lives one hour only.
export const SELF_SERVICE_LINK_HOURS = 1;
export type AccountTokenPurpose = "INVITE" | "RESET";

export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function accountLinkPath(token: string): string {
  return `/set-password/${token}`;
}

// A new link replaces any earlier unused one for the same person: only the newest works.
export async function createAccountToken(
  tx: Prisma.TransactionClient,
  {
    userId,
    purpose,
    createdById,
    validHours = ACCOUNT_LINK_HOURS,
  }: { userId: string; purpose: AccountTokenPurpose; createdById: string; validHours?: number },
): Promise<{ token: string; expiresAt: Date }> {
  await tx.accountToken.deleteMany({ where: { userId, usedAt: null } });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + validHours * 60 * 60 * 1000);
  await tx.accountToken.create({
    data: { tokenHash: hashAccountToken(token), purpose, userId, createdById, expiresAt },
  });
  return { token, expiresAt };
}
