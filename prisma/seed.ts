import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { DEFAULT_DATABASE_URL } from "@/lib/db/provider";
import { DEFAULT_ROLES } from "@/lib/permissions/definitions";
import { DEMO_CANDIDATE_ALREADY_IN_PERSONIO, DEMO_JOBS, DEMO_USERS, demoCandidates } from "@/prisma/demo-data";

// Roles are needed in every installation; demo users, jobs and candidates only on an empty database.
export async function seedRoles(db: PrismaClient) {
  for (const [position, role] of DEFAULT_ROLES.entries()) {
    await db.role.upsert({
      where: { id: role.id },
      create: { id: role.id, name: role.name, position },
      update: {},
    });
    const existing = await db.rolePermission.count({ where: { roleId: role.id } });
    if (existing === 0) {
      await db.rolePermission.createMany({
        data: role.permissions.map((permission) => ({ roleId: role.id, permission })),
      });
    }
  }
}

export async function seedDemoData(db: PrismaClient): Promise<boolean> {
  await seedRoles(db);
  if ((await db.user.count()) > 0) return false;

  const passwordHashes = await Promise.all(DEMO_USERS.map((user) => hashPassword(user.password)));
  await db.user.createMany({
    data: DEMO_USERS.map(({ password: _password, ...user }, index) => ({ ...user, passwordHash: passwordHashes[index]! })),
  });
  const jobs = await db.job.createManyAndReturn({ data: [...DEMO_JOBS], select: { id: true } });
  await db.candidate.createMany({
    data: [...demoCandidates(), DEMO_CANDIDATE_ALREADY_IN_PERSONIO].map(({ jobIndex, ...candidate }) => ({
      ...candidate,
      jobId: jobs[jobIndex]!.id,
      updatedAt: candidate.createdAt,
    })),
  });
  return true;
}

export function printDemoLogins() {
  console.log("\nDemo sign-ins (development only):");
  for (const user of DEMO_USERS) console.log(`  ${user.roleId.padEnd(15)} ${user.email.padEnd(30)} ${user.password}`);
  console.log("");
}

async function main() {
  const db = createPrismaClient(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  try {
    const seeded = await seedDemoData(db);
    console.log(seeded ? "Seeded demo data." : "Database already has users; demo data left as it is.");
    printDemoLogins();
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void main();
}
