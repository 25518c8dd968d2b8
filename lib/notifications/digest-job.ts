import "server-only";

import { z } from "zod";

import { defineJobKind } from "@/lib/background/registry";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";

import { stillWaiting, summariseHires } from "./new-hires";
import { findRecipients, NOTIFICATION_PERMISSIONS, toRecipient, withPermission } from "./recipients";

// The daily digest. A recurring job runs every hour (instrumentation-node.ts schedules it; one job
// per hour however many instances run); each run sends the digest to everyone whose local time
// is past DIGEST_HOUR and who has had none yet that local day, listing the new hires that came in
// since their last digest and still wait. "Had one today" is the person's lastDigestAt, moved
// with a compare-and-set in the transaction that queues the email: a run that repeats, or two
// runs at once, send one digest per person and day. A day with nothing new sends nothing.
export const DIGEST_JOB = "notifications.digest";
export const DIGEST_EVERY_MS = 60 * 60_000;
/** Local hour (in each recipient's own time zone) from which the day's digest goes out. */
export const DIGEST_HOUR = 8;

/** yyyy-mm-dd and the hour of `at` in `timeZone`. */
function localDayAndHour(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  return { day: `${part("year")}-${part("month")}-${part("day")}`, hour: Number(part("hour")) };
}

export function isDigestDue(now: Date, lastDigestAt: Date | null, timeZone: string): boolean {
  const local = localDayAndHour(now, timeZone);
  if (local.hour < DIGEST_HOUR) return false;
  return !lastDigestAt || localDayAndHour(lastDigestAt, timeZone).day < local.day;
}

/** A first digest covers the day before it. */
const FIRST_DIGEST_SPAN_MS = 24 * 60 * 60_000;

export const digestJob = defineJobKind({
  kind: DIGEST_JOB,
  payload: z.object({ periodStart: z.string() }),
  async run(_payload, context) {
    const now = context.now();
    const people = await db.user.findMany({
      where: { ...withPermission(NOTIFICATION_PERMISSIONS.newHires), notifyNewHires: "DIGEST" },
      select: { id: true, timeZone: true, lastDigestAt: true },
      orderBy: { id: "asc" },
    });
    for (const person of people) {
      context.signal.throwIfAborted();
      if (!isDigestDue(now, person.lastDigestAt, person.timeZone ?? env.DEFAULT_TIME_ZONE)) continue;
      await db.$transaction(async (tx) => {
        const { count } = await tx.user.updateMany({
          where: { id: person.id, lastDigestAt: person.lastDigestAt },
          data: { lastDigestAt: now },
        });
        if (count === 0) return; // another run made this digest meanwhile
        const since = person.lastDigestAt ?? new Date(now.getTime() - FIRST_DIGEST_SPAN_MS);
        const { hires, more } = await summariseHires(tx, {
          createdAt: { gt: since, lte: now },
          ...(await stillWaiting(tx)),
        });
        if (hires.length === 0) return;
        const [recipient] = await findRecipients(tx, { id: person.id });
        await queueEmail(tx, {
          template: "notify.digest",
          to: toRecipient(recipient!),
          data: { hires, more },
          audience: "notification",
        });
      });
    }
  },
});
