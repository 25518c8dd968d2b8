import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { DONE_STATUSES, type HandoffStatus } from "@/lib/handoff/status";
import { can, type Actor } from "@/lib/permissions";
import { personioEmployeeLink } from "@/lib/personio/integration/connection";

export type PersonioBadgeData = {
  status: "SENT" | "LINKED";
  sentByName: string;
  sentAt: Date;
  employeeUrl: string | null;
  /** Sent by an automatic-send rule, no person: the rule's source (by name) and stage. */
  automaticRule: { sourceName: string; stage: string } | null;
};

type BadgeRow = {
  candidateId: string;
  status: string;
  sentAt: Date | null;
  personioEmployeeId: number | null;
  personioSubdomain: string | null;
  sentByName: string | null;
  ruleSource: string | null;
  ruleSourceName: string | null;
  ruleStage: string | null;
};

// Badge data for candidates that were sent or linked, for an actor who may see badges; for
// anyone else nothing is read, so the sender's name never reaches a page that must not show it.
export async function getPersonioBadges(actor: Actor, candidateIds: string[]): Promise<Map<string, PersonioBadgeData>> {
  if (!can(actor, "personio:see-badge") || candidateIds.length === 0) return new Map();
  // One statement with the sender's name (Prisma's nested select takes two): on every list page.
  const rows = await db.$queryRaw<BadgeRow[]>`
    SELECT h."candidateId", h."status", h."sentAt", h."personioEmployeeId", h."personioSubdomain", u."name" AS "sentByName",
      r."source" AS "ruleSource", w."name" AS "ruleSourceName", r."stage" AS "ruleStage"
    FROM "Handoff" h LEFT JOIN "User" u ON u."id" = h."sentById"
      LEFT JOIN "AutomaticSendRule" r ON r."id" = h."automaticRuleId"
      LEFT JOIN "WebhookSource" w ON w."externalSource" = r."source"
    WHERE h."candidateId" IN (${Prisma.join(candidateIds)}) AND h."status" IN (${Prisma.join([...DONE_STATUSES])})`;
  return new Map(
    rows.map((row) => [
      row.candidateId,
      {
        status: row.status as "SENT" | "LINKED",
        sentByName: row.sentByName ?? "",
        sentAt: row.sentAt ?? new Date(0),
        employeeUrl: employeeUrl(row.personioSubdomain, row.personioEmployeeId),
        automaticRule:
          row.ruleSource && row.ruleStage
            ? { sourceName: row.ruleSourceName ?? row.ruleSource, stage: row.ruleStage }
            : null,
      },
    ]),
  );
}

/** The employee's page in Personio, or null when there is no id or the stored subdomain cannot make a link. */
export function employeeUrl(subdomain: string | null, employeeId: number | null) {
  if (employeeId === null) return null;
  try {
    return personioEmployeeLink(subdomain ?? "", employeeId);
  } catch {
    return null; // a subdomain the link template cannot use: show the badge without a link
  }
}

export async function getHandoffStatus(candidateId: string): Promise<HandoffStatus | null> {
  const row = await db.handoff.findUnique({ where: { candidateId }, select: { status: true } });
  return (row?.status as HandoffStatus | undefined) ?? null;
}
