import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// Prisma's native engines cannot be downloaded on offline machines: use the bundled
// WASM schema engine and a driver adapter instead (see README, "Database").
// The schema's datasource reads DATABASE_URL; without a value \`prisma generate\` falls back to
// downloading a query engine, so a fresh \`npm install\` needs the default set here.
const databaseUrl = (process.env.DATABASE_URL ??= "file:./data/handoff.db");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () =>
    new PrismaBetterSQLite3({ url: databaseUrl }),
});
