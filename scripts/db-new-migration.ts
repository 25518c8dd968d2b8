// npm run db:new-migration -- <name>
// Writes the next migration for both providers from the one schema source, prisma/schema.prisma:
// 1. renders prisma/postgresql/schema.prisma from it (prisma/schemas.ts);
// 2. finds the schema the committed migrations produce: applies the SQLite migrations to a
//    scratch database and reads it back (`prisma db pull`);
// 3. `prisma migrate diff` from that to the schema, once per provider, into
//    prisma/migrations/<stamp>_<name> and prisma/postgresql/migrations/<stamp>_<name>.
// `prisma migrate dev` needs a shadow database, and `migrate diff --from-url` a native engine;
// the offline JS engine offers neither, hence this. The PostgreSQL diff needs a PostgreSQL
// server to talk to: a throwaway one is started (PostgreSQL binaries must be installed).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";

import { renderPostgresSchema, SCHEMAS } from "../prisma/schemas";
import { migrateDatabase } from "./lib/database";
import { nextMigrationStamp } from "./lib/migration-stamp";
import { startPostgresServer } from "./lib/postgres-server";

const PRISMA_BIN = path.join("node_modules", ".bin", "prisma");

function prisma(args: string[], databaseUrl: string): string {
  return execFileSync(PRISMA_BIN, args, {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function isEmptyMigration(sql: string) {
  return !sql.trim() || /^-- This is an empty migration/m.test(sql);
}

// Hand-written virtual tables (the FTS5 search index, see Candidate in schema.prisma) and their
// shadow tables are not in the schema: `db pull` would read them back as models and the diff
// would then drop them in every new migration.
function withoutVirtualTables(schema: string, sqliteFile: string): string {
  const sqlite = new Database(sqliteFile, { readonly: true });
  let virtualTables: string[];
  try {
    virtualTables = (
      sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
        .all() as Array<{ name: string }>
    ).map((row) => row.name);
  } finally {
    sqlite.close();
  }
  const isVirtual = (model: string) => virtualTables.some((table) => model === table || model.startsWith(`${table}_`));
  return schema.replace(/^model (\w+) \{[\s\S]*?^\}\n?/gm, (block, model: string) => (isVirtual(model) ? "" : block));
}

async function main() {
  const name = (process.argv[2] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!name) {
    console.error("Usage: npm run db:new-migration -- <name>   (for example: add_handoff_notes)");
    process.exit(1);
  }

  const source = fs.readFileSync(SCHEMAS.sqlite.schema, "utf8");
  fs.mkdirSync(path.dirname(SCHEMAS.postgresql.schema), { recursive: true });
  fs.writeFileSync(SCHEMAS.postgresql.schema, renderPostgresSchema(source));

  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-migration-"));
  const scratchUrl = `file:${path.join(scratchDir, "scratch.db")}`;
  const server = await startPostgresServer();
  try {
    migrateDatabase(scratchUrl, { quiet: true });
    // `db pull` rewrites a copy of the schema with the scratch database's tables (stdout with
    // --print would carry Prisma's warnings too).
    const migratedSqlite = path.join(scratchDir, "migrated.sqlite.prisma");
    const migratedPostgres = path.join(scratchDir, "migrated.postgresql.prisma");
    fs.copyFileSync(SCHEMAS.sqlite.schema, migratedSqlite);
    prisma(["db", "pull", "--schema", migratedSqlite], scratchUrl);
    fs.writeFileSync(
      migratedSqlite,
      withoutVirtualTables(fs.readFileSync(migratedSqlite, "utf8"), path.join(scratchDir, "scratch.db")),
    );
    fs.writeFileSync(migratedPostgres, renderPostgresSchema(fs.readFileSync(migratedSqlite, "utf8")));

    const diffs = {
      sqlite: prisma(
        [
          "migrate",
          "diff",
          "--from-schema-datamodel",
          migratedSqlite,
          "--to-schema-datamodel",
          SCHEMAS.sqlite.schema,
          "--script",
        ],
        scratchUrl,
      ),
      postgresql: prisma(
        [
          "migrate",
          "diff",
          "--from-schema-datamodel",
          migratedPostgres,
          "--to-schema-datamodel",
          SCHEMAS.postgresql.schema,
          "--script",
        ],
        server.url,
      ),
    };
    if (isEmptyMigration(diffs.sqlite) && isEmptyMigration(diffs.postgresql)) {
      console.log("The schema matches the migrations: nothing to write.");
      return;
    }
    const stamp = nextMigrationStamp(new Date(), fs.readdirSync(SCHEMAS.sqlite.migrations));
    for (const provider of ["sqlite", "postgresql"] as const) {
      const dir = path.join(SCHEMAS[provider].migrations, `${stamp}_${name}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), diffs[provider]);
      console.log(`Wrote ${dir}/migration.sql`);
    }
    execFileSync(path.join("node_modules", ".bin", "tsx"), ["scripts/db-generate.ts"], { stdio: "inherit" });
    console.log("Review both, then run npm run db:migrate (and commit prisma/postgresql/schema.prisma too).");
  } finally {
    await server.stop();
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
