import "server-only";

import { writeAuditLog, type AuditEntryOf } from "@/lib/audit";
import { writeBoundedAuditLog } from "@/lib/audit-bounded";
import { verifyCredentials, type SignInResult } from "@/lib/auth/verify-credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { addressLimitKey } from "@/lib/http/client-address";
import { metrics } from "@/lib/metrics/registry";
import { createDatabaseLimiter, type DatabaseLimiter } from "@/lib/rate-limit";

// Sign-in with limits that hold however attempts are timed: each attempt is counted first (one
// atomic increment in the database, per client address and per account) and only an attempt
// within both limits gets its password checked. So of 30 guesses sent at once for one account,
// 5 are checked and 25 refused, whichever arrives first; a restart or another instance changes
// nothing, as the counts live in the database. A successful sign-in gives its attempt back, so
// people who type their password right never use up their own allowance.
//
// A refused attempt gets the same answer whether or not the account exists, so the limit says
// nothing about which emails have accounts.

export type SignInOutcome =
  | { status: "signed-in"; user: Extract<SignInResult, { ok: true }>["user"] }
  | { status: "invalid" }
  | { status: "deactivated" }
  | { status: "too-many-attempts" }
  // The password was right, but this account may not use one (SSO required, not the break-glass admin).
  | { status: "sso-required" };

let limiters: { account: DatabaseLimiter; address: DatabaseLimiter } | undefined;

function signInLimiters() {
  const windowSeconds = env.SIGN_IN_WINDOW_MINUTES * 60;
  limiters ??= {
    account: createDatabaseLimiter(db, {
      name: "sign-in-account",
      points: env.SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT,
      windowSeconds,
    }),
    address: createDatabaseLimiter(db, {
      name: "sign-in-address",
      points: env.SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS,
      windowSeconds,
    }),
  };
  return limiters;
}

type SignInEntry = AuditEntryOf<"auth.sign-in">;

export function normaliseSignInEmail(value: unknown) {
  return String(value ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 320);
}

/**
 * One sign-in attempt from `address` (null when unknown: then only the account's limit applies).
 * Writes the audit entry: every checked attempt, and refusals within the audit log's bounds.
 */
export async function attemptSignIn(
  credentials: unknown,
  address: string | null,
  options: { mayUsePassword?: (userId: string) => Promise<boolean> } = {},
): Promise<SignInOutcome> {
  const email = normaliseSignInEmail((credentials as { email?: unknown } | undefined)?.email);
  const { account, address: byAddress } = signInLimiters();
  const addressKey = address ? addressLimitKey(address) : null;
  const audit = (entry: Omit<SignInEntry, "action">): SignInEntry => ({
    ...entry,
    action: "auth.sign-in",
    details: { email, address: address ?? "unknown", ...entry.details },
  });

  // The address first: attempts from an address that is over its limit do not use up the
  // accounts they name.
  if (addressKey && !(await byAddress.take(addressKey)).allowed) {
    await writeBoundedAuditLog(
      `sign-in-address:${addressKey}`,
      audit({ actorId: null, outcome: "denied", details: { reason: "too_many_attempts", limit: "address" } }),
    );
    metrics.signInFailures.inc({ reason: "too_many_attempts_address" });
    return { status: "too-many-attempts" };
  }
  if (!(await account.take(email)).allowed) {
    await writeBoundedAuditLog(
      `sign-in-account:${email}`,
      audit({ actorId: null, outcome: "denied", details: { reason: "too_many_attempts", limit: "account" } }),
    );
    metrics.signInFailures.inc({ reason: "too_many_attempts_account" });
    return { status: "too-many-attempts" };
  }

  const result = await verifyCredentials(credentials);
  if (result.ok) {
    // The right password: the attempt is given back whatever follows.
    await Promise.all([account.giveBack(email), addressKey ? byAddress.giveBack(addressKey) : undefined]);
    const target = { targetType: "user", targetId: result.user.id };
    if (options.mayUsePassword && !(await options.mayUsePassword(result.user.id))) {
      await writeAuditLog(
        db,
        audit({ actorId: null, ...target, outcome: "denied", details: { reason: "sso_required" } }),
      );
      metrics.signInFailures.inc({ reason: "sso_required" });
      return { status: "sso-required" };
    }
    await writeAuditLog(db, audit({ actorId: result.user.id, ...target, outcome: "success" }));
    return { status: "signed-in", user: result.user };
  }
  const reason = result.reason === "deactivated" ? "deactivated" : result.userId ? "wrong_password" : "unknown_account";
  // Bounded only overall: per account and address the sign-in limits already bound these.
  await writeBoundedAuditLog(
    null,
    audit({
      actorId: null,
      ...(result.userId ? { targetType: "user", targetId: result.userId } : {}),
      outcome: "failure",
      details: { reason },
    }),
  );
  metrics.signInFailures.inc({ reason });
  return { status: result.reason === "deactivated" ? "deactivated" : "invalid" };
}

/**
 * A signed-in person's current password, checked (to change it) under the same per-account limit
 * as signing in: counted first, given back when right. Wrong guesses are recorded within the audit
 * log's bounds.
 */
export async function checkCurrentPassword(
  actor: { id: string; email: string },
  check: () => Promise<boolean>,
): Promise<"right" | "wrong" | "too-many-attempts"> {
  const email = normaliseSignInEmail(actor.email);
  const { account } = signInLimiters();
  if (!(await account.take(email)).allowed) return "too-many-attempts";
  if (await check()) {
    await account.giveBack(email);
    return "right";
  }
  await writeBoundedAuditLog(`password-check:${actor.id}`, {
    actorId: actor.id,
    // Not "user.change-password": that entry is the change itself.
    action: "auth.password-check",
    targetType: "user",
    targetId: actor.id,
    outcome: "failure",
    details: { reason: "wrong_password" },
  });
  return "wrong";
}
