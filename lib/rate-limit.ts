import "server-only";

import { createHash } from "node:crypto";

import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import type { PrismaClient } from "@/lib/db/create-prisma-client";

// The app's one rate limiter (sign-in, API keys, webhooks, the audit log's bounds). Limits are
// counted in the database (the RateLimitCounter table), so they hold across restarts and across
// every instance on the same database. Counting is one atomic increment per attempt
// (rate-limiter-flexible's Prisma store: INSERT … ON CONFLICT DO UPDATE SET points = points + 1
// RETURNING), so attempts that arrive at the same moment each see their own count: with a limit
// of 5, exactly 5 of 30 simultaneous attempts are allowed.

export type LimitRule = {
  /** Prefix of the counter keys, e.g. "sign-in-account". */
  name: string;
  points: number;
  windowSeconds: number;
};

export type LimitResult = { allowed: boolean; remaining: number; retryAfterMs: number };

export type DatabaseLimiter = {
  /** Counts one attempt first; `allowed` says whether it was within the limit. */
  take(key: string): Promise<LimitResult>;
  /** Gives one attempt back (a successful sign-in should not use up the person's own attempts). */
  giveBack(key: string): Promise<void>;
};

// Keys may carry what a visitor typed (an email address); a long one is stored as its hash.
function storedKey(key: string) {
  return key.length <= 200 ? key : `sha256:${createHash("sha256").update(key).digest("base64url")}`;
}

export function createDatabaseLimiter(
  client: PrismaClient,
  rule: LimitRule,
  options: { sweepExpired?: boolean } = {},
): DatabaseLimiter {
  const limiter = new RateLimiterPrisma({
    storeClient: client,
    tableName: "rateLimitCounter",
    keyPrefix: rule.name,
    points: rule.points,
    duration: rule.windowSeconds,
    // One limiter per process removes counters of past windows (every five minutes); the others
    // leave it to that one. Expired rows are also replaced on the next attempt for their key.
    clearExpiredByTimeout: options.sweepExpired ?? false,
  });
  return {
    async take(key) {
      try {
        const result = await limiter.consume(storedKey(key));
        return { allowed: true, remaining: result.remainingPoints, retryAfterMs: result.msBeforeNext };
      } catch (rejection) {
        // A refusal arrives as a RateLimiterRes; anything else is the database failing, and then
        // nothing is allowed rather than everything.
        if (rejection instanceof RateLimiterRes)
          return { allowed: false, remaining: 0, retryAfterMs: rejection.msBeforeNext };
        throw rejection;
      }
    },
    async giveBack(key) {
      await limiter.reward(storedKey(key), 1);
    },
  };
}

export type KeyedLimiter = {
  /** Counts one attempt for `key`, whose limit is `points` per window. */
  take(key: string, points: number): Promise<LimitResult>;
};

/**
 * For limits set per key (each API key's requests per minute). A key has one counter whatever its
 * limit, so a changed limit applies to what the key has used so far in the window.
 */
export function createDatabaseLimiterPerKey(client: PrismaClient, rule: Omit<LimitRule, "points">): KeyedLimiter {
  const byPoints = new Map<number, DatabaseLimiter>();
  return {
    take(key, points) {
      let limiter = byPoints.get(points);
      if (!limiter) {
        limiter = createDatabaseLimiter(client, { ...rule, points });
        byPoints.set(points, limiter);
      }
      return limiter.take(key);
    },
  };
}
