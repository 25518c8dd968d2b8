// Test databases: a fresh, migrated database per test run or harness, on SQLite or on the
// PostgreSQL server npm test starts. Only tests use this; the app's own migration is scripts/lib/database.ts.
import fs from "node:fs";
import path from "node:path";

import { databaseProvider, type DatabaseProvider } from "@/lib/db/provider";
import { SCHEMAS } from "@/prisma/schemas";
import { deleteSqliteDatabase, migrateDatabase } from "@/scripts/lib/database";
import { dropPostgresDatabase, postgresDatabaseUrl, recreatePostgresDatabase } from "@/scripts/lib/postgres-databases";

// Where test databases live: HANDOFF_TEST_DATABASE_URL names a PostgreSQL server (any database
// on it, e.g. postgresql://postgres@127.0.0.1:5433/postgres) on which each fresh database is a
// new database; unset, they are SQLite files under data/. `npm test` sets it for its
// PostgreSQL run.
export function testDatabaseServerUrl(): string | null {
  const url = process.env.HANDOFF_TEST_DATABASE_URL;
  return url && databaseProvider(url) === "postgresql" ? url : null;
}

// A new, empty, migrated database for one test run or harness, named so runs don't collide.
export async function createFreshDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = testDatabaseServerUrl();
  if (serverUrl) {
    const url = postgresDatabaseUrl(serverUrl, name);
    await recreatePostgresDatabase(url);
    migrateDatabase(url, { quiet: true });
    return { url, drop: () => dropPostgresDatabase(url) };
  }
  const url = `file:./data/${name}.db`;
  deleteSqliteDatabase(url);
  migrateDatabase(url, { quiet: true });
  return { url, drop: async () => deleteSqliteDatabase(url) };
}

// A committed migration's SQL for one provider, statement by statement, comments dropped: for
// tests that run a migration (or part of it) on data an earlier schema left.
export function migrationStatements(migration: string, provider: DatabaseProvider): string[] {
  return fs
    .readFileSync(path.join(SCHEMAS[provider].migrations, migration, "migration.sql"), "utf8")
    .split(/;\s*\n/)
    .map((statement) => statement.replace(/^--.*$/gm, "").trim())
    .filter(Boolean);
}
