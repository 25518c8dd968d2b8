import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { findCandidateIdsMatching } from "@/lib/candidates/queries";
import { db } from "@/lib/db";
import { nextDay, startOfDayIn } from "@/lib/i18n/zoned-day";

import {
  AUDIT_CATEGORY_AREAS,
  AUDIT_PAGE_SIZE,
  parseAuditDetails,
  type TAuditFilters,
  type TAuditListParams,
} from "./params";

// A candidate filter's words may match many people (a common surname): the log is filtered by
// the newest this many of them, and the page says so when there are more.
export const AUDIT_CANDIDATE_MATCH_LIMIT = 1_000;

// The export reads the log this many rows at a time, so a large log never sits in memory at once.
const EXPORT_BATCH = 500;

type AuditWhere = { where: Prisma.AuditLogWhereInput; candidateMatches: number | null };

/**
 * The filters as a where clause. Days are the viewer's days (their time zone); the end day is
 * included. Null when the candidate words find nobody: then nothing matches.
 */
async function whereFor(params: TAuditFilters, timeZone: string): Promise<AuditWhere | null> {
  const areas = params.category === "all" ? [] : AUDIT_CATEGORY_AREAS[params.category];
  const conditions: Prisma.AuditLogWhereInput[] = [];
  if (areas.length > 0) conditions.push({ OR: areas.map((area) => ({ action: { startsWith: `${area}.` } })) });
  if (params.outcome) conditions.push({ outcome: params.outcome });
  if (params.from) conditions.push({ at: { gte: startOfDayIn(params.from, timeZone) } });
  if (params.to) conditions.push({ at: { lt: startOfDayIn(nextDay(params.to), timeZone) } });
  if (params.person) conditions.push({ actorId: params.person });
  let candidateMatches: number | null = null;
  if (params.candidate) {
    // Text with nothing to search for ("@@") finds nobody: a filter the person typed is never
    // silently dropped, which would show them entries they did not ask for as if they had.
    const found = await findCandidateIdsMatching(params.candidate, AUDIT_CANDIDATE_MATCH_LIMIT);
    if (!found || found.ids.length === 0) return null;
    candidateMatches = found.total;
    conditions.push({ targetType: "candidate", targetId: { in: found.ids } });
  }
  return { where: { AND: conditions }, candidateMatches };
}

const ROW_SELECT = {
  id: true,
  at: true,
  action: true,
  targetType: true,
  targetId: true,
  outcome: true,
  details: true,
  actorId: true,
  actor: { select: { name: true } },
} satisfies Prisma.AuditLogSelect;

type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof ROW_SELECT }>;

// Targets and some details are ids: their names are looked up for the rows at hand (a deleted
// one shows as unknown). Details with ids, by the kind of thing each names.
const DETAIL_IDS = {
  person: "user", // the person an export was filtered by
  breakGlassUserId: "user",
  apiKeyId: "api-key",
  importId: "import",
  sourceId: "webhook-source",
} as const;

async function withNames(rows: AuditRow[]) {
  const parsed = rows.map((row) => ({ row, details: parseAuditDetails(row.details) }));
  const idsOf = (type: string) => [
    ...new Set(rows.filter((row) => row.targetType === type && row.targetId).map((row) => row.targetId!)),
  ];
  const detailIds = (key: string) =>
    parsed.flatMap(({ details }) => (typeof details[key] === "string" ? [details[key]] : []));
  const idsOfKind = (type: (typeof DETAIL_IDS)[keyof typeof DETAIL_IDS]) => [
    ...new Set([
      ...idsOf(type),
      ...Object.entries(DETAIL_IDS).flatMap(([key, kind]) => (kind === type ? detailIds(key) : [])),
    ]),
  ];
  // No query for a kind of id the rows do not hold (most batches of an export hold few kinds).
  const lookUp = <T>(ids: string[], find: (ids: string[]) => Promise<T[]>) =>
    ids.length > 0 ? find(ids) : Promise.resolve([] as T[]);
  const [roles, users, candidates, jobs, imports, apiKeys, sources] = await Promise.all([
    lookUp(idsOf("role"), (ids) => db.role.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })),
    lookUp(idsOfKind("user"), (ids) =>
      db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    ),
    lookUp(idsOf("candidate"), (ids) =>
      db.candidate.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true, lastName: true } }),
    ),
    lookUp(idsOf("job"), (ids) => db.job.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })),
    lookUp(idsOfKind("import"), (ids) =>
      db.candidateImport.findMany({ where: { id: { in: ids } }, select: { id: true, fileName: true } }),
    ),
    lookUp(idsOfKind("api-key"), (ids) =>
      db.apiKey.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    ),
    lookUp(idsOfKind("webhook-source"), (ids) =>
      db.webhookSource.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    ),
  ]);
  const names = new Map<string, string>([
    ...roles.map((role) => [`role:${role.id}`, role.name] as const),
    ...users.map((user) => [`user:${user.id}`, user.name] as const),
    ...candidates.map(
      (candidate) => [`candidate:${candidate.id}`, `${candidate.firstName} ${candidate.lastName}`] as const,
    ),
    ...jobs.map((job) => [`job:${job.id}`, job.title] as const),
    ...imports.map((item) => [`import:${item.id}`, item.fileName] as const),
    ...apiKeys.map((key) => [`api-key:${key.id}`, key.name] as const),
    ...sources.map((source) => [`webhook-source:${source.id}`, source.name] as const),
  ]);
  return parsed.map(({ row, details }) => ({
    id: row.id,
    at: row.at,
    action: row.action,
    outcome: row.outcome,
    actorName: row.actor?.name ?? null,
    hasActor: row.actorId !== null,
    target: row.targetType
      ? {
          type: row.targetType,
          id: row.targetId,
          name: row.targetId ? (names.get(`${row.targetType}:${row.targetId}`) ?? null) : null,
        }
      : null,
    details,
    // Names for the ids inside details, by "<type>:<id>".
    names: Object.fromEntries(
      Object.entries(DETAIL_IDS).flatMap(([key, kind]) => {
        const name = typeof details[key] === "string" ? names.get(`${kind}:${details[key]}`) : undefined;
        return name === undefined ? [] : [[`${kind}:${details[key] as string}`, name]];
      }),
    ) as Record<string, string>,
  }));
}

/** One page of the audit log, newest first, with the names of the people, roles and candidates involved. */
export async function listAuditEntries(params: TAuditListParams, timeZone: string) {
  const filter = await whereFor(params, timeZone);
  if (!filter) return { total: 0, page: 1, pages: 1, entries: [], candidateMatches: 0 };
  const total = await db.auditLog.count({ where: filter.where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(params.page, pages);
  const rows = await db.auditLog.findMany({
    where: filter.where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: ROW_SELECT,
  });
  return { total, page, pages, entries: await withNames(rows), candidateMatches: filter.candidateMatches };
}

export type AuditEntryRow = Awaited<ReturnType<typeof withNames>>[number];

/**
 * Every entry the filters match, newest first, a batch at a time (keyset paging on the time and
 * id, so each batch is an index seek however far into the log it is).
 */
export async function* readAuditEntriesInBatches(
  params: TAuditFilters,
  timeZone: string,
): AsyncGenerator<AuditEntryRow[]> {
  const filter = await whereFor(params, timeZone);
  if (!filter) return;
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const rows: AuditRow[] = await db.auditLog.findMany({
      // "at <= last" on its own, so both databases seek the time index to where the last batch
      // ended (an OR of the two cases alone made SQLite walk the index from the newest entry,
      // every batch); the OR then drops the entries of the same instant already written.
      where: after
        ? {
            AND: [
              filter.where,
              { at: { lte: after.at } },
              { OR: [{ at: { lt: after.at } }, { id: { lt: after.id } }] },
            ],
          }
        : filter.where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: EXPORT_BATCH,
      select: ROW_SELECT,
    });
    if (rows.length === 0) return;
    yield await withNames(rows);
    if (rows.length < EXPORT_BATCH) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.at, id: last.id };
  }
}

/** The people who appear in the log as actors, for the person filter: users by name. */
export async function listAuditPeople() {
  return db.user.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, email: true } });
}
