import { encryptSecret } from "@/lib/crypto";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { demoCredential } from "@/scripts/personio-sandbox/demo";

export const DEMO_PERSONIO_SUBDOMAIN = "demo";

// Connects the app to the sandbox's demo credential unless an admin already connected something.
export async function connectDemoIntegration(db: PrismaClient, encryptionKey: string) {
  const existing = await db.personioIntegration.findUnique({ where: { id: "personio" }, select: { id: true } });
  if (existing) return false;
  const { clientId, clientSecret } = demoCredential();
  await db.personioIntegration.create({
    data: {
      clientId,
      clientSecretEncrypted: encryptSecret(clientSecret, encryptionKey),
      subdomain: DEMO_PERSONIO_SUBDOMAIN,
    },
  });
  return true;
}
