import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { cleanJobTitle, jobTitleKey } from "@/lib/jobs/titles";

type JobWriter = Pick<Prisma.TransactionClient, "job">;

export type JobRef = { id: string; title: string; department: string; office: string };

/**
 * Jobs by title key. A company has tens or hundreds of jobs, so reading them all is cheaper
 * than a case-insensitive query SQLite cannot index; an import keeps one map for its whole run.
 */
export async function loadJobsByTitle(client: JobWriter = db): Promise<Map<string, JobRef>> {
  const jobs = await client.job.findMany({ select: { id: true, title: true, department: true, office: true }, orderBy: { id: "asc" } });
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
  options: { client?: JobWriter; cache?: Map<string, JobRef> } = {},
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
    const job = await client.job.update({ where: { id: existing.id }, data: fill, select: { id: true, title: true, department: true, office: true } });
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
