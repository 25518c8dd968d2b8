// The same benchmark data on PostgreSQL: copies a SQLite bench database row for row into a
// fresh, migrated PostgreSQL database, through the two Prisma clients (so every type converts as
// the app's own writes would), parents before children.
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";

import { migrateDatabase } from "../lib/database";
import { recreatePostgresDatabase } from "../lib/postgres-databases";

const CHUNK = 5_000;

type Delegate = {
  findMany(args: { skip: number; take: number; orderBy: Record<string, "asc"> }): Promise<object[]>;
  createMany(args: { data: object[] }): Promise<unknown>;
  deleteMany(args?: object): Promise<unknown>;
};

// Foreign keys decide the order.
const TABLES: Array<{ name: keyof PrismaClient; orderBy: string }> = [
  { name: "role", orderBy: "id" },
  { name: "rolePermission", orderBy: "permission" },
  { name: "user", orderBy: "id" },
  { name: "job", orderBy: "id" },
  { name: "candidate", orderBy: "id" },
  { name: "handoff", orderBy: "id" },
  { name: "personioIntegration", orderBy: "id" },
  { name: "auditLog", orderBy: "id" },
];

export async function copyDatasetToPostgres(sqliteUrl: string, postgresUrl: string): Promise<void> {
  await recreatePostgresDatabase(postgresUrl);
  migrateDatabase(postgresUrl, { quiet: true });
  const from = createPrismaClient(sqliteUrl);
  const to = createPrismaClient(postgresUrl);
  try {
    // The migrations seed rows of their own (the default roles and their permissions); the copy
    // replaces them with the dataset's, children first.
    for (const table of [...TABLES].reverse()) await (to[table.name] as unknown as Delegate).deleteMany();
    for (const table of TABLES) {
      const source = from[table.name] as unknown as Delegate;
      const target = to[table.name] as unknown as Delegate;
      for (let skip = 0; ; skip += CHUNK) {
        const rows = await source.findMany({ skip, take: CHUNK, orderBy: { [table.orderBy]: "asc" } });
        if (rows.length === 0) break;
        await target.createMany({ data: rows });
        if (rows.length < CHUNK) break;
      }
    }
    // Fresh planner statistics, as autovacuum would gather shortly after a bulk load.
    await to.$executeRawUnsafe("ANALYZE");
  } finally {
    await Promise.all([from.$disconnect(), to.$disconnect()]);
  }
}
