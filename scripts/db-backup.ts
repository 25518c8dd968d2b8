// npm run db:backup [-- <file>]: a consistent copy of the SQLite database while the app runs,
// with SQLite's online backup API (through better-sqlite3): pages are copied in steps, and a
// write by the app meanwhile restarts the copy from a consistent point, so the file is the
// database as of one moment, with every transaction committed by then and none half-written.
// PostgreSQL: use pg_dump (README, "Backups").
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import { databaseProvider, DEFAULT_DATABASE_URL, sqliteFilePath } from "../lib/db/provider";

const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
if (databaseProvider(databaseUrl) === "postgresql") {
  console.error('DATABASE_URL is PostgreSQL: back it up with pg_dump (README, "Backups").');
  process.exit(1);
}
const source = sqliteFilePath(databaseUrl)!;
if (!fs.existsSync(source)) {
  console.error(`No database at ${source}.`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = path.resolve(process.argv[2] ?? path.join(path.dirname(source), "backups", `handoff-${stamp}.db`));
if (fs.existsSync(target)) {
  console.error(`${target} exists already; choose another file.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });

// Read-only: the backup never writes to the live database. The busy timeout waits out a writer.
const database = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
try {
  const started = Date.now();
  await database.backup(target);
  // The copy must open and pass SQLite's own check before anyone relies on it.
  const copy = new Database(target, { readonly: true });
  const check = copy.pragma("integrity_check", { simple: true });
  copy.close();
  if (check !== "ok") throw new Error(`The backup failed SQLite's integrity check: ${String(check)}`);
  const size = fs.statSync(target).size;
  console.log(`Backup written to ${target} (${(size / 1024 / 1024).toFixed(1)} MB, ${Date.now() - started} ms).`);
} catch (error) {
  fs.rmSync(target, { force: true });
  throw error;
} finally {
  database.close();
}
