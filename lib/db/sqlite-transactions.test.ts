// SQLite only: a transaction that reads and then writes, while another process writes to the same
// file in between. With the adapter's deferred BEGIN the transaction's write failed at once
// (SQLITE_BUSY, reported as "Operation has timed out"); with BEGIN IMMEDIATE
// (lib/db/create-prisma-client.ts) the other process waits for the lock and both writes land.
import { spawn } from "node:child_process";
import path from "node:path";

import { afterAll, beforeAll, expect, it } from "vitest";

import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { deleteSqliteDatabase, migrateDatabase } from "@/scripts/lib/database";

const url = `file:./data/vitest-sqlite-transactions-${process.pid}.db`;
let client: PrismaClient;

beforeAll(() => {
  deleteSqliteDatabase(url);
  migrateDatabase(url, { quiet: true });
  client = createPrismaClient(url);
});

afterAll(async () => {
  await client.$disconnect();
  deleteSqliteDatabase(url);
});

// Another process (as a second app instance would be) inserts a role, waiting up to 10 s for a lock.
function writeFromAnotherProcess(): Promise<number | null> {
  const file = path.resolve(url.slice("file:".length));
  const script = `const D = require("better-sqlite3"); new D(${JSON.stringify(file)}, { timeout: 10000 }).prepare("INSERT INTO Role (id, name, position) VALUES ('other', 'Other process', 9)").run();`;
  const child = spawn(process.execPath, ["-e", script], { stdio: "inherit" });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

it("a transaction that reads, then writes, survives another process writing in between", async () => {
  let other: Promise<number | null> | null = null;
  await client.$transaction(
    async (tx) => {
      await tx.role.count();
      other = writeFromAnotherProcess();
      // Time for the other process to write, if it can (before this transaction has finished).
      await Promise.race([other, new Promise((resolve) => setTimeout(resolve, 1500))]);
      await tx.role.create({ data: { id: "this", name: "This transaction", position: 8 } });
    },
    { timeout: 20_000 },
  );
  expect(await other).toBe(0);
  expect(
    (await client.role.findMany({ where: { id: { in: ["this", "other"] } }, orderBy: { id: "asc" } })).map(
      (role) => role.id,
    ),
  ).toEqual(["other", "this"]);
}, 30_000);
