// Test databases: a fresh, migrated database per test run or harness, on SQLite or on the
// PostgreSQL server npm test starts. Only tests use this; the app's own migration is scripts/lib/database.ts.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { databaseProvider, sqliteFilePath, type DatabaseProvider } from "@/lib/db/provider";
import { SCHEMAS } from "@/prisma/schemas";
import { deleteSqliteDatabase, migrateDatabase } from "@/scripts/lib/database";
import { copyPostgresDatabase, dropPostgresDatabase, postgresDatabaseUrl } from "@/scripts/lib/postgres-databases";

// Where test databases live: HANDOFF_TEST_DATABASE_URL names a PostgreSQL server (any database
// on it, e.g. postgresql://postgres@127.0.0.1:5433/postgres) on which each fresh database is a
// new database; unset, they are SQLite files under data/. `npm test` sets it for its
// PostgreSQL run.
export function testDatabaseServerUrl(): string | null {
  const url = process.env.HANDOFF_TEST_DATABASE_URL;
  return url && databaseProvider(url) === "postgresql" ? url : null;
}

// A new, empty, migrated database for one test run or harness, named so runs don't collide.
// A copy of a template migrated once per set of migrations (migrating takes seconds of CPU: a
// Prisma or tsx process per database; copying takes milliseconds), so the many fresh databases
// of a test run cost little. The template's name carries a hash of the migrations: a new or
// edited migration makes a new template.
export async function createFreshDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = testDatabaseServerUrl();
  if (serverUrl) {
    const url = postgresDatabaseUrl(serverUrl, name);
    const template = postgresDatabaseUrl(serverUrl, `handoff_template_${migrationsHash("postgresql")}`);
    await copyPostgresDatabase(template, url, (buildingUrl) => void migrateDatabase(buildingUrl, { quiet: true }));
    return { url, drop: () => dropPostgresDatabase(url) };
  }
  const url = `file:./data/${name}.db`;
  deleteSqliteDatabase(url);
  fs.copyFileSync(sqliteTemplate(), sqliteFilePath(url)!);
  return { url, drop: async () => deleteSqliteDatabase(url) };
}

function migrationsHash(provider: DatabaseProvider): string {
  const hash = crypto.createHash("sha256");
  const folder = SCHEMAS[provider].migrations;
  for (const entry of fs.readdirSync(folder, { recursive: true, encoding: "utf8" }).sort()) {
    const file = path.join(folder, entry);
    if (!fs.statSync(file).isFile()) continue;
    hash.update(entry).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

// Migrated under a name of its own and renamed into place, so a process that finds the template
// finds it complete (test workers and harnesses create databases at the same time).
function sqliteTemplate(): string {
  const template = path.resolve(`data/templates/sqlite-${migrationsHash("sqlite")}.db`);
  if (fs.existsSync(template)) return template;
  fs.mkdirSync(path.dirname(template), { recursive: true });
  const building = `${template}.${process.pid}.building`;
  deleteSqliteDatabase(`file:${building}`);
  migrateDatabase(`file:${building}`, { quiet: true });
  if (fs.existsSync(`${building}-wal`)) throw new Error(`The migrated template ${building} left a write-ahead log`);
  fs.renameSync(building, template);
  return template;
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
