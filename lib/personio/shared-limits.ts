import "server-only";

import { createHash } from "node:crypto";

import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { decryptAtRest, encryptAtRest } from "@/lib/secrets/at-rest";

import { isPersonioError } from "./errors";
import type { CachedToken } from "./token-cache";

// Personio's limits are per credential, whichever process calls: 15 employee reads a second and
// 300 a minute, 60 auth calls a minute. On PostgreSQL, where several app processes may share one
// database, the token and the read budget are therefore kept in the database (PersonioToken,
// PersonioReadSlot); on SQLite there is one process and the in-process token cache and throttle
// (token-cache.ts, read-throttle.ts) do the same in memory.
//
// The read budget reserves a start time per read: at least READ_SPACING_MS after the previous one
// and never more than READS_PER_MINUTE in any minute, decided under an advisory lock with the
// database's clock, so processes on different machines need no synchronised clocks. A fixed-window
// counter (rate-limiter-flexible's stores) lets twice its limit through around a window's edge,
// which Personio, counting arrivals in a sliding second, answers with 429s.

// The same figures as the in-process throttle (read-throttle.ts, which says why): 10 a second,
// 280 a minute.
const READ_SPACING_MS = 100;
const READS_PER_MINUTE = 280;
// Reservations kept: a minute's worth are read back; older ones only cost space.
const KEEP_SLOTS_MS = 120_000;
// A stored token closer than this to its end is renewed rather than handed out.
const TOKEN_MARGIN_MS = 30_000;

export type SharedPersonioLimits = {
  /** Waits for a turn in the read budget all processes share, then runs `task`. */
  throttleRead<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** The stored token, or a new one from `authenticate`, called by one process at a time. */
  token(key: string, authenticate: () => Promise<CachedToken>, options?: { fresh?: boolean }): Promise<CachedToken>;
  /** Drops `token` if it is still the stored one (Personio refused it). */
  dropToken(key: string, token: string): Promise<void>;
  /** Replaces the stored token by the one Personio handed back, if `previous` is still stored. */
  replaceToken(key: string, previous: string, next: string): Promise<void>;
  /**
   * No read of any process starts within `forMs` from now (by the database's clock): Personio said
   * the read budget is used up until then. A reservation at the end of the hold does it.
   */
  holdReads(key: string, forMs: number): Promise<void>;
  /** The stored token, however close to its end (to revoke it), without authenticating. */
  storedToken(key: string): Promise<string | undefined>;
  /** Forgets every stored token (the credentials changed or were removed). */
  clearTokens(): Promise<void>;
};

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSharedPersonioLimits(client: PrismaClient): SharedPersonioLimits {
  type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

  async function readToken(id: string, reader: Pick<PrismaClient, "personioToken"> = client) {
    const row = await reader.personioToken.findUnique({ where: { id } });
    if (!row || row.expiresAt.getTime() - TOKEN_MARGIN_MS <= Date.now()) return null;
    try {
      const token = decryptAtRest(row.tokenEncrypted);
      return { token, scopes: row.scopes.split(" ").filter(Boolean), expiresAt: row.expiresAt.getTime() };
    } catch {
      return null; // encrypted with a key no longer configured: a new token is fetched instead
    }
  }

  async function lock(tx: Transaction, name: string) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`;
  }

  async function reserveReadSlot(key: string): Promise<number> {
    return client.$transaction(
      async (tx) => {
        await lock(tx, `personio-read:${key}`);
        const [slot] = await tx.$queryRaw<Array<{ delayMs: number }>>`
          WITH now AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms),
          recent AS (
            SELECT "atMs" FROM "PersonioReadSlot" WHERE "key" = ${key} ORDER BY "atMs" DESC LIMIT ${READS_PER_MINUTE}
          )
          INSERT INTO "PersonioReadSlot" ("key", "atMs")
          SELECT ${key}, GREATEST(
            (SELECT ms FROM now),
            (SELECT max("atMs") + ${READ_SPACING_MS} FROM recent),
            (SELECT CASE WHEN count(*) >= ${READS_PER_MINUTE} THEN min("atMs") + 60000 END FROM recent)
          )
          RETURNING ("atMs" - (SELECT ms FROM now))::float8 AS "delayMs"`;
        await tx.$executeRaw`
          DELETE FROM "PersonioReadSlot"
          WHERE "key" = ${key} AND "atMs" < (extract(epoch FROM clock_timestamp()) * 1000)::bigint - ${KEEP_SLOTS_MS}`;
        return slot?.delayMs ?? 0;
      },
      { maxWait: 30_000, timeout: 30_000 },
    );
  }

  return {
    async throttleRead(key, task) {
      const delayMs = await reserveReadSlot(sha256(key));
      if (delayMs > 0) await sleep(delayMs);
      return task();
    },

    async token(key, authenticate, options = {}) {
      const id = sha256(key);
      if (!options.fresh) {
        const stored = await readToken(id);
        if (stored) return stored;
      }
      try {
        // One process authenticates; the others wait on the lock and then find its token.
        return await client.$transaction(
          async (tx) => {
            await lock(tx, `personio-token:${id}`);
            const stored = options.fresh ? null : await readToken(id, tx);
            if (stored) return stored;
            const fresh = await authenticate();
            const row = {
              tokenEncrypted: encryptAtRest(fresh.token),
              tokenHash: sha256(fresh.token),
              scopes: fresh.scopes.join(" "),
              expiresAt: new Date(fresh.expiresAt),
            };
            await tx.personioToken.upsert({ where: { id }, create: { id, ...row }, update: row });
            return fresh;
          },
          // Holds while Personio answers the auth call (its own timeout applies inside).
          { maxWait: 60_000, timeout: 60_000 },
        );
      } catch (error) {
        // Rejected credentials leave no usable token behind, as in the in-process cache.
        if (isPersonioError(error) && (error.code === "invalid_credentials" || error.code === "credentials_disabled"))
          await client.personioToken.deleteMany({ where: { id } });
        throw error;
      }
    },

    async dropToken(key, token) {
      await client.personioToken.deleteMany({ where: { id: sha256(key), tokenHash: sha256(token) } });
    },

    async replaceToken(key, previous, next) {
      if (!next || next === previous) return;
      await client.personioToken.updateMany({
        where: { id: sha256(key), tokenHash: sha256(previous) },
        data: { tokenEncrypted: encryptAtRest(next), tokenHash: sha256(next) },
      });
    },

    async holdReads(key, forMs) {
      const id = sha256(key);
      const atMs = Math.max(0, Math.round(forMs) - READ_SPACING_MS);
      await client.$executeRaw`
        INSERT INTO "PersonioReadSlot" ("key", "atMs")
        VALUES (${id}, (extract(epoch FROM clock_timestamp()) * 1000)::bigint + ${atMs})
        ON CONFLICT DO NOTHING`;
    },

    async storedToken(key) {
      const row = await client.personioToken.findUnique({ where: { id: sha256(key) } });
      if (!row || row.expiresAt.getTime() <= Date.now()) return undefined;
      try {
        return decryptAtRest(row.tokenEncrypted);
      } catch {
        return undefined; // encrypted with a key no longer configured: nothing Handoff can revoke
      }
    },

    async clearTokens() {
      await client.personioToken.deleteMany();
    },
  };
}
