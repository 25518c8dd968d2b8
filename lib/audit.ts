import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { AuditEntry } from "@/lib/audit-log/actions";

// The list of actions and their details' schemas lives in lib/audit-log/actions.ts (pure, so the
// audit page, its tests and scripts read the same list).
export {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditDetailsOf,
  type AuditEntry,
  type AuditEntryOf,
  type AuditOutcome,
  type TAuditVia,
} from "@/lib/audit-log/actions";

type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

// Details hold ids, status and error codes only: never secrets, never data read from Personio.
// Their shape is checked by type (AuditEntry); nothing is parsed here, so a write never fails
// after the change it records has been made.
// createMany: an insert without reading the row back (nothing uses it), on every audited write.
export function writeAuditLog(tx: AuditWriter, entry: AuditEntry) {
  return tx.auditLog.createMany({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      outcome: entry.outcome,
      details: entry.details ? JSON.stringify(entry.details) : null,
    },
  });
}
