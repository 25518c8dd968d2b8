import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

import { PrismaClient } from "@/generated/prisma/client";

// Shared by the app (lib/db/index.ts) and by scripts and tests that run outside Next.js.
export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
