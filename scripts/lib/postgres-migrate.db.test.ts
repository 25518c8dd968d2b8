// The PostgreSQL migrator against a real server: npm test's PostgreSQL run sets
// HANDOFF_TEST_DATABASE_URL; the SQLite run has no server to use and says so.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { testDatabaseServerUrl } from "../../e2e/support/test-database";
import { createPrismaClient } from "../../lib/db/create-prisma-client";
import { DEFAULT_ROLES } from "../../lib/permissions/definitions";
import { dropPostgresDatabase, postgresDatabaseUrl, recreatePostgresDatabase } from "./postgres-databases";
import { migratePostgres, migrationChecksum, readMigrations } from "./postgres-migrate";

const serverUrl = testDatabaseServerUrl();
const created: string[] = [];
const silent = () => undefined;

async function freshDatabase(label: string) {
  const url = postgresDatabaseUrl(serverUrl!, `vitest_migrate_${label}_${process.pid}`);
  await recreatePostgresDatabase(url);
  created.push(url);
  return url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function migrationsDirWith(extra: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-migrations-"));
  fs.cpSync("prisma/postgresql/migrations", dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

afterAll(async () => {
  for (const url of created) await dropPostgresDatabase(url);
});

describe.skipIf(!serverUrl)(
  "PostgreSQL migrator (needs HANDOFF_TEST_DATABASE_URL, set by npm test's PostgreSQL run)",
  () => {
    it("applies every migration once and records it as Prisma does", async () => {
      const url = await freshDatabase("history");
      const local = readMigrations();
      expect(await migratePostgres(url, { log: silent })).toEqual(local.map((migration) => migration.name));
      expect(await migratePostgres(url, { log: silent })).toEqual([]);

      // started_at has the millisecond of the JavaScript clock: two small migrations can start in
      // the same one (seen in CI), and they are applied in name order.
      const rows = await query<{
        id: string;
        checksum: string;
        migration_name: string;
        logs: string | null;
        rolled_back_at: Date | null;
        started_at: Date;
        finished_at: Date;
        applied_steps_count: number;
      }>(url, "SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name");
      expect(rows.map((row) => row.migration_name)).toEqual(local.map((migration) => migration.name));
      for (const [index, row] of rows.entries()) {
        const file = fs.readFileSync(`prisma/postgresql/migrations/${row.migration_name}/migration.sql`);
        expect(row.checksum).toBe(execFileSync("sha256sum", { input: file, encoding: "utf8" }).split(" ")[0]);
        expect(row.checksum).toBe(local[index]!.checksum);
        expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(row).toMatchObject({ applied_steps_count: 1, logs: null, rolled_back_at: null });
        expect(row.finished_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      }
      // The table exactly as Prisma's schema engine creates it.
      const columns = await query(
        url,
        "SELECT column_name, data_type, character_maximum_length, is_nullable, column_default FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position",
      );
      expect(columns).toEqual([
        {
          column_name: "id",
          data_type: "character varying",
          character_maximum_length: 36,
          is_nullable: "NO",
          column_default: null,
        },
        {
          column_name: "checksum",
          data_type: "character varying",
          character_maximum_length: 64,
          is_nullable: "NO",
          column_default: null,
        },
        {
          column_name: "finished_at",
          data_type: "timestamp with time zone",
          character_maximum_length: null,
          is_nullable: "YES",
          column_default: null,
        },
        {
          column_name: "migration_name",
          data_type: "character varying",
          character_maximum_length: 255,
          is_nullable: "NO",
          column_default: null,
        },
        {
          column_name: "logs",
          data_type: "text",
          character_maximum_length: null,
          is_nullable: "YES",
          column_default: null,
        },
        {
          column_name: "rolled_back_at",
          data_type: "timestamp with time zone",
          character_maximum_length: null,
          is_nullable: "YES",
          column_default: null,
        },
        {
          column_name: "started_at",
          data_type: "timestamp with time zone",
          character_maximum_length: null,
          is_nullable: "NO",
          column_default: "now()",
        },
        {
          column_name: "applied_steps_count",
          data_type: "integer",
          character_maximum_length: null,
          is_nullable: "NO",
          column_default: "0",
        },
      ]);
    });

    it("Prisma's own `migrate status` reads the history as up to date", async () => {
      const url = await freshDatabase("status");
      await migratePostgres(url, { log: silent });
      const output = execFileSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "status"], {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: url },
        stdio: ["ignore", "pipe", "pipe"],
      });
      expect(output).toContain(`${readMigrations().length} migration`);
      expect(output).toContain("Database schema is up to date!");
      // Every migration applied, then Prisma's CLI started (it loads its schema engine): seconds of
      // CPU, beside the SQLite Playwright run in npm test; it took 49 s there on a busy machine.
    }, 90_000);

    it("two instances starting at once: the advisory lock lets one apply, the other finds nothing to do", async () => {
      const url = await freshDatabase("race");
      const results = await Promise.all([migratePostgres(url, { log: silent }), migratePostgres(url, { log: silent })]);
      expect(results.map((names) => names.length).sort()).toEqual([0, readMigrations().length]);
      const [row] = await query<{ count: string }>(url, "SELECT count(*) FROM _prisma_migrations");
      expect(Number(row?.count)).toBe(readMigrations().length);
    });

    it("a failing migration is rolled back whole and not recorded; the fixed one applies next time", async () => {
      const url = await freshDatabase("failing");
      const broken = migrationsDirWith({
        "29990101000000_broken": 'CREATE TABLE "Probe" (id TEXT);\nSELECT no_such_function();\n',
      });
      await expect(migratePostgres(url, { migrationsDir: broken, log: silent })).rejects.toThrow(
        /29990101000000_broken failed and was rolled back/,
      );
      expect(await query(url, "SELECT to_regclass('\"Probe\"') AS probe")).toEqual([{ probe: null }]);
      expect(
        await query(url, "SELECT migration_name FROM _prisma_migrations WHERE migration_name LIKE '2999%'"),
      ).toEqual([]);

      fs.writeFileSync(
        path.join(broken, "29990101000000_broken", "migration.sql"),
        'CREATE TABLE "Probe" (id TEXT);\n',
      );
      expect(await migratePostgres(url, { migrationsDir: broken, log: silent })).toEqual(["29990101000000_broken"]);
      fs.rmSync(broken, { recursive: true, force: true });
    });

    it("refuses a database with a failed migration recorded (P3009) and a non-empty one without history (P3005)", async () => {
      const failed = await freshDatabase("p3009");
      await migratePostgres(failed, { log: silent });
      await query(failed, "UPDATE _prisma_migrations SET finished_at = NULL, logs = 'boom'");
      await expect(migratePostgres(failed, { log: silent })).rejects.toThrow(/P3009[\s\S]*boom/);

      const foreign = await freshDatabase("p3005");
      await query(foreign, "CREATE TABLE someone_elses (id INT)");
      await expect(migratePostgres(foreign, { log: silent })).rejects.toThrow(/P3005/);
    });

    it("migrations reproduce the schema: same tables, columns and indexes as the datamodel itself", async () => {
      const migrated = await freshDatabase("by_migrations");
      await migratePostgres(migrated, { log: silent });
      const direct = await freshDatabase("by_datamodel");
      const sql = execFileSync(
        path.join("node_modules", ".bin", "prisma"),
        ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/postgresql/schema.prisma", "--script"],
        { encoding: "utf8", env: { ...process.env, DATABASE_URL: direct }, stdio: ["ignore", "pipe", "pipe"] },
      );
      await query(direct, sql);

      // Collation is left out on purpose: the search keys are COLLATE "C" by hand (see that migration).
      // So is the trigram index, also by hand (candidate_search_text): Prisma's schema for both
      // databases cannot state a PostgreSQL-only GIN index.
      const shape = async (url: string) => ({
        columns: await query(
          url,
          "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns " +
            "WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name",
        ),
        indexes: await query(
          url,
          "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND indexdef NOT LIKE '%gin_trgm_ops%' ORDER BY indexdef",
        ),
        constraints: await query(
          url,
          "SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace " +
            "AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY conname",
        ),
      });
      expect(await shape(migrated)).toEqual(await shape(direct));
      // Two databases built whole (every migration in its own transaction, and Prisma's CLI
      // started once); npm test runs the PostgreSQL database tests beside the
      // SQLite Playwright run, where it took 22 s; vitest's default of 20 s is no budget for it.
    }, 90_000);

    it("a URL naming a schema (?schema=…): the migrations and the app's client use that schema", async () => {
      const url = `${await freshDatabase("schema")}?schema=handoff_app`;
      await migratePostgres(url, { log: silent });
      const tables = await query<{ table_schema: string }>(
        url,
        "SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name IN ('Role', '_prisma_migrations')",
      );
      expect(tables).toEqual([{ table_schema: "handoff_app" }]);
      const client = createPrismaClient(url);
      try {
        // The migrations put the default roles into that schema; the client reads them there.
        expect(await client.role.count()).toBe(DEFAULT_ROLES.length);
        await client.role.create({ data: { id: "probe", name: "Probe" } });
        expect(await client.role.count()).toBe(DEFAULT_ROLES.length + 1);
      } finally {
        await client.$disconnect();
      }
    });

    it("checksums are SHA-256 hex of the file, zero-padded", () => {
      expect(migrationChecksum("hello")).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    });
  },
);
