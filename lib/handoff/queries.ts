import "server-only";

import { db } from "@/lib/db";
import { DONE_STATUSES, type HandoffStatus } from "@/lib/handoff/claim";
import { personioEmployeeLink } from "@/lib/integrations/personio-connection";
import { can, type Actor } from "@/lib/permissions";

export type PersonioBadgeData = {
  status: "SENT" | "LINKED";
  sentByName: string;
  sentAt: Date;
  employeeUrl: string | null;
};

// Badge data for candidates that were sent or linked, for an actor who may see badges; for
// anyone else nothing is read, so the sender's name never reaches a page that must not show it.
export async function getPersonioBadges(actor: Actor, candidateIds: string[]): Promise<Map<string, PersonioBadgeData>> {
  if (!can(actor, "personio:see-badge") || candidateIds.length === 0) return new Map();
  const rows = await db.handoff.findMany({
    where: { candidateId: { in: candidateIds }, status: { in: [...DONE_STATUSES] } },
    select: {
      candidateId: true,
      status: true,
      sentAt: true,
      personioEmployeeId: true,
      personioSubdomain: true,
      sentBy: { select: { name: true } },
    },
  });
  return new Map(
    rows.map((row) => [
      row.candidateId,
      {
        status: row.status as "SENT" | "LINKED",
        sentByName: row.sentBy?.name ?? "",
        sentAt: row.sentAt ?? new Date(0),
        employeeUrl: employeeUrl(row.personioSubdomain, row.personioEmployeeId),
      },
    ]),
  );
}

function employeeUrl(subdomain: string | null, employeeId: number | null) {
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
