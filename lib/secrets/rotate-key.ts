// Re-encrypts every stored secret (lib/secrets/encrypted-columns.ts) with the current key, reading
// each with whichever configured key made it. Run by `npm run secrets:rotate-key`, a command-line
// tool: it takes its database client and keys as arguments and reads no configuration itself.
//
// All or nothing: every secret is decrypted first, and if one cannot be, nothing is written. The
// writes happen in one transaction, each conditional on the row still holding what was read,
// so a secret an admin replaced meanwhile is not overwritten (the run stops; run it again).
// Secrets already under the current key are left alone, so running it twice is harmless.

import type { AuditAction, AuditDetailsOf } from "@/lib/audit-log/actions";
import { decryptSecret, encryptionKeyId, encryptSecret, secretKeyId } from "@/lib/crypto";
import type { PrismaClient } from "@/lib/db/create-prisma-client";

import { ENCRYPTED_COLUMNS, type EncryptedColumn } from "./encrypted-columns";

type Delegate = {
  findMany(args: { select: Record<string, true> }): Promise<Array<Record<string, unknown>>>;
  updateMany(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
};

function delegateOf(
  client: PrismaClient | Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0],
  model: string,
): Delegate {
  const name = model.charAt(0).toLowerCase() + model.slice(1);
  const delegate = (client as unknown as Record<string, Delegate | undefined>)[name];
  if (!delegate?.findMany) throw new Error(`Encrypted column registry names an unknown model: ${model}`);
  return delegate;
}

export type ColumnReport = { column: string; reencrypted: number; alreadyCurrent: number; empty: number };
export type RotationReport = {
  keyId: string;
  columns: ColumnReport[];
  reencrypted: number;
  alreadyCurrent: number;
  dryRun: boolean;
};

export class RotationError extends Error {
  constructor(
    message: string,
    readonly unreadable: string[] = [],
  ) {
    super(message);
    this.name = "RotationError";
  }
}

type Planned = { column: EncryptedColumn; id: string; stored: string; plaintext: string };

export async function rotateEncryptionKey(
  client: PrismaClient,
  keys: { current: string; previous: readonly string[] },
  options: { dryRun?: boolean; columns?: readonly EncryptedColumn[] } = {},
): Promise<RotationReport> {
  const columns = options.columns ?? ENCRYPTED_COLUMNS;
  const currentId = encryptionKeyId(keys.current);
  const readable = [keys.current, ...keys.previous];
  const planned: Planned[] = [];
  const unreadable: string[] = [];
  const reports: ColumnReport[] = [];

  for (const column of columns) {
    const report: ColumnReport = {
      column: `${column.model}.${column.field}`,
      reencrypted: 0,
      alreadyCurrent: 0,
      empty: 0,
    };
    const rows = await delegateOf(client, column.model).findMany({ select: { id: true, [column.field]: true } });
    for (const row of rows) {
      const stored = row[column.field];
      const id = String(row.id);
      if (typeof stored !== "string" || stored === "") {
        report.empty += 1;
        continue;
      }
      try {
        if (secretKeyId(stored) === currentId) {
          report.alreadyCurrent += 1;
          continue;
        }
        planned.push({ column, id, stored, plaintext: decryptSecret(stored, readable) });
        report.reencrypted += 1;
      } catch (error) {
        unreadable.push(`${report.column} (id ${id}): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    reports.push(report);
  }

  if (unreadable.length > 0) {
    throw new RotationError(
      `${unreadable.length} secret(s) could not be read with ENCRYPTION_KEY or ENCRYPTION_KEY_PREVIOUS; nothing was changed.`,
      unreadable,
    );
  }
  const result: RotationReport = {
    keyId: currentId,
    columns: reports,
    reencrypted: planned.length,
    alreadyCurrent: reports.reduce((sum, report) => sum + report.alreadyCurrent, 0),
    dryRun: options.dryRun ?? false,
  };
  if (options.dryRun || planned.length === 0) return result;

  await client.$transaction(async (tx) => {
    for (const item of planned) {
      const { count } = await delegateOf(tx, item.column.model).updateMany({
        where: { id: item.id, [item.column.field]: item.stored },
        data: { [item.column.field]: encryptSecret(item.plaintext, keys.current) },
      });
      if (count !== 1) {
        throw new RotationError(
          `${item.column.model}.${item.column.field} (id ${item.id}) changed while rotating; nothing was changed, run it again.`,
        );
      }
    }
    // The audit row as lib/audit.ts writes it (that module is for the app's server code).
    await tx.auditLog.create({
      data: {
        actorId: null,
        action: "secrets.rotate-key" satisfies AuditAction,
        outcome: "success",
        details: JSON.stringify({
          keyId: currentId,
          previousKeyIds: keys.previous.map(encryptionKeyId),
          reencrypted: result.reencrypted,
          alreadyCurrent: result.alreadyCurrent,
        } satisfies AuditDetailsOf<"secrets.rotate-key">),
      },
    });
  });
  return result;
}
