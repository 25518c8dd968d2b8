import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { newRowId } from "@/lib/db/row-id";

import type { JobClient } from "./registry";

type EnqueueClient = JobClient & Pick<Prisma.TransactionClient, "$executeRaw">;

export type EnqueueInput = {
  kind: string;
  /** One job per kind and key, ever: a second enqueue with the same key returns the first job. */
  key?: string;
  /** Ids only: the admin page lists jobs, and the table outlives what it points to. */
  payload?: Record<string, string | number | boolean | null>;
  runAfter?: Date;
  maxAttempts?: number;
};

/**
 * Queues a job. Takes the caller's transaction client, so a job is written with what caused it
 * (or not at all). With a key, INSERT … ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike):
 * a plain insert that hit the unique index would abort the caller's whole transaction on
 * PostgreSQL. Start the work at once with kickBackgroundRunner() after the transaction commits.
 */
export async function enqueueJob(
  client: EnqueueClient,
  input: EnqueueInput,
): Promise<{ id: string; created: boolean }> {
  const payload = JSON.stringify(input.payload ?? {});
  const runAfter = input.runAfter ?? new Date();
  // null: the kind's own retry policy decides (lib/background/kinds.ts).
  const maxAttempts = input.maxAttempts ?? null;
  if (input.key === undefined) {
    const created = await client.backgroundJob.create({
      data: { kind: input.kind, payload, runAfter, maxAttempts },
      select: { id: true },
    });
    return { id: created.id, created: true };
  }
  const id = newRowId();
  const now = new Date();
  const inserted = await client.$executeRaw`
    INSERT INTO "BackgroundJob" ("id", "kind", "key", "payload", "status", "attempts", "maxAttempts", "runAfter", "createdAt", "updatedAt")
    VALUES (${id}, ${input.kind}, ${input.key}, ${payload}, 'QUEUED', 0, ${maxAttempts}, ${runAfter}, ${now}, ${now})
    ON CONFLICT ("kind", "key") DO NOTHING`;
  if (inserted === 1) return { id, created: true };
  const existing = await client.backgroundJob.findUniqueOrThrow({
    where: { kind_key: { kind: input.kind, key: input.key } },
    select: { id: true },
  });
  return { id: existing.id, created: false };
}
