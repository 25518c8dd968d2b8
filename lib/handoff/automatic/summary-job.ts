import "server-only";

import { z } from "zod";

import { defineJobKind } from "@/lib/background/registry";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { LISTED_HIRES } from "@/lib/notifications/new-hires";
import { findRecipients, NOTIFICATION_PERMISSIONS, toRecipient, withPermission } from "@/lib/notifications/recipients";

// The daily summary of automatic sends for admins (those who hear of failed sends): which hires
// the rules sent in the day before the job's period began. A recurring job, one per day however
// many instances run (lib/background/runner.ts); a day without automatic sends sends nothing.
export const AUTOMATIC_SEND_SUMMARY_JOB = "handoff.automatic-send-summary";
export const AUTOMATIC_SEND_SUMMARY_EVERY_MS = 24 * 60 * 60_000;

export const automaticSendSummaryJob = defineJobKind({
  kind: AUTOMATIC_SEND_SUMMARY_JOB,
  payload: z.object({ periodStart: z.string() }),
  async run({ periodStart }) {
    const until = new Date(periodStart);
    const since = new Date(until.getTime() - AUTOMATIC_SEND_SUMMARY_EVERY_MS);
    const where = { automaticRuleId: { not: null }, status: "SENT", sentAt: { gte: since, lt: until } };
    await db.$transaction(async (tx) => {
      const [sent, total] = await Promise.all([
        tx.handoff.findMany({
          where,
          orderBy: [{ sentAt: "asc" }, { id: "asc" }],
          take: LISTED_HIRES,
          select: {
            candidate: {
              select: { id: true, firstName: true, lastName: true, startDate: true, job: { select: { title: true } } },
            },
          },
        }),
        tx.handoff.count({ where }),
      ]);
      if (total === 0) return;
      const hires = sent.map(({ candidate }) => ({
        candidateId: candidate.id,
        name: `${candidate.firstName} ${candidate.lastName}`,
        position: candidate.job.title,
        startDate: candidate.startDate,
      }));
      const recipients = await findRecipients(tx, {
        ...withPermission(NOTIFICATION_PERMISSIONS.sendFailures),
        notifySendFailures: true,
      });
      for (const recipient of recipients) {
        await queueEmail(tx, {
          template: "notify.automatic-sends",
          to: toRecipient(recipient),
          data: { hires, more: total - hires.length },
          audience: "notification",
        });
      }
    });
  },
});
