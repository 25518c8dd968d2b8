import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";

import { parseFieldConfig, type FieldConfig } from "./config";

export const FIELD_CONFIG_ID = "personio";

/** The optional fields the review form offers; the defaults (the job title) when none were chosen. */
export async function getFieldConfig(): Promise<FieldConfig> {
  const row = await db.personioFieldConfig.findUnique({ where: { id: FIELD_CONFIG_ID }, select: { fields: true } });
  return parseFieldConfig(row?.fields);
}

export async function saveFieldConfig({ actorId, config }: { actorId: string; config: FieldConfig }) {
  const fields = JSON.stringify(config);
  await db.$transaction(async (tx) => {
    await tx.personioFieldConfig.upsert({
      where: { id: FIELD_CONFIG_ID },
      create: { id: FIELD_CONFIG_ID, fields },
      update: { fields },
    });
    await writeAuditLog(tx, {
      actorId,
      action: "integration.set-fields",
      targetType: "integration",
      targetId: "personio",
      outcome: "success",
      details: { fields: config.fields.map((field) => `${field.key}:${field.source}`) },
    });
  });
  return { saved: true };
}
