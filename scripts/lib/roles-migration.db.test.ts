// Roles and their default permissions come from a migration, so every database has them. Runs on
// SQLite, and on PostgreSQL in npm test's PostgreSQL run (HANDOFF_TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFreshDatabase, migrationStatements } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { databaseProvider } from "@/lib/db/provider";
import { DEFAULT_ROLES } from "@/lib/permissions/definitions";

const MIGRATION = "20261129234950_accounts_and_first_run";

// The data part of the migration (everything from its first INSERT), statement by statement.
function dataStatements(provider: "sqlite" | "postgresql"): string[] {
  const statements = migrationStatements(MIGRATION, provider);
  return statements.slice(statements.findIndex((statement) => statement.startsWith('INSERT INTO "Role"')));
}

async function permissionsByRole(db: PrismaClient) {
  const roles = await db.role.findMany({
    orderBy: { position: "asc" },
    select: { id: true, name: true, permissions: { select: { permission: true } } },
  });
  return roles.map((role) => ({
    id: role.id,
    name: role.name,
    permissions: role.permissions.map((row) => row.permission).sort(),
  }));
}

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let db: PrismaClient;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-roles-${process.pid}`);
  db = createPrismaClient(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe("roles from the migrations", () => {
  it("a new database has every default role with exactly its default permissions, and no installation yet", async () => {
    expect(await permissionsByRole(db)).toEqual(
      DEFAULT_ROLES.map((role) => ({ id: role.id, name: role.name, permissions: [...role.permissions].sort() })),
    );
    expect(await db.installation.count()).toBe(0);
  });

  it("on a database that had roles and users before, it keeps what admins changed and marks the installation as set up", async () => {
    // As a database seeded before this migration: a role an admin changed, a user.
    await db.rolePermission.delete({
      where: { roleId_permission: { roleId: "recruiter", permission: "personio:send" } },
    });
    await db.role.update({ where: { id: "hiring_manager" }, data: { name: "Hiring lead" } });
    await db.user.create({
      data: { name: "Earlier Admin", email: "earlier@example.com", roleId: "admin", passwordHash: "x" },
    });
    for (const statement of dataStatements(databaseProvider(database.url))) await db.$executeRawUnsafe(statement);

    const after = await permissionsByRole(db);
    // The recruiter's defaults (later migrations add some, e.g. personio:update) less the one removed.
    const recruiterDefaults = DEFAULT_ROLES.find((role) => role.id === "recruiter")!.permissions;
    expect(after.find((role) => role.id === "recruiter")!.permissions).toEqual(
      [...recruiterDefaults].filter((permission) => permission !== "personio:send").sort(),
    );
    expect(after.find((role) => role.id === "recruiter")!.permissions).toContain("personio:see-badge");
    expect(after.find((role) => role.id === "hiring_manager")!.name).toBe("Hiring lead");
    expect(await db.rolePermission.count()).toBe(
      DEFAULT_ROLES.reduce((sum, role) => sum + role.permissions.length, 0) - 1,
    );
    expect(await db.installation.findUnique({ where: { id: "installation" } })).toMatchObject({ setupBy: "migration" });
  });
});
