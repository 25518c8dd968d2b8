import "server-only";

import type { Prisma } from "@/generated/prisma/client";

// "notice": a step that changed nothing and is no failure (Personio already has the employee).
export type AuditOutcome = "success" | "failure" | "denied" | "notice";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  outcome: AuditOutcome;
  // Ids, status and error codes only: never secrets, never data read from Personio.
  details?: Record<string, string | number | boolean | null | string[]>;
};

type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

export function writeAuditLog(tx: AuditWriter, entry: AuditEntry) {
  return tx.auditLog.create({
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
