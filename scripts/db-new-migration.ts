// npm run db:new-migration -- <name>
// `prisma migrate dev` needs a shadow database the offline JS engine cannot provide, so the
// new migration is the diff between the committed migrations and prisma/schema.prisma.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { migrateDatabase } from "./lib/database";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>   (for example: add_handoff_notes)");
  process.exit(1);
}

// A scratch database at the state of the committed migrations.
const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-migration-"));
const scratchUrl = `file:${path.join(scratchDir, "scratch.db")}`;
migrateDatabase(scratchUrl, { quiet: true });

const sql = execFileSync(
  path.join("node_modules", ".bin", "prisma"),
  ["migrate", "diff", "--from-url", scratchUrl, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", env: { ...process.env, DATABASE_URL: scratchUrl } },
);
fs.rmSync(scratchDir, { recursive: true, force: true });

if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql. Review it, then run npm run db:migrate.`);
