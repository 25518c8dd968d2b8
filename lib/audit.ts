import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { AuditEntry } from "@/lib/audit-log/actions";
import { newRowId } from "@/lib/db/row-id";

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

type AuditWriter = Pick<Prisma.TransactionClient, "$executeRaw">;

// Details hold ids, status and error codes only: never secrets, never data read from Personio.
// Their shape is checked by type (AuditEntry); nothing is parsed here, so a write never fails
// after the change it records has been made.
// A plain INSERT rather than a Prisma model query: Prisma compiles a model query's plan on every
// call, about half a millisecond of CPU on the event loop, and every audited write waits for it
// (a send's outcome among them, while the recruiter waits). The timestamp is bound as a
// parameter, so the driver adapter writes it as it writes every other (as lib/db/json-insert.ts
// does for the import's audit rows). Returned unawaited, for batch transactions.
export function writeAuditLog(tx: AuditWriter, entry: AuditEntry) {
  const details = entry.details ? JSON.stringify(entry.details) : null;
  return tx.$executeRaw`
    INSERT INTO "AuditLog" ("id", "at", "actorId", "action", "targetType", "targetId", "outcome", "details")
    VALUES (${newRowId()}, ${new Date()}, ${entry.actorId}, ${entry.action}, ${entry.targetType ?? null},
            ${entry.targetId ?? null}, ${entry.outcome}, ${details})`;
}
