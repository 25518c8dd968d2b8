import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

import { databaseProvider, DEFAULT_DATABASE_URL } from "./lib/db/provider";
import { ImmediateTransactionsSQLite3 } from "./lib/db/sqlite-adapter";

// Prisma's native engines cannot be downloaded on offline machines: use the bundled
// WASM schema engine and a driver adapter instead (see README, "Database").
// The schema's datasource reads DATABASE_URL; without a value \`prisma generate\` falls back to
// downloading a query engine, so a fresh \`npm install\` needs the default set here.
const databaseUrl = (process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL);

// DATABASE_URL chooses the provider: its schema copy, its migrations and its adapter
// (prisma/schemas.ts). `--schema` on the command line still wins over the schema chosen here.
const isPostgres = databaseProvider(databaseUrl) === "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: isPostgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  adapter: async () => {
    // Transactions IMMEDIATE, as the app's: a migration beside a running app (npm run admin:create)
    // would otherwise fail with SQLITE_BUSY when the app commits between its read and its write.
    if (!isPostgres) return new ImmediateTransactionsSQLite3({ url: databaseUrl });
    const schema = new URL(databaseUrl).searchParams.get("schema") ?? undefined;
    return new PrismaPg({ connectionString: databaseUrl }, schema ? { schema } : undefined);
  },
});
