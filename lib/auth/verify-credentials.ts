import "server-only";

import { z } from "zod";

import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

export const ZSignInInput = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(1000),
});

export type SignInUser = { id: string; name: string; email: string; sessionVersion: number };

export type SignInResult =
  | { ok: true; user: SignInUser }
  // userId: the account the email belongs to, if any (for the audit log; never shown to the visitor).
  | { ok: false; reason: "invalid" | "deactivated"; userId: string | null };

export async function verifyCredentials(input: unknown): Promise<SignInResult> {
  const parsed = ZSignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", userId: null };

  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, name: true, email: true, active: true, passwordHash: true, sessionVersion: true },
  });
  const passwordMatches = await verifyPassword(parsed.data.password, user?.passwordHash);
  if (!user?.passwordHash || !passwordMatches) return { ok: false, reason: "invalid", userId: user?.id ?? null };
  // Only someone who knows the password learns that the account is deactivated.
  if (!user.active) return { ok: false, reason: "deactivated", userId: user.id };
  // A hash in an older format is replaced now, while the password is at hand (conditional on the
  // old hash, so a password change at the same moment is not overwritten).
  if (needsRehash(user.passwordHash)) {
    await db.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash: await hashPassword(parsed.data.password) },
    });
  }
  const { id, name, email, sessionVersion } = user;
  return { ok: true, user: { id, name, email, sessionVersion } };
}
