import "server-only";

import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";

import {
  databaseKindOf,
  deleteCandidates,
  eraseSentCandidates,
  isInFlight,
  isSentOrLinked,
  lockCandidates,
} from "./candidate-erasure";
import { pseudonymizeDetails } from "./pseudonym";
import { retentionCutoff, type RetentionRules } from "./rules";
import { getRetentionRules } from "./settings";

// The retention rules applied: in batches, each batch one short transaction, so the app's own
// requests wait on no long lock and a run stopped half-way (a shutdown) resumes where it was the
// next day. Counts only leave this module; the ids stay in the database.

export type RetentionCounts = {
  unsentCandidates: number;
  sentCandidates: number;
  inFlightSkipped: number;
  intakeEntries: number;
  imports: number;
  auditPseudonymized: number;
  auditEntries: number;
  outboxMessages: number;
};

export type RetentionOptions = {
  asOf: Date;
  batchSize?: number;
  /** Between batches: renews the job's lease, throws when the job must stop. */
  betweenBatches?: () => Promise<void>;
};

const DEFAULT_BATCH = 500;
// Candidates go 100 at a time: each batch runs its statements on the server's event loop (SQLite),
// and a page waits behind a batch once per query it makes.
const CANDIDATE_BATCH = 100;
// A batch's transaction: above Prisma's 5 s default, which a loaded machine can reach (SQLite's
// search index is updated for every candidate removed); still short next to the job's lease.
const BATCH_TRANSACTION = { timeout: 30_000, maxWait: 10_000 };
const FINISHED_IMPORT = ["DONE", "FAILED", "UPLOADED"];
const FINISHED_EMAIL = ["SENT", "FAILED"];

function unsentWhere(cutoff: Date): Prisma.CandidateWhereInput {
  return { erasedAt: null, updatedAt: { lt: cutoff }, OR: [{ handoff: null }, { handoff: { status: "FAILED" } }] };
}

function sentWhere(cutoff: Date): Prisma.CandidateWhereInput {
  return { erasedAt: null, handoff: { status: { in: ["SENT", "LINKED"] }, sentAt: { lt: cutoff } } };
}

function inFlightWhere(rules: RetentionRules, asOf: Date): Prisma.CandidateWhereInput {
  return {
    erasedAt: null,
    updatedAt: { lt: retentionCutoff(asOf, rules.unsentCandidateDays) },
    handoff: { status: "SENDING" },
  };
}

/** Ids of `where`, in id order after `after`, one batch. */
async function nextCandidateIds(client: PrismaClient, where: Prisma.CandidateWhereInput, after: string, take: number) {
  const rows = await client.candidate.findMany({
    where: { ...where, id: { gt: after } },
    orderBy: { id: "asc" },
    take,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** What the rules would remove now, without removing anything (the Privacy page's dry run). */
export async function previewRetention(client: PrismaClient, asOf: Date) {
  const rules = await getRetentionRules(client);
  const cut = (days: number) => retentionCutoff(asOf, days);
  const [unsent, sent, inFlight, intake, imports, pseudonymize, audit, outbox, unsentSample, sentSample] =
    await Promise.all([
      client.candidate.count({ where: unsentWhere(cut(rules.unsentCandidateDays)) }),
      client.candidate.count({ where: sentWhere(cut(rules.sentCandidateDays)) }),
      client.candidate.count({ where: inFlightWhere(rules, asOf) }),
      client.webhookDelivery.count({ where: { receivedAt: { lt: cut(rules.intakeLogDays) } } }),
      client.candidateImport.count({
        where: { status: { in: FINISHED_IMPORT }, createdAt: { lt: cut(rules.importDays) } },
      }),
      client.auditLog.count({ where: { pseudonymizedAt: null, at: { lt: cut(rules.auditPersonalDays) } } }),
      client.auditLog.count({ where: { at: { lt: cut(rules.auditEntryDays) } } }),
      client.outboxMessage.count({
        where: { status: { in: FINISHED_EMAIL }, createdAt: { lt: cut(rules.outboxDays) } },
      }),
      client.candidate.findMany({
        where: unsentWhere(cut(rules.unsentCandidateDays)),
        orderBy: { updatedAt: "asc" },
        take: 20,
        select: { id: true, firstName: true, lastName: true, updatedAt: true },
      }),
      client.candidate.findMany({
        where: sentWhere(cut(rules.sentCandidateDays)),
        orderBy: { updatedAt: "asc" },
        take: 20,
        select: { id: true, firstName: true, lastName: true, handoff: { select: { sentAt: true } } },
      }),
    ]);
  const counts: RetentionCounts = {
    unsentCandidates: unsent,
    sentCandidates: sent,
    inFlightSkipped: inFlight,
    intakeEntries: intake,
    imports,
    auditPseudonymized: pseudonymize,
    auditEntries: audit,
    outboxMessages: outbox,
  };
  return {
    counts,
    unsent: unsentSample.map((row) => ({ id: row.id, name: `${row.firstName} ${row.lastName}`, at: row.updatedAt })),
    sent: sentSample.map((row) => ({
      id: row.id,
      name: `${row.firstName} ${row.lastName}`,
      at: row.handoff?.sentAt ?? null,
    })),
  };
}

/** Applies every rule as of `asOf` and records the run in the audit log, counts only. */
export async function applyRetention(client: PrismaClient, options: RetentionOptions): Promise<RetentionCounts> {
  const { asOf } = options;
  const startedAt = performance.now();
  const take = options.batchSize ?? DEFAULT_BATCH;
  const candidateTake = options.batchSize ?? CANDIDATE_BATCH;
  // Between batches the server's requests go first: on SQLite every statement runs on the event
  // loop, so a job that never paused would hold pages back until it is done. It pauses as long as
  // its last batch took (at most a second): half the time for the job, half for everyone else.
  let batchStarted = performance.now();
  const between = async () => {
    const worked = performance.now() - batchStarted;
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, worked)));
    await options.betweenBatches?.();
    batchStarted = performance.now();
  };
  const kind = databaseKindOf(client);
  const rules = await getRetentionRules(client);
  const cut = (days: number) => retentionCutoff(asOf, days);
  const counts: RetentionCounts = {
    unsentCandidates: 0,
    sentCandidates: 0,
    inFlightSkipped: await client.candidate.count({ where: inFlightWhere(rules, asOf) }),
    intakeEntries: 0,
    imports: 0,
    auditPseudonymized: 0,
    auditEntries: 0,
    outboxMessages: 0,
  };

  // Candidates: each batch is locked and read again inside its transaction, so one whose send
  // started (or who changed) since the batch was listed is left alone.
  const unsentCutoff = cut(rules.unsentCandidateDays);
  for (let after = ""; ;) {
    const ids = await nextCandidateIds(client, unsentWhere(unsentCutoff), after, candidateTake);
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    counts.unsentCandidates += await client.$transaction(async (tx) => {
      const locked = await lockCandidates(tx, kind, ids);
      const gone = locked.filter(
        (row) => !row.erasedAt && row.updatedAt < unsentCutoff && !isInFlight(row) && !isSentOrLinked(row),
      );
      return deleteCandidates(
        tx,
        gone.map((row) => row.id),
        kind,
      );
    }, BATCH_TRANSACTION);
    await between();
  }

  const sentCutoff = cut(rules.sentCandidateDays);
  for (let after = ""; ;) {
    const ids = await nextCandidateIds(client, sentWhere(sentCutoff), after, candidateTake);
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    counts.sentCandidates += await client.$transaction(async (tx) => {
      const locked = await lockCandidates(tx, kind, ids);
      const due = locked.filter(
        (row) => !row.erasedAt && isSentOrLinked(row) && row.handoff!.sentAt && row.handoff!.sentAt < sentCutoff,
      );
      return eraseSentCandidates(
        tx,
        due.map((row) => row.id),
        asOf,
        kind,
      );
    }, BATCH_TRANSACTION);
    await between();
  }

  counts.intakeEntries = await deleteInBatches(
    take,
    between,
    (after) =>
      client.webhookDelivery.findMany({
        where: { receivedAt: { lt: cut(rules.intakeLogDays) }, id: { gt: after } },
        orderBy: { id: "asc" },
        take,
        select: { id: true },
      }),
    async (ids) => (await client.webhookDelivery.deleteMany({ where: { id: { in: ids } } })).count,
  );

  // An import's file parts and rejected rows go with it (cascade); one import per statement,
  // as one may hold 100k rejected rows.
  counts.imports = await deleteInBatches(
    1,
    between,
    (after) =>
      client.candidateImport.findMany({
        where: { status: { in: FINISHED_IMPORT }, createdAt: { lt: cut(rules.importDays) }, id: { gt: after } },
        orderBy: { id: "asc" },
        take: 1,
        select: { id: true },
      }),
    async (ids) =>
      (await client.candidateImport.deleteMany({ where: { id: { in: ids }, status: { in: FINISHED_IMPORT } } })).count,
  );

  counts.auditEntries = await deleteInBatches(
    take,
    between,
    (after) =>
      client.auditLog.findMany({
        where: { at: { lt: cut(rules.auditEntryDays) }, id: { gt: after } },
        orderBy: { id: "asc" },
        take,
        select: { id: true },
      }),
    async (ids) => (await client.auditLog.deleteMany({ where: { id: { in: ids } } })).count,
  );

  counts.auditPseudonymized = await pseudonymizeAuditEntries(client, cut(rules.auditPersonalDays), asOf, take, between);

  counts.outboxMessages = await deleteInBatches(
    take,
    between,
    (after) =>
      client.outboxMessage.findMany({
        where: { status: { in: FINISHED_EMAIL }, createdAt: { lt: cut(rules.outboxDays) }, id: { gt: after } },
        orderBy: { id: "asc" },
        take,
        select: { id: true },
      }),
    async (ids) =>
      (await client.outboxMessage.deleteMany({ where: { id: { in: ids }, status: { in: FINISHED_EMAIL } } })).count,
  );

  await writeAuditLog(client, {
    actorId: null,
    action: "privacy.retention-run",
    outcome: "success",
    details: { asOf: asOf.toISOString(), durationMs: Math.round(performance.now() - startedAt), ...counts },
  });
  return counts;
}

async function deleteInBatches(
  take: number,
  between: () => Promise<void>,
  list: (after: string) => Promise<Array<{ id: string }>>,
  remove: (ids: string[]) => Promise<number>,
) {
  let total = 0;
  for (let after = ""; ;) {
    const ids = (await list(after)).map((row) => row.id);
    if (ids.length === 0) return total;
    after = ids.at(-1)!;
    total += await remove(ids);
    if (ids.length < take) return total;
    await between();
  }
}

async function pseudonymizeAuditEntries(
  client: PrismaClient,
  cutoff: Date,
  asOf: Date,
  take: number,
  between: () => Promise<void>,
) {
  let total = 0;
  for (let after = ""; ;) {
    const rows = await client.auditLog.findMany({
      where: { pseudonymizedAt: null, at: { lt: cutoff }, id: { gt: after } },
      orderBy: { id: "asc" },
      take,
      select: { id: true, details: true, targetId: true },
    });
    if (rows.length === 0) return total;
    after = rows.at(-1)!.id;
    await client.$transaction(async (tx) => {
      for (const row of rows) {
        const details = pseudonymizeDetails(row.details, row.targetId);
        if (details !== null) await tx.auditLog.update({ where: { id: row.id }, data: { details } });
      }
      await tx.auditLog.updateMany({
        where: { id: { in: rows.map((row) => row.id) } },
        data: { pseudonymizedAt: asOf },
      });
    }, BATCH_TRANSACTION);
    total += rows.length;
    if (rows.length < take) return total;
    await between();
  }
}
