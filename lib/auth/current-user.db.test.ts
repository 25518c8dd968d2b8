// Who the signed-in person is, read in one statement on every request (lib/auth/current-user.ts),
// against a real database: the role's permissions, a role without any, and the sessions that
// must open nothing. Runs on SQLite, and on PostgreSQL when HANDOFF_TEST_DATABASE_URL names a server.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let session: { user: { id: string; sessionVersion: number; authTime: number } } | null = null;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-current-user-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.resetModules();
  vi.doMock("@/lib/db", () => ({ db: client }));
  vi.doMock("next-auth", () => ({ getServerSession: async () => session }));
  vi.doMock("@/lib/auth/options", () => ({ authOptions: {} }));
});

afterAll(async () => {
  vi.doUnmock("@/lib/db");
  vi.doUnmock("next-auth");
  vi.doUnmock("@/lib/auth/options");
  await client.$disconnect();
  await database.drop();
});

async function currentUserFor(user: { id: string; sessionVersion: number }) {
  session = { user: { id: user.id, sessionVersion: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) } };
  const { getCurrentUser } = await import("./current-user");
  return getCurrentUser();
}

describe("the current user", () => {
  it("comes with the role's name and every permission the role has", async () => {
    const user = await client.user.create({
      data: {
        name: "Rita Recruiter",
        email: "rita@example.com",
        roleId: "recruiter",
        locale: "de",
        timeZone: "Europe/Berlin",
      },
    });
    const granted = await client.rolePermission.findMany({
      where: { roleId: "recruiter" },
      select: { permission: true },
    });
    expect(granted.length).toBeGreaterThan(1);

    const current = await currentUserFor(user);
    expect(current).toMatchObject({
      id: user.id,
      name: "Rita Recruiter",
      email: "rita@example.com",
      roleId: "recruiter",
      roleName: "Recruiter",
      locale: "de",
      timeZone: "Europe/Berlin",
    });
    expect([...current!.permissions].sort()).toEqual(granted.map((row) => row.permission).sort());
  });

  it("has no permissions when the role has none", async () => {
    await client.role.create({ data: { id: "empty", name: "Nothing yet", position: 99 } });
    const user = await client.user.create({ data: { name: "Nora None", email: "nora@example.com", roleId: "empty" } });
    const current = await currentUserFor(user);
    expect(current?.roleName).toBe("Nothing yet");
    expect(current?.permissions.size).toBe(0);
  });

  it("is nobody for a deactivated account or a session from before the sessions were ended", async () => {
    const user = await client.user.create({
      data: { name: "Olaf Old", email: "olaf@example.com", roleId: "recruiter", sessionVersion: 2 },
    });
    expect(await currentUserFor({ id: user.id, sessionVersion: 1 })).toBeNull();
    expect(await currentUserFor({ id: user.id, sessionVersion: 2 })).not.toBeNull();
    await client.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await currentUserFor({ id: user.id, sessionVersion: 2 })).toBeNull();
    expect(await currentUserFor({ id: "no-such-user", sessionVersion: 0 })).toBeNull();
  });
});
