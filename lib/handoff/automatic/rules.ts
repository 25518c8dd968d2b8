import "server-only";

import { writeAuditLog } from "@/lib/audit";
import type { Stage } from "@/lib/candidates/stages";
import { db } from "@/lib/db";

// Automatic-send rules, one per source (Candidate.externalSource) and stage, off until an admin
// switches one on. Switching one off stops the sends it would still make (the job reads it again).

export function listAutomaticSendRules() {
  return db.automaticSendRule.findMany({
    orderBy: [{ source: "asc" }, { stage: "asc" }],
    select: { id: true, source: true, stage: true, enabled: true, updatedAt: true },
  });
}

export async function setAutomaticSendRule(input: { actorId: string; source: string; stage: Stage; enabled: boolean }) {
  const { actorId, source, stage, enabled } = input;
  return db.$transaction(async (tx) => {
    const rule = await tx.automaticSendRule.upsert({
      where: { source_stage: { source, stage } },
      create: { source, stage, enabled, updatedById: actorId },
      update: { enabled, updatedById: actorId },
      select: { id: true },
    });
    await writeAuditLog(tx, {
      actorId,
      action: "automatic-send.set-rule",
      targetType: "automatic-send-rule",
      targetId: rule.id,
      outcome: "success",
      details: { source, stage, enabled },
    });
    return { ruleId: rule.id, enabled };
  });
}

/** The switched-on rule for a candidate's source and stage, if any. */
export function findEnabledRule(source: string | null, stage: string) {
  if (!source) return Promise.resolve(null);
  return db.automaticSendRule.findFirst({
    where: { source, stage, enabled: true },
    select: { id: true, source: true, stage: true },
  });
}
