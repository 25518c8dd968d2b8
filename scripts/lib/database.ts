import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { databaseProvider } from "../../lib/db/provider";

import { recreatePostgresDatabase } from "./postgres-databases";

const BIN = path.join(process.cwd(), "node_modules", ".bin");
const PRISMA_BIN = path.join(BIN, "prisma");

function sqliteFilePath(databaseUrl: string): string | null {
  if (!databaseUrl.startsWith("file:")) return null;
  return path.resolve(process.cwd(), databaseUrl.slice("file:".length).split("?")[0]!);
}

// Applies the committed migrations of DATABASE_URL's provider with Prisma's own history table,
// so `prisma migrate status` and later `migrate deploy` runs agree with what happened here.
// SQLite: `prisma migrate deploy`. PostgreSQL: scripts/lib/postgres-migrate.ts, because
// `migrate deploy` through the offline JS engine fails there (README, "PostgreSQL").
export function migrateDatabase(databaseUrl: string, { quiet = false } = {}) {
  if (databaseProvider(databaseUrl) === "postgresql") {
    execFileSync(path.join(BIN, "tsx"), [path.join("scripts", "lib", "postgres-migrate.ts"), ...(quiet ? ["--quiet"] : [])], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: quiet ? "pipe" : "inherit",
    });
    return;
  }
  const file = sqliteFilePath(databaseUrl);
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(PRISMA_BIN, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: quiet ? "pipe" : "inherit",
  });
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
