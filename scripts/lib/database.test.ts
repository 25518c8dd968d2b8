import { describe, expect, it } from "vitest";

import { appliedMigrations } from "./database";

describe("appliedMigrations", () => {
  it("reads the folders prisma migrate deploy applied (SQLite)", () => {
    const output = `Prisma schema loaded from prisma/schema.prisma

WARNING: Your schema specifies the following datasource properties but you are using a Driver Adapter via prisma.config.ts:
- url

2 migrations found in prisma/migrations


The following migration(s) have been applied:

migrations/
  └─ 20261122000000_init/
    └─ migration.sql
  └─ 20261130013135_users_last_sign_in/
    └─ migration.sql

All migrations have been successfully applied.`;
    expect(appliedMigrations(output)).toEqual(["20261122000000_init", "20261130013135_users_last_sign_in"]);
  });

  it("reads what postgres-migrate.ts applied", () => {
    expect(appliedMigrations("Applied 1 migration(s):\n  20261130013135_users_last_sign_in\n")).toEqual([
      "20261130013135_users_last_sign_in",
    ]);
  });

  it("is empty when nothing was pending", () => {
    expect(appliedMigrations("10 migrations found in prisma/migrations\n\nNo pending migrations to apply.")).toEqual(
      [],
    );
  });
});
