import { createHash } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { setupSandbox } from "@/e2e/support/personio-sandbox-vitest";
import { testDatabaseServerUrl } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { migrateDatabase } from "@/scripts/lib/database";
import { dropPostgresDatabase, postgresDatabaseUrl, recreatePostgresDatabase } from "@/scripts/lib/postgres-databases";

import { clearPersonioTokenCache, clearRateLimitHolds } from "./client";
import { PersonioError } from "./errors";
import { createSharedPersonioLimits, type SharedPersonioLimits } from "./shared-limits";
import type { CachedToken } from "./token-cache";

// The token and read budget that app processes on PostgreSQL share (shared-limits.ts), with three
// Prisma clients standing in for three processes. PostgreSQL only: npm test's PostgreSQL run sets
// HANDOFF_TEST_DATABASE_URL; the SQLite run has no server to use and says so (SQLite keeps each
// process's own token and throttle).

const serverUrl = testDatabaseServerUrl();
const personio = setupSandbox();
let databaseUrl = "";
let clients: PrismaClient[] = [];
let processes: SharedPersonioLimits[] = [];

beforeAll(async () => {
  if (!serverUrl) return;
  databaseUrl = postgresDatabaseUrl(serverUrl, `shared_limits_${process.pid}`);
  await recreatePostgresDatabase(databaseUrl);
  migrateDatabase(databaseUrl, { quiet: true });
  clients = Array.from({ length: 3 }, () => createPrismaClient(databaseUrl));
  processes = clients.map((client) => createSharedPersonioLimits(client));
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
  if (databaseUrl) await dropPostgresDatabase(databaseUrl);
});

const token = (value: string): CachedToken => ({
  token: value,
  scopes: ["employees:read"],
  expiresAt: Date.now() + 3_600_000,
});

describe.skipIf(!serverUrl)("shared Personio limits on PostgreSQL", () => {
  it("spaces the reads of all processes together at least 100 ms apart, by the database's clock", async () => {
    const key = `reads-${Date.now()}`;
    const ran: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        processes[index % 3]!.throttleRead(key, async () => void ran.push(Date.now())),
      ),
    );
    expect(ran).toHaveLength(12);
    const mine = await clients[0]!.personioReadSlot.findMany({
      where: { key: createHash("sha256").update(key).digest("hex") },
      orderBy: { atMs: "asc" },
    });
    expect(mine).toHaveLength(12);
    for (let index = 1; index < mine.length; index += 1)
      expect(Number(mine[index]!.atMs - mine[index - 1]!.atMs)).toBeGreaterThanOrEqual(100);
    // The twelfth read waited for its turn: at least 11 spacings after the first.
    expect(Math.max(...ran) - Math.min(...ran)).toBeGreaterThanOrEqual(1_000);
  });

  it("holds every process's reads when one was told the read budget is used up", async () => {
    const key = `held-${Date.now()}`;
    const startedAt = Date.now();
    await processes[0]!.holdReads(key, 800);
    let ranAt = 0;
    await processes[1]!.throttleRead(key, async () => void (ranAt = Date.now()));
    expect(ranAt - startedAt).toBeGreaterThanOrEqual(700);
  });

  it("shares a 429's Retry-After on reads with the other processes' clients", async () => {
    await personio.admin.addFault({
      endpoint: "GET /v1/company/employees",
      kind: "status",
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    const retry = { maxRetries: 0, baseDelayMs: 10, maxDelayMs: 2_000 };
    const told = personio.client({ sharedLimits: processes[0], retry });
    await expect(told.findEmployeeByEmail("a@example.com")).rejects.toMatchObject({ code: "rate_limited" });
    const toldAt = Date.now();
    // Only the shared budget can make the other process wait: this process forgets its own hold.
    clearRateLimitHolds();
    const other = personio.client({ sharedLimits: processes[1], retry });
    await expect(other.findEmployeeByEmail("b@example.com")).resolves.toBeNull();
    expect(Date.now() - toldAt).toBeGreaterThanOrEqual(700);
    const reads = (await personio.admin.requests()).filter(
      (request) => request.endpoint === "GET /v1/company/employees",
    );
    expect(reads.map((request) => request.status)).toEqual([429, 200]);
  });

  it("lets one process authenticate while the others wait for its token, stored encrypted", async () => {
    const key = `token-${Date.now()}`;
    let calls = 0;
    const authenticate = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return token(`papi-shared-${calls}`);
    };
    const tokens = await Promise.all(processes.map((shared) => shared.token(key, authenticate)));
    expect(calls).toBe(1);
    expect(tokens.map((each) => each.token)).toEqual(Array(3).fill("papi-shared-1"));
    const rows = await clients[0]!.personioToken.findMany();
    expect(rows.some((row) => row.tokenEncrypted.includes("papi-shared"))).toBe(false);

    // Refused by Personio: dropped for everyone, and the next caller fetches a new one.
    await processes[1]!.dropToken(key, "papi-shared-1");
    expect((await processes[2]!.token(key, authenticate)).token).toBe("papi-shared-2");
    // A stale drop (another process already replaced the token) changes nothing.
    await processes[0]!.dropToken(key, "papi-shared-1");
    expect((await processes[0]!.token(key, authenticate)).token).toBe("papi-shared-2");
    expect(calls).toBe(2);
  });

  it("forgets the token when Personio rejects the credentials, and replaces it when Personio hands a new one", async () => {
    const key = `rejected-${Date.now()}`;
    await processes[0]!.token(key, async () => token("papi-old"));
    await processes[1]!.replaceToken(key, "papi-old", "papi-rotated");
    expect((await processes[2]!.token(key, async () => token("papi-never"))).token).toBe("papi-rotated");

    const rejected = new PersonioError("invalid_credentials", "Wrong credentials");
    await expect(processes[0]!.token(key, () => Promise.reject(rejected), { fresh: true })).rejects.toBe(rejected);
    expect((await processes[1]!.token(key, async () => token("papi-after"))).token).toBe("papi-after");
  });

  it("revokes, on delete, the v2 token another process obtained and kept in the store, and forgets it there", async () => {
    const obtaining = personio.client({ apiVersion: "v2", sharedLimits: processes[0] });
    await obtaining.findEmployeeByEmail("a@example.com");
    const issued = (await personio.admin.requests()).find((request) => request.endpoint === "POST /v2/auth/token");
    const token = (issued?.responseBody as { access_token?: string } | undefined)?.access_token;
    expect(token).toBeTruthy();
    // Another process: none of this one's cache, only the store they share.
    clearPersonioTokenCache();
    await personio.client({ apiVersion: "v2", sharedLimits: processes[1] }).revokeToken();

    const revokes = (await personio.admin.requests()).filter((request) => request.endpoint === "POST /v2/auth/revoke");
    expect(revokes).toHaveLength(1);
    expect(revokes[0]!.body).toMatchObject({ token });
    expect(revokes[0]!.status).toBe(200);
    expect(await clients[2]!.personioToken.count()).toBe(0);
    // Personio no longer accepts it: a process still holding it would have to renew.
    const refused = await fetch(`${personio.sandbox.url}/v2/persons?email=a%40example.com`, {
      headers: { authorization: `Bearer ${token}`, "x-personio-app-id": "HANDOFF_TEST" },
    });
    expect(refused.status).toBe(401);
  });
});
