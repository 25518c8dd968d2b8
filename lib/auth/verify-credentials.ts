import "server-only";

import { z } from "zod";

import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

export const ZSignInInput = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

export type SignInResult =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; reason: "invalid" | "deactivated" };

export async function verifyCredentials(input: unknown): Promise<SignInResult> {
  const parsed = ZSignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };

  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, name: true, email: true, active: true, passwordHash: true },
  });
  const passwordMatches = await verifyPassword(parsed.data.password, user?.passwordHash);
  if (!user || !passwordMatches) return { ok: false, reason: "invalid" };
  // Only someone who knows the password learns that the account is deactivated.
  if (!user.active) return { ok: false, reason: "deactivated" };
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
