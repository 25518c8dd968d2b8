// DATABASE_URL alone chooses the database: postgresql:// (or postgres://) means PostgreSQL,
// anything else (file:…) SQLite, the default.
export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(databaseUrl: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(databaseUrl) ? "postgresql" : "sqlite";
}

/** The database when DATABASE_URL is unset: SQLite under data/ (git-ignored). */
export const DEFAULT_DATABASE_URL = "file:./data/handoff.db";
