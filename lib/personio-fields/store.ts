import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";

import { DEFAULT_FIELD_CONFIG, parseFieldConfig, type FieldConfig } from "./config";

const CONFIG_ID = "personio";

/** The optional fields the review form offers; the defaults (the job title) when none were chosen. */
export async function getFieldConfig(): Promise<FieldConfig> {
  const row = await db.personioFieldConfig.findUnique({ where: { id: CONFIG_ID }, select: { fields: true } });
  return row ? parseFieldConfig(row.fields) : DEFAULT_FIELD_CONFIG;
}

export async function saveFieldConfig({ actorId, config }: { actorId: string; config: FieldConfig }) {
  const fields = JSON.stringify(config);
  await db.$transaction(async (tx) => {
    await tx.personioFieldConfig.upsert({
      where: { id: CONFIG_ID },
      create: { id: CONFIG_ID, fields },
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
