import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { writeAuditLog, type AuditDetailsOf } from "@/lib/audit";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { cleanJobTitle, jobTitleKey } from "@/lib/jobs/titles";

type JobClient = Pick<Prisma.TransactionClient, "job">;

export type JobRef = { id: string; title: string; department: string; office: string };

/**
 * Jobs by title key. A company has tens or hundreds of jobs, so reading them all is cheaper
 * than a case-insensitive query SQLite cannot index; an import keeps one map for its whole run.
 */
export async function loadJobsByTitle(client: JobClient = db): Promise<Map<string, JobRef>> {
  const jobs = await client.job.findMany({
    select: { id: true, title: true, department: true, office: true },
    orderBy: { id: "asc" },
  });
  const byKey = new Map<string, JobRef>();
  for (const job of jobs) if (!byKey.has(jobTitleKey(job.title))) byKey.set(jobTitleKey(job.title), job);
  return byKey;
}

/**
 * The job with this title, created on the fly when none exists (department and office as given,
 * "" when not). An existing job keeps its department and office, except that an empty one is
 * filled in: a later row adds what was missing but never overwrites.
 */
export async function findOrCreateJob(
  input: { title: string; department?: string | null; office?: string | null },
  options: { client?: JobClient; cache?: Map<string, JobRef> } = {},
): Promise<{ job: JobRef; created: boolean }> {
  const client = options.client ?? db;
  const cache = options.cache ?? (await loadJobsByTitle(client));
  const key = jobTitleKey(input.title);
  const existing = cache.get(key);
  if (existing) {
    const fill: { department?: string; office?: string } = {};
    if (!existing.department && input.department) fill.department = input.department;
    if (!existing.office && input.office) fill.office = input.office;
    if (Object.keys(fill).length === 0) return { job: existing, created: false };
    const job = await client.job.update({
      where: { id: existing.id },
      data: fill,
      select: { id: true, title: true, department: true, office: true },
    });
    cache.set(key, job);
    return { job, created: false };
  }
  const job = await client.job.create({
    data: { title: cleanJobTitle(input.title), department: input.department ?? "", office: input.office ?? "" },
    select: { id: true, title: true, department: true, office: true },
  });
  cache.set(key, job);
  return { job, created: true };
}

/** Who changes a job: a person on the Jobs page, or an API key. */
export type JobWriter = { userId: string | null; apiKeyId?: string };

function writerDetails(writer: JobWriter): AuditDetailsOf<"job.create"> {
  return writer.apiKeyId ? { via: "api", apiKeyId: writer.apiKeyId } : { via: "screen" };
}

const JOB_SELECT = { id: true, title: true, department: true, office: true } as const;

export function listAllJobs() {
  return db.job.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }], select: JOB_SELECT });
}

export function listJobsWithCounts() {
  return db.job.findMany({
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: { ...JOB_SELECT, _count: { select: { candidates: true } } },
  });
}

export function getJob(id: string) {
  return db.job.findUnique({ where: { id }, select: JOB_SELECT });
}

async function assertTitleFree(client: JobClient, title: string, exceptId?: string) {
  const other = (await loadJobsByTitle(client)).get(jobTitleKey(title));
  if (other && other.id !== exceptId) throw new ConflictError("job_title_taken");
}

export async function createJob(
  input: { title: string; department?: string; office?: string },
  writer: JobWriter,
): Promise<JobRef> {
  return db.$transaction(async (tx) => {
    await assertTitleFree(tx, input.title);
    const job = await tx.job.create({
      data: {
        title: cleanJobTitle(input.title),
        department: input.department?.trim() ?? "",
        office: input.office?.trim() ?? "",
      },
      select: JOB_SELECT,
    });
    await writeAuditLog(tx, {
      actorId: writer.userId,
      action: "job.create",
      targetType: "job",
      targetId: job.id,
      outcome: "success",
      details: writerDetails(writer),
    });
    return job;
  });
}

export async function updateJob(
  id: string,
  patch: { title?: string; department?: string; office?: string },
  writer: JobWriter,
): Promise<JobRef> {
  return db.$transaction(async (tx) => {
    const before = await tx.job.findUnique({ where: { id }, select: JOB_SELECT });
    if (!before) throw new NotFoundError("Job");
    const data: { title?: string; department?: string; office?: string } = {};
    if (patch.title !== undefined && cleanJobTitle(patch.title) !== before.title) {
      await assertTitleFree(tx, patch.title, id);
      data.title = cleanJobTitle(patch.title);
    }
    if (patch.department !== undefined && patch.department.trim() !== before.department)
      data.department = patch.department.trim();
    if (patch.office !== undefined && patch.office.trim() !== before.office) data.office = patch.office.trim();
    if (Object.keys(data).length === 0) return before;
    const job = await tx.job.update({ where: { id }, data, select: JOB_SELECT });
    const entry = { actorId: writer.userId, targetType: "job", targetId: id, outcome: "success" } as const;
    const changed = { ...writerDetails(writer), fields: Object.keys(data) };
    await writeAuditLog(
      tx,
      data.title
        ? { ...entry, action: "job.rename", details: { ...changed, from: before.title, to: data.title } }
        : { ...entry, action: "job.update", details: changed },
    );
    return job;
  });
}
