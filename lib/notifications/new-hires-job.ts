import "server-only";

import { z } from "zod";

import { defineJobKind } from "@/lib/background/registry";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";

import { NEW_HIRES_JOB, stillWaiting, summariseHires } from "./new-hires";
import { findRecipients, NOTIFICATION_PERMISSIONS, toRecipient, withPermission } from "./recipients";

// The "at once" notification: every notice not told of yet, in one email per recipient who chose
// "at once". Claiming the notices (notifiedAt) and queueing the emails are one transaction, so a
// job that fails or runs twice tells of each new hire once; two flushes never claim one notice.
export const newHiresJob = defineJobKind({
  kind: NEW_HIRES_JOB,
  payload: z.object({}).passthrough(),
  async run(_payload, context) {
    const claimedAt = context.now();
    await db.$transaction(async (tx) => {
      const { count } = await tx.newHireNotice.updateMany({
        where: { notifiedAt: null, createdAt: { lte: claimedAt } },
        data: { notifiedAt: claimedAt },
      });
      if (count === 0) return;
      const recipients = await findRecipients(tx, {
        ...withPermission(NOTIFICATION_PERMISSIONS.newHires),
        notifyNewHires: "IMMEDIATE",
      });
      // Nobody to tell (the default is the digest): the notices are claimed all the same, and not
      // summarised, which for an import of 100k hires would read every one of them each minute.
      if (recipients.length === 0) return;
      const { hires, more } = await summariseHires(tx, { notifiedAt: claimedAt, ...(await stillWaiting(tx)) });
      if (hires.length === 0) return; // sent, moved on or deleted within the minute
      for (const recipient of recipients) {
        await queueEmail(tx, {
          template: "notify.new-hires",
          to: toRecipient(recipient),
          data: { hires, more },
          audience: "notification",
        });
      }
    });
  },
});
