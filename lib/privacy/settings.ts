import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";

import { DEFAULT_RETENTION_RULES, RETENTION_RULES, type RetentionRules } from "./rules";

type SettingsReader = Pick<Prisma.TransactionClient, "retentionSettings">;

const SETTINGS_ID = "privacy";

/** The rules in force: the saved row, or every rule's default when none was saved. */
export async function getRetentionRules(client: SettingsReader): Promise<RetentionRules> {
  const row = await client.retentionSettings.findUnique({ where: { id: SETTINGS_ID } });
  if (!row) return { ...DEFAULT_RETENTION_RULES };
  return Object.fromEntries(RETENTION_RULES.map((rule) => [rule.key, row[rule.key]])) as RetentionRules;
}

/** Saves the rules with an audit entry naming the rules changed and their days (no personal data). */
export async function saveRetentionRules(
  client: { $transaction<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> },
  input: { actorId: string; rules: RetentionRules },
) {
  return client.$transaction(async (tx) => {
    const before = await getRetentionRules(tx);
    const changed = RETENTION_RULES.map((rule) => rule.key).filter((key) => before[key] !== input.rules[key]);
    await tx.retentionSettings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, ...input.rules, updatedById: input.actorId },
      update: { ...input.rules, updatedById: input.actorId },
    });
    await writeAuditLog(tx, {
      actorId: input.actorId,
      action: "privacy.set-retention",
      targetType: "settings",
      targetId: SETTINGS_ID,
      outcome: "success",
      details: { rules: changed.map((key) => `${key}=${input.rules[key]}`) },
    });
    return { changed };
  });
}
