import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { isStage, STAGES, type Stage } from "@/lib/candidates/stages";
import { db } from "@/lib/db";

// Which stages may be sent to Personio: an admin setting, Hired only until changed. Recruitee's
// integration is for new hires; a candidate still in Applied is not one. The profile's menu
// offers Send only for these stages, and the send and link actions refuse the others.
export const HANDOFF_SETTINGS_ID = "handoff";
export const DEFAULT_SENDABLE_STAGES: readonly Stage[] = ["HIRED"];

/** The stored setting (null: no row yet, the default). */
export function parseSendableStages(stored: string | null): Stage[] {
  if (stored === null) return [...DEFAULT_SENDABLE_STAGES];
  const stages = stored.split(",").filter(isStage);
  return stages.length > 0 ? STAGES.filter((stage) => stages.includes(stage)) : [...DEFAULT_SENDABLE_STAGES];
}

/** The setting as `client` sees it: the caller's transaction, when a write decides by it. */
export async function getSendableStages(client: Pick<typeof db, "handoffSettings"> = db): Promise<Stage[]> {
  const row = await client.handoffSettings.findUnique({
    where: { id: HANDOFF_SETTINGS_ID },
    select: { sendableStages: true },
  });
  return parseSendableStages(row?.sendableStages ?? null);
}

export function isSendableStage(stage: string, sendable: readonly Stage[]): boolean {
  return isStage(stage) && sendable.includes(stage);
}

export async function setSendableStages({ actorId, stages }: { actorId: string; stages: Stage[] }) {
  const ordered = STAGES.filter((stage) => stages.includes(stage));
  return db.$transaction(async (tx) => {
    const before = await tx.handoffSettings.findUnique({
      where: { id: HANDOFF_SETTINGS_ID },
      select: { sendableStages: true },
    });
    const previous = parseSendableStages(before?.sendableStages ?? null);
    if (previous.join(",") === ordered.join(",")) return { stages: ordered, changed: false };
    await tx.handoffSettings.upsert({
      where: { id: HANDOFF_SETTINGS_ID },
      create: { id: HANDOFF_SETTINGS_ID, sendableStages: ordered.join(",") },
      update: { sendableStages: ordered.join(",") },
    });
    await writeAuditLog(tx, {
      actorId,
      action: "handoff.set-sendable-stages",
      targetType: "settings",
      targetId: HANDOFF_SETTINGS_ID,
      outcome: "success",
      details: { from: previous, to: ordered },
    });
    return { stages: ordered, changed: true };
  });
}
