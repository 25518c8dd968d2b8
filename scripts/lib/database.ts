import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const PRISMA_BIN = path.join(process.cwd(), "node_modules", ".bin", "prisma");

function sqliteFilePath(databaseUrl: string): string | null {
  if (!databaseUrl.startsWith("file:")) return null;
  return path.resolve(process.cwd(), databaseUrl.slice("file:".length).split("?")[0]!);
}

// Applies the committed migrations (prisma/migrations) with Prisma's own history table,
// so `prisma migrate status` and later `migrate deploy` runs agree with what happened here.
export function migrateDatabase(databaseUrl: string, { quiet = false } = {}) {
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

// A new, empty, migrated database for one test run or harness, named so runs don't collide.
// SQLite: a file under data/. (The PostgreSQL issue extends this to a database per name.)
export async function createFreshDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = `file:./data/${name}.db`;
  deleteSqliteDatabase(url);
  migrateDatabase(url, { quiet: true });
  return { url, drop: async () => deleteSqliteDatabase(url) };
}
