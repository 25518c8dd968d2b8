import "server-only";

import { z } from "zod";

import { defineJobKind } from "@/lib/background/registry";
import { db } from "@/lib/db";
import { removeOrphanDocumentFiles } from "@/lib/documents/orphans";
import { logger } from "@/lib/logger";

import { applyRetention } from "./retention";

export const RETENTION_JOB = "privacy.retention";
export const RETENTION_EVERY_MS = 24 * 60 * 60 * 1000;

// The daily run of the retention rules: scheduled once per UTC day however many instances run
// (scheduleRecurringJob keys it by the day), so one instance applies them. The time it applies
// them as of is the runner's clock (lib/background/clock.ts), which tests move.
export const retentionJob = defineJobKind({
  kind: RETENTION_JOB,
  payload: z.object({ periodStart: z.string().optional() }),
  perProcess: 1,
  leaseMs: 5 * 60_000,
  retry: { maxAttempts: 3, baseDelayMs: 60_000 },
  async run(_payload, context) {
    const counts = await applyRetention(db, {
      asOf: context.now(),
      betweenBatches: async () => {
        context.signal.throwIfAborted();
        await context.renewLease();
      },
    });
    const files = await removeOrphanDocumentFiles(db);
    logger.info({ jobId: context.jobId, ...counts, documentFilesRemoved: files.removed }, "Retention rules applied");
  },
});
