import "server-only";

// What the profile's Personio panel shows about a candidate who is in Personio: sent or linked, by
// whom and when, the employee's id and link, what Personio ignored, and each Update in Personio
// since. Only Handoff's own records (the handoff and its audit entries): nothing read from Personio.

import { db } from "@/lib/db";
import type { PersonioWarning } from "@/lib/handoff/personio-write";
import { employeeUrl } from "@/lib/handoff/queries";
import { isHandoffDone } from "@/lib/handoff/status";
import { can, type Actor } from "@/lib/permissions";

export type PersonioUpdateEntry = {
  at: Date;
  byName: string | null;
  /** The form's field keys that went to Personio (firstName, position, dynamic_7, …). */
  fields: string[];
  /** The answer never came: Personio may have applied it. */
  uncertain: boolean;
};

export type PersonioRecord = {
  status: "SENT" | "LINKED";
  sentByName: string | null;
  sentAt: Date | null;
  employeeId: number | null;
  employeeUrl: string | null;
  warnings: PersonioWarning[];
  updates: PersonioUpdateEntry[];
  /** Sent by an automatic-send rule (no person): its source's name and stage. */
  automaticRule: { sourceName: string; stage: string } | null;
};

// The panel lists the latest updates; the audit log has them all.
const UPDATES_SHOWN = 10;

/** For an actor who may see that a profile was sent (the badge's permission); null otherwise or when it is not in Personio. */
export async function getPersonioRecord(actor: Actor, candidateId: string): Promise<PersonioRecord | null> {
  if (!can(actor, "personio:see-badge")) return null;
  const handoff = await db.handoff.findUnique({
    where: { candidateId },
    select: {
      status: true,
      sentAt: true,
      personioEmployeeId: true,
      personioSubdomain: true,
      personioWarnings: true,
      sentBy: { select: { name: true } },
      automaticRuleId: true,
    },
  });
  if (!handoff || !isHandoffDone(handoff.status)) return null;
  const rule = handoff.automaticRuleId
    ? await db.automaticSendRule.findUnique({
        where: { id: handoff.automaticRuleId },
        select: { source: true, stage: true },
      })
    : null;
  const ruleSource = rule
    ? await db.webhookSource.findUnique({ where: { externalSource: rule.source }, select: { name: true } })
    : null;
  const updates = await db.auditLog.findMany({
    where: { action: "handoff.update", targetType: "candidate", targetId: candidateId, outcome: { not: "denied" } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: UPDATES_SHOWN * 3,
    select: { at: true, outcome: true, details: true, actor: { select: { name: true } } },
  });
  return {
    status: handoff.status,
    sentByName: handoff.sentBy?.name ?? null,
    sentAt: handoff.sentAt,
    employeeId: handoff.personioEmployeeId,
    employeeUrl: employeeUrl(handoff.personioSubdomain, handoff.personioEmployeeId),
    automaticRule: rule ? { sourceName: ruleSource?.name ?? rule.source, stage: rule.stage } : null,
    warnings: parseWarnings(handoff.personioWarnings),
    updates: updates
      .flatMap((entry) => {
        const details = parseDetails(entry.details);
        const fields = Array.isArray(details.fields) ? details.fields.filter((f) => typeof f === "string") : [];
        // Applied (success), or perhaps applied (no answer); refusals changed nothing in Personio.
        const uncertain = entry.outcome !== "success" && details.outcomeUnknown === true;
        if ((entry.outcome !== "success" && !uncertain) || fields.length === 0) return [];
        return [{ at: entry.at, byName: entry.actor?.name ?? null, fields, uncertain }];
      })
      .slice(0, UPDATES_SHOWN),
  };
}

function parseDetails(json: string | null): Record<string, unknown> {
  try {
    const parsed: unknown = json ? JSON.parse(json) : {};
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function parseWarnings(json: string | null): PersonioWarning[] {
  try {
    const parsed: unknown = json ? JSON.parse(json) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((item: Partial<PersonioWarning> | null) =>
      item && typeof item.message === "string"
        ? [{ field: item.field ?? null, value: item.value ?? null, message: item.message }]
        : [],
    );
  } catch {
    return [];
  }
}
