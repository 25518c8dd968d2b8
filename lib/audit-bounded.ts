import "server-only";

import { writeAuditLog, type AuditEntry, type AuditEntryOf } from "@/lib/audit";
import { db } from "@/lib/db";
import { createDatabaseLimiter, type DatabaseLimiter } from "@/lib/rate-limit";

// Audit entries that anyone can cause in bulk (failed sign-ins, refused requests) are written
// within bounds, so a flood cannot fill the disk: at most PER_KEY entries per key (an account,
// an address, a user) and at most TOTAL such entries altogether per window. The last entry
// written for a key in a window says that later ones were not recorded. Entries of what people
// did (sends, settings, users) are never bounded and do not go through here.

const WINDOW_SECONDS = 15 * 60;
export const BOUNDED_AUDIT_PER_KEY = 5;
export const BOUNDED_AUDIT_TOTAL = 500;
export const MORE_NOT_RECORDED = "moreNotRecorded";

let limiters: { perKey: DatabaseLimiter; total: DatabaseLimiter } | undefined;

function auditLimiters() {
  limiters ??= {
    perKey: createDatabaseLimiter(db, {
      name: "audit-key",
      points: BOUNDED_AUDIT_PER_KEY,
      windowSeconds: WINDOW_SECONDS,
    }),
    total: createDatabaseLimiter(
      db,
      { name: "audit-total", points: BOUNDED_AUDIT_TOTAL, windowSeconds: WINDOW_SECONDS },
      { sweepExpired: true },
    ),
  };
  return limiters;
}

// The actions written within bounds: each one's details have room for the MORE_NOT_RECORDED mark.
export type BoundedAuditEntry = AuditEntryOf<"auth.sign-in" | "auth.password-check" | "access.denied">;

/** Writes `entry` unless its key or the whole log has had its share this window; true if written. */
export async function writeBoundedAuditLog(key: string | null, entry: BoundedAuditEntry): Promise<boolean> {
  const { perKey, total } = auditLimiters();
  const forKey = key ? await perKey.take(key) : null;
  if (forKey && !forKey.allowed) return false;
  const overall = await total.take("all");
  if (!overall.allowed) return false;
  const isLast = forKey?.remaining === 0 || overall.remaining === 0;
  const marked = { ...entry, details: { ...entry.details, [MORE_NOT_RECORDED]: true } } as AuditEntry;
  await writeAuditLog(db, isLast ? marked : entry);
  return true;
}
