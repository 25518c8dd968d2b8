import "server-only";

import type { PrismaClient } from "@/generated/prisma/client";

// Whether this installation still needs its first admin. Kept apart from first-admin.ts (which
// loads the password rules' dictionaries) because the sign-in page and the start-up check ask it.
export const INSTALLATION_ID = "installation";

export async function isSetupNeeded(client: Pick<PrismaClient, "installation" | "user">): Promise<boolean> {
  const installation = await client.installation.findUnique({ where: { id: INSTALLATION_ID }, select: { id: true } });
  if (installation) return false;
  // A database with users but no installation row (made by hand or by an older script) is not empty.
  return (await client.user.count()) === 0;
}
