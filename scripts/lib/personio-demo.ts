import { encryptSecret } from "@/lib/crypto";
import type { PrismaClient } from "@/lib/db/create-prisma-client";

// The credential the sandbox is started with in demo mode and in tests; not a real secret.
export const DEMO_PERSONIO_CREDENTIAL = {
  clientId: process.env.PERSONIO_SANDBOX_DEMO_CLIENT_ID ?? "papi-demo-handoff-client",
  clientSecret: process.env.PERSONIO_SANDBOX_DEMO_CLIENT_SECRET ?? "papi-demo-handoff-secret-0123456789",
  name: "Handoff (demo)",
  subdomain: "demo",
};

// Connects the app to the sandbox's demo credential unless an admin already connected something.
export async function connectDemoIntegration(db: PrismaClient, encryptionKey: string) {
  const existing = await db.personioIntegration.findUnique({ where: { id: "personio" }, select: { id: true } });
  if (existing) return false;
  await db.personioIntegration.create({
    data: {
      clientId: DEMO_PERSONIO_CREDENTIAL.clientId,
      clientSecretEncrypted: encryptSecret(DEMO_PERSONIO_CREDENTIAL.clientSecret, encryptionKey),
      subdomain: DEMO_PERSONIO_CREDENTIAL.subdomain,
    },
  });
  return true;
}
