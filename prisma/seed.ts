import { Prisma } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { DEFAULT_DATABASE_URL } from "@/lib/db/provider";
import { DEMO_CANDIDATE_ALREADY_IN_PERSONIO, DEMO_JOBS, DEMO_USERS, demoCandidates } from "@/prisma/demo-data";

// Demo users, jobs and candidates, only on an empty database. Roles and their permissions come
// from the migrations, in every database. The installation row (what the first-run setup would
// create) is made first: if a real first admin exists or is being made, the demo data stays out.
export async function seedDemoData(db: PrismaClient): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  try {
    await db.installation.create({ data: { id: "installation", setupBy: "demo-data" } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }

  const passwordHashes = await Promise.all(DEMO_USERS.map((user) => hashPassword(user.password)));
  await db.user.createMany({
    data: DEMO_USERS.map(({ password: _password, ...user }, index) => ({
      ...user,
      passwordHash: passwordHashes[index]!,
    })),
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

// The demo accounts' passwords are published in README.md: in a production database they would
// let anyone in as an admin. A demo server that should have them says so explicitly.
export const DEMO_SERVER_FLAG = "--demo-server";

export function demoDataRefusal(nodeEnv: string | undefined, args: readonly string[]): string | null {
  if (nodeEnv !== "production" || args.includes(DEMO_SERVER_FLAG)) return null;
  return [
    "Refusing to load demo data: NODE_ENV is production.",
    "Demo data adds four accounts whose passwords are published in README.md, so anyone could sign in as an admin.",
    "To start a real installation, open the app and follow the setup page (or run `npm run admin:create`).",
    `For a demo server that should have these accounts, run: npm run db:seed -- ${DEMO_SERVER_FLAG}`,
  ].join("\n");
}

async function main() {
  const refusal = demoDataRefusal(process.env.NODE_ENV, process.argv.slice(2));
  if (refusal) {
    console.error(refusal);
    process.exitCode = 1;
    return;
  }
  const db = createPrismaClient(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  try {
    const seeded = await seedDemoData(db);
    console.log(seeded ? "Seeded demo data." : "Database already has users; demo data left as it is.");
    if (seeded) printDemoLogins();
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void main();
}
