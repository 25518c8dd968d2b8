import "server-only";

import fs from "node:fs";
import path from "node:path";

import { db } from "@/lib/db";
import { databaseProvider, sqliteFilePath } from "@/lib/db/provider";
import { env } from "@/lib/env";
import { isShuttingDown } from "@/lib/shutdown";
import { SCHEMAS } from "@/prisma/schemas";

// What /api/ready reports: whether this process can serve (its database answers and has every
// migration this build knows applied) and, for information only, how the Personio connection
// fared last. Personio being down is not a reason to take the app out of a load balancer: pages,
// the queue and imports still work, and sends explain the failure. No personal data, no ids.

export type PersonioState = "not_connected" | "disabled" | "healthy" | "failing" | "untested";

export type Readiness = {
  ready: boolean;
  database: "ok" | "missing" | "unreachable";
  migrations: "ok" | "pending" | "failed" | "unknown";
  personio: PersonioState | "unknown";
  shuttingDown: boolean;
};

// Longer than a healthy database ever takes, short enough for a probe that runs every few seconds.
const DATABASE_TIMEOUT_MS = 2_000;

let knownMigrations: string[] | null | undefined;

// The migration folders shipped with this build (npm start and the image run from the project
// directory); null when they are not there to compare with.
function migrationsOfThisBuild(): string[] | null {
  if (knownMigrations !== undefined) return knownMigrations;
  const folder = path.join(process.cwd(), SCHEMAS[databaseProvider(env.DATABASE_URL)].migrations);
  try {
    knownMigrations = fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    knownMigrations = null;
  }
  return knownMigrations;
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database check timed out")), DATABASE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type MigrationRow = { migration_name: string; finished_at: unknown; rolled_back_at: unknown };

export async function checkReadiness(): Promise<Readiness> {
  const shuttingDown = isShuttingDown();
  // An SQLite file deleted or unmounted under the running process still answers through the open
  // handle, while nothing written now would survive: the file itself must be there.
  const file = sqliteFilePath(env.DATABASE_URL);
  if (file && !fs.existsSync(file)) {
    return { ready: false, database: "missing", migrations: "unknown", personio: "unknown", shuttingDown };
  }
  let rows: MigrationRow[];
  let integration: { enabled: boolean; lastSuccessAt: Date | null; lastErrorAt: Date | null } | null;
  try {
    [rows, integration] = await withTimeout(
      Promise.all([
        db.$queryRawUnsafe<MigrationRow[]>(
          'SELECT "migration_name", "finished_at", "rolled_back_at" FROM "_prisma_migrations"',
        ),
        db.personioIntegration.findFirst({ select: { enabled: true, lastSuccessAt: true, lastErrorAt: true } }),
      ]),
    );
  } catch {
    return { ready: false, database: "unreachable", migrations: "unknown", personio: "unknown", shuttingDown };
  }
  const migrations = migrationState(rows, migrationsOfThisBuild());
  return {
    ready: migrations === "ok" && !shuttingDown,
    database: "ok",
    migrations,
    personio: personioState(integration),
    shuttingDown,
  };
}

export function migrationState(rows: MigrationRow[], expected: string[] | null): Readiness["migrations"] {
  const live = rows.filter((row) => !row.rolled_back_at);
  if (live.some((row) => !row.finished_at)) return "failed";
  const applied = new Set(live.map((row) => row.migration_name));
  if (expected === null) return applied.size > 0 ? "ok" : "pending";
  return expected.every((name) => applied.has(name)) ? "ok" : "pending";
}

export function personioState(
  integration: { enabled: boolean; lastSuccessAt: Date | null; lastErrorAt: Date | null } | null,
): PersonioState {
  if (!integration) return "not_connected";
  if (!integration.enabled) return "disabled";
  const { lastSuccessAt, lastErrorAt } = integration;
  if (lastErrorAt && (!lastSuccessAt || lastErrorAt > lastSuccessAt)) return "failing";
  return lastSuccessAt ? "healthy" : "untested";
}
