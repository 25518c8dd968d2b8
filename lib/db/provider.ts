import path from "node:path";

// DATABASE_URL alone chooses the database: postgresql:// (or postgres://) means PostgreSQL,
// anything else (file:…) SQLite, the default.
export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(databaseUrl: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(databaseUrl) ? "postgresql" : "sqlite";
}

/** The database when DATABASE_URL is unset: SQLite under data/ (git-ignored). */
export const DEFAULT_DATABASE_URL = "file:./data/handoff.db";

/** The file of a SQLite DATABASE_URL (a relative path is relative to `cwd`), or null for PostgreSQL. */
export function sqliteFilePath(databaseUrl: string, cwd = process.cwd()): string | null {
  if (databaseProvider(databaseUrl) !== "sqlite" || !databaseUrl.startsWith("file:")) return null;
  return path.resolve(cwd, databaseUrl.slice("file:".length).split("?")[0]!);
}
