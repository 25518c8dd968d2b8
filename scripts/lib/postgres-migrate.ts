// Applies prisma/postgresql/migrations to a PostgreSQL database and records them in Prisma's
// own `_prisma_migrations` table. `prisma migrate deploy` cannot do it through the offline JS
// schema engine (it fails reading PostgreSQL's catalog), so this does what Prisma's schema
// engine does (prisma-engines: core/src/commands/apply_migrations.rs, sql_migration_persistence.rs,
// flavour/postgres.rs), in the same table with the same values, so `prisma migrate status` and
// a later `prisma migrate deploy` (native engine, with internet access) agree with it:
// - the same advisory lock (72707369), so instances starting together, and Prisma itself,
//   apply migrations one at a time;
// - the table created exactly as Prisma creates it, and only in an empty database (P3005);
// - a recorded migration that never finished stops the run, as P3009 does;
// - pending migrations in folder-name order, each row: a random UUID id, the SHA-256 hex of
//   migration.sql, started_at, finished_at, applied_steps_count 1, logs NULL.
// One difference, on purpose: each migration runs in one transaction with its history row,
// so a failing migration leaves neither half-applied SQL nor a failed row behind; it can be
// fixed and applied again without `prisma migrate resolve`.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import pg from "pg";

import { SCHEMAS } from "../../prisma/schemas";

// Prisma Migrate's advisory lock key (flavour/postgres.rs, acquire_lock).
export const PRISMA_MIGRATE_LOCK_ID = 72707369;

// flavour/postgres.rs, create_migrations_table.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export type LocalMigration = { name: string; script: string; checksum: string };

// Prisma's checksum: SHA-256 of the script's UTF-8 text, lowercase hex (schema-connector/src/checksum.rs).
export function migrationChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/** The migrations committed in a folder, either provider's: its subfolders with a migration.sql, in name order. */
export function migrationNames(migrationsDir: string): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

export function readMigrations(migrationsDir: string = SCHEMAS.postgresql.migrations): LocalMigration[] {
  const lockfile = path.join(migrationsDir, "migration_lock.toml");
  const provider = /provider\s*=\s*"([^"]+)"/.exec(fs.readFileSync(lockfile, "utf8"))?.[1];
  if (provider !== "postgresql") {
    throw new Error(`${lockfile} names provider "${provider}", not "postgresql" (Prisma's P3019).`);
  }
  return migrationNames(migrationsDir).map((name) => {
    const script = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
    return { name, script, checksum: migrationChecksum(script) };
  });
}

type HistoryRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
  logs: string | null;
};

async function ensureHistoryTable(client: pg.Client) {
  const { rows } = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
  );
  if (rows.some((row) => row.table_name === "_prisma_migrations")) return;
  if (rows.length > 0) {
    throw new Error(
      "The database schema is not empty, and it has no Prisma migration history (Prisma's P3005). " +
        "Use an empty database, or baseline it (https://pris.ly/d/migrate-baseline).",
    );
  }
  await client.query(CREATE_MIGRATIONS_TABLE);
}

export async function migratePostgres(
  databaseUrl: string,
  { migrationsDir = SCHEMAS.postgresql.migrations as string, log = (line: string) => console.log(line) } = {},
): Promise<string[]> {
  const migrations = readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // A ?schema=… in the URL (Prisma's way of naming one) is where the tables and the history go.
    const schema = new URL(databaseUrl).searchParams.get("schema");
    if (schema) {
      const quoted = `"${schema.replace(/"/g, '""')}"`;
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
      await client.query(`SET search_path TO ${quoted}`);
    }
    // Held for the whole run; released when the connection closes, also if this process dies.
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_ID]);
    await ensureHistoryTable(client);

    const { rows: history } = await client.query<HistoryRow>(
      "SELECT migration_name, checksum, finished_at, rolled_back_at, started_at, logs FROM _prisma_migrations ORDER BY started_at",
    );
    const failed = history.filter((row) => !row.finished_at && !row.rolled_back_at);
    if (failed.length > 0) {
      const details = failed
        .map(
          (row) =>
            `The \`${row.migration_name}\` migration started at ${row.started_at.toISOString()} failed${row.logs ? `:\n${row.logs}` : ""}`,
        )
        .join("\n");
      throw new Error(
        `Found failed migrations in the database (Prisma's P3009); new migrations will not be applied.\n${details}\n` +
          "See https://pris.ly/d/migrate-resolve",
      );
    }

    const applied = new Set(history.filter((row) => !row.rolled_back_at).map((row) => row.migration_name));
    for (const row of history) {
      const local = migrations.find((migration) => migration.name === row.migration_name);
      if (local && !row.rolled_back_at && !checksumMatches(local.script, row.checksum)) {
        log(`Warning: migration ${row.migration_name} was changed after it was applied.`);
      }
    }

    const appliedNow: string[] = [];
    for (const migration of migrations.filter((candidate) => !applied.has(candidate.name))) {
      const id = randomUUID();
      try {
        await client.query("BEGIN");
        await client.query(
          "INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES ($1, $2, $3, $4)",
          [id, migration.checksum, new Date(), migration.name],
        );
        await client.query(migration.script); // no parameters: the simple protocol runs every statement
        await client.query(
          "UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1 WHERE id = $1",
          [id],
        );
        await client.query("UPDATE _prisma_migrations SET finished_at = $2 WHERE id = $1", [id, new Date()]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, {
          cause: error,
        });
      }
      appliedNow.push(migration.name);
    }

    if (appliedNow.length > 0) {
      log(`Applied ${appliedNow.length} migration(s):\n${appliedNow.map((name) => `  ${name}`).join("\n")}`);
    } else {
      log("No pending migrations to apply.");
    }
    return appliedNow;
  } finally {
    await client.end();
  }
}

// Like Prisma: line endings may differ between the machine that applied it and this one.
function checksumMatches(script: string, checksum: string): boolean {
  return [script, script.replace(/\r\n/g, "\n"), script.replace(/\n/g, "\r\n")].some(
    (variant) => migrationChecksum(variant) === checksum,
  );
}

// `tsx scripts/lib/postgres-migrate.ts` with DATABASE_URL: how the synchronous
// migrateDatabase() in database.ts runs it.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quiet = process.argv.includes("--quiet");
  migratePostgres(process.env.DATABASE_URL ?? "", { log: quiet ? () => undefined : undefined }).catch(
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
