import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgresql/client";
import { PrismaClient } from "@/generated/prisma/client";
import { candidateSearchExtension } from "@/lib/db/candidate-search-extension";
import { databaseProvider } from "@/lib/db/provider";
import { ImmediateTransactionsSQLite3 } from "@/lib/db/sqlite-adapter";

// Shared by the app (lib/db/index.ts) and by scripts and tests that run outside Next.js.
// A generated client serves one provider, so there are two, both generated from the one
// schema (prisma/schemas.ts) and chosen here by DATABASE_URL's scheme. The app is typed
// against the SQLite client: the models are identical and the app uses no provider-only
// features, so the PostgreSQL client is handed out under the same type. Both load their
// query compiler lazily, so the one not in use costs nothing.
export function createPrismaClient(databaseUrl: string): PrismaClient {
  if (databaseProvider(databaseUrl) === "postgresql") {
    // Prisma's URLs name a schema other than public as ?schema=…; the adapter needs it passed.
    const schema = new URL(databaseUrl).searchParams.get("schema") ?? undefined;
    const adapter = new PrismaPg({ connectionString: databaseUrl }, schema ? { schema } : undefined);
    return new PostgresPrismaClient({ adapter }).$extends(candidateSearchExtension) as unknown as PrismaClient;
  }
  const adapter = new ImmediateTransactionsSQLite3({ url: databaseUrl, timeout: 10_000 }, { pragmas: SQLITE_PRAGMAS });
  // The extension changes no types (it fills columns on writes), so the client keeps its type.
  return new PrismaClient({ adapter }).$extends(candidateSearchExtension) as unknown as PrismaClient;
}

const SQLITE_PRAGMAS = [
  // better-sqlite3 is built with a 16 MB page cache per connection, which an import (the file's
  // parts, then every row and its indexes) fills and keeps resident for the life of the process.
  // SQLite's own default is 2 MB; pages beyond it are read again from the operating system's
  // file cache, which holds them anyway.
  "cache_size = -2000",
  // Write-ahead logging: SQLite's default rollback journal syncs the disk several times per
  // commit (about 17 ms each here, two commits per send); in WAL mode with NORMAL sync a commit
  // appends to the log and only checkpoints sync. Readers and the writer no longer block each
  // other either. What NORMAL gives up, the last commits on a power loss (never on a crash of the
  // process), a send survives: its next attempt finds the employee by email in Personio. The mode
  // is stored in the file; every connection (scripts, tests, the CLI) then uses the log.
  "journal_mode = WAL",
  "synchronous = NORMAL",
];

export type { PrismaClient };
