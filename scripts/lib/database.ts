import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import { databaseProvider, sqliteFilePath } from "../../lib/db/provider";
import { SCHEMAS } from "../../prisma/schemas";
import { recreatePostgresDatabase } from "./postgres-databases";
import { migrationNames } from "./postgres-migrate";

// The packages' own entry points rather than node_modules/.bin links, which the container
// image's copy of node_modules does not have (scripts/image.ts).
const PRISMA_CLI = path.join(process.cwd(), "node_modules", "prisma", "build", "index.js");
const TSX_CLI = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");

// Applies the committed migrations of DATABASE_URL's provider with Prisma's own history table,
// so `prisma migrate status` and later `migrate deploy` runs agree with what happened here.
// SQLite: `prisma migrate deploy`. PostgreSQL: scripts/lib/postgres-migrate.ts, because
// `migrate deploy` through the offline JS engine fails there (README, "PostgreSQL").
// `capture`: print nothing, return what it would have printed.
export function migrateDatabase(databaseUrl: string, { quiet = false, capture = false } = {}): string | null {
  if (databaseProvider(databaseUrl) === "postgresql") {
    return execFileSync(
      process.execPath,
      [TSX_CLI, path.join("scripts", "lib", "postgres-migrate.ts"), ...(quiet ? ["--quiet"] : [])],
      {
        env: { ...process.env, DATABASE_URL: databaseUrl },
        stdio: quiet || capture ? "pipe" : "inherit",
        encoding: "utf8",
      },
    );
  }
  const file = sqliteFilePath(databaseUrl);
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
  // Prisma's migrate takes SQLite's EXCLUSIVE locking mode, which in write-ahead-log mode waits for
  // every other connection to close: beside a running app (npm run admin:create) it would fail
  // after its busy timeout. With nothing to apply it need not run at all.
  if (file && !hasPendingSqliteMigrations(file)) {
    if (!quiet && !capture) console.log(NOTHING_PENDING);
    return NOTHING_PENDING;
  }
  return execFileSync(process.execPath, [PRISMA_CLI, "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: quiet || capture ? "pipe" : "inherit",
    encoding: "utf8",
  });
}

const NOTHING_PENDING = "No pending migrations to apply.";

// Whether the committed SQLite migrations are all recorded as applied in Prisma's history table
// (read only; a missing file, a missing table or a failed migration count as pending, so the
// CLI runs and says what it finds).
function hasPendingSqliteMigrations(file: string): boolean {
  if (!fs.existsSync(file)) return true;
  const committed = migrationNames(SCHEMAS.sqlite.migrations);
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'");
    if (!table.get()) return true;
    const rows = database
      .prepare("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations")
      .all() as Array<{ migration_name: string; finished_at: unknown; rolled_back_at: unknown }>;
    if (rows.some((row) => row.finished_at === null && row.rolled_back_at === null)) return true;
    const applied = new Set(rows.filter((row) => row.finished_at !== null).map((row) => row.migration_name));
    return committed.some((name) => !applied.has(name));
  } finally {
    database.close();
  }
}

/** The migration folders that `prisma migrate deploy` (SQLite) or postgres-migrate.ts says it applied now. */
export function appliedMigrations(output: string): string[] {
  const [, applied = ""] = output.split(
    /(?:The following migration\(s\) have been applied:|Applied \d+ migration\(s\):)/,
  );
  return [...new Set([...applied.matchAll(/\b(\d{14}_[\w-]+)/g)].map((match) => match[1]!))];
}

// For `npm run dev`: one line instead of Prisma's whole report. That report carries, on every run,
// Prisma's warning that the schema's datasource `url` is not used with a driver adapter: it is
// there on purpose (prisma.config.ts: `prisma generate` needs it), so the warning says nothing a
// developer can act on. A failure still prints everything Prisma said.
export function migrateDatabaseBriefly(databaseUrl: string): string {
  try {
    const output = migrateDatabase(databaseUrl, { capture: true }) ?? "";
    const applied = appliedMigrations(output);
    return applied.length
      ? `Database: applied ${applied.length} migration(s): ${applied.join(", ")}`
      : "Database: up to date";
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer | string; stderr?: Buffer | string };
    if (stdout) process.stdout.write(String(stdout));
    if (stderr) process.stderr.write(String(stderr));
    throw error;
  }
}

export function deleteSqliteDatabase(databaseUrl: string) {
  const file = sqliteFilePath(databaseUrl);
  if (!file) return;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

// An empty database at DATABASE_URL, for a test run: SQLite deletes the file, PostgreSQL
// drops and creates the database (on a server the tests own).
export async function resetDatabase(databaseUrl: string) {
  if (databaseProvider(databaseUrl) === "postgresql") await recreatePostgresDatabase(databaseUrl);
  else deleteSqliteDatabase(databaseUrl);
}
