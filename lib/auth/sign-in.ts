import "server-only";

import { writeAuditLog, type AuditEntry } from "@/lib/audit";
import { writeBoundedAuditLog } from "@/lib/audit-bounded";
import { verifyCredentials, type SignInResult } from "@/lib/auth/verify-credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { addressLimitKey } from "@/lib/http/client-address";
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
  | { status: "too-many-attempts" };

let limiters: { account: DatabaseLimiter; address: DatabaseLimiter } | undefined;

function signInLimiters() {
  const windowSeconds = env.SIGN_IN_WINDOW_MINUTES * 60;
  limiters ??= {
    account: createDatabaseLimiter(db, { name: "sign-in-account", points: env.SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT, windowSeconds }),
    address: createDatabaseLimiter(db, { name: "sign-in-address", points: env.SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS, windowSeconds }),
  };
  return limiters;
}

export function normaliseSignInEmail(value: unknown) {
  return String(value ?? "").trim().toLowerCase().slice(0, 320);
}

/**
 * One sign-in attempt from `address` (null when unknown: then only the account's limit applies).
 * Writes the audit entry: every checked attempt, and refusals within the audit log's bounds.
 */
export async function attemptSignIn(credentials: unknown, address: string | null): Promise<SignInOutcome> {
  const email = normaliseSignInEmail((credentials as { email?: unknown } | undefined)?.email);
  const { account, address: byAddress } = signInLimiters();
  const addressKey = address ? addressLimitKey(address) : null;
  const audit = (entry: Omit<AuditEntry, "action">): AuditEntry => ({
    ...entry,
    action: "auth.sign-in",
    details: { email, address: address ?? "unknown", ...entry.details },
  });

  // The address first: attempts from an address that is over its limit do not use up the
  // accounts they name.
  if (addressKey && !(await byAddress.take(addressKey)).allowed) {
    await writeBoundedAuditLog(`sign-in-address:${addressKey}`, audit({ actorId: null, outcome: "denied", details: { reason: "too_many_attempts", limit: "address" } }));
    return { status: "too-many-attempts" };
  }
  if (!(await account.take(email)).allowed) {
    await writeBoundedAuditLog(`sign-in-account:${email}`, audit({ actorId: null, outcome: "denied", details: { reason: "too_many_attempts", limit: "account" } }));
    return { status: "too-many-attempts" };
  }

  const result = await verifyCredentials(credentials);
  if (result.ok) {
    await Promise.all([account.giveBack(email), addressKey ? byAddress.giveBack(addressKey) : undefined]);
    await writeAuditLog(db, audit({ actorId: result.user.id, targetType: "user", targetId: result.user.id, outcome: "success" }));
    return { status: "signed-in", user: result.user };
  }
  const reason = result.reason === "deactivated" ? "deactivated" : result.userId ? "wrong_password" : "unknown_account";
  // Bounded only overall: per account and address the sign-in limits already bound these.
  await writeBoundedAuditLog(
    null,
    audit({ actorId: null, ...(result.userId ? { targetType: "user", targetId: result.userId } : {}), outcome: "failure", details: { reason } }),
  );
  return { status: result.reason === "deactivated" ? "deactivated" : "invalid" };
}
