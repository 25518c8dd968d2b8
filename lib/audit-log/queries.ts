import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

import { AUDIT_CATEGORY_PREFIXES, AUDIT_PAGE_SIZE, parseAuditDetails, type TAuditListParams } from "./params";

function whereFor(params: TAuditListParams): Prisma.AuditLogWhereInput {
  const prefixes = params.category === "all" ? [] : AUDIT_CATEGORY_PREFIXES[params.category];
  return {
    AND: [
      ...(prefixes.length > 0 ? [{ OR: prefixes.map((prefix) => ({ action: { startsWith: prefix } })) }] : []),
      ...(params.outcome ? [{ outcome: params.outcome }] : []),
    ],
  };
}

/** One page of the audit log, newest first, with the names of the people, roles and candidates involved. */
export async function listAuditEntries(params: TAuditListParams) {
  const where = whereFor(params);
  const total = await db.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(params.page, pages);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      at: true,
      action: true,
      targetType: true,
      targetId: true,
      outcome: true,
      details: true,
      actorId: true,
      actor: { select: { name: true } },
    },
  });
  const idsOf = (type: string) => [...new Set(rows.filter((row) => row.targetType === type && row.targetId).map((row) => row.targetId!))];
  const [roles, users, candidates] = await Promise.all([
    db.role.findMany({ where: { id: { in: idsOf("role") } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, name: true } }),
    db.candidate.findMany({ where: { id: { in: idsOf("candidate") } }, select: { id: true, firstName: true, lastName: true } }),
  ]);
  const names = new Map<string, string>([
    ...roles.map((role) => [`role:${role.id}`, role.name] as const),
    ...users.map((user) => [`user:${user.id}`, user.name] as const),
    ...candidates.map((candidate) => [`candidate:${candidate.id}`, `${candidate.firstName} ${candidate.lastName}`] as const),
  ]);
  const entries = rows.map((row) => ({
    id: row.id,
    at: row.at,
    action: row.action,
    outcome: row.outcome,
    actorName: row.actor?.name ?? null,
    hasActor: row.actorId !== null,
    target: row.targetType
      ? { type: row.targetType, id: row.targetId, name: row.targetId ? (names.get(`${row.targetType}:${row.targetId}`) ?? null) : null }
      : null,
    details: parseAuditDetails(row.details),
  }));
  return { total, page, pages, entries };
}

export type AuditEntryRow = Awaited<ReturnType<typeof listAuditEntries>>["entries"][number];
