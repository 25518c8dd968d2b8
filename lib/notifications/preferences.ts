import "server-only";

import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/permissions";

import type { NewHireMode } from "./modes";
import { NOTIFICATION_PERMISSIONS } from "./recipients";
import type { TNotificationPreferencesInput } from "./schemas";

export type NotificationPreferences = {
  newHires: NewHireMode | null;
  sendFailures: boolean | null;
  connection: boolean | null;
};

/** A person's switches; null for a notification their permissions do not allow (not shown). */
export async function getNotificationPreferences(actor: Actor): Promise<NotificationPreferences> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { notifyNewHires: true, notifySendFailures: true, notifyConnection: true },
  });
  return {
    newHires: can(actor, NOTIFICATION_PERMISSIONS.newHires) ? (user.notifyNewHires as NewHireMode) : null,
    sendFailures: can(actor, NOTIFICATION_PERMISSIONS.sendFailures) ? user.notifySendFailures : null,
    connection: can(actor, NOTIFICATION_PERMISSIONS.connection) ? user.notifyConnection : null,
  };
}

/** Changes the person's own switches; a switch their permissions do not allow is left as it is. */
export async function setNotificationPreferences(actor: Actor, input: TNotificationPreferencesInput) {
  await db.user.update({
    where: { id: actor.id },
    data: {
      ...(input.newHires && can(actor, NOTIFICATION_PERMISSIONS.newHires) ? { notifyNewHires: input.newHires } : {}),
      ...(input.sendFailures !== undefined && can(actor, NOTIFICATION_PERMISSIONS.sendFailures)
        ? { notifySendFailures: input.sendFailures }
        : {}),
      ...(input.connection !== undefined && can(actor, NOTIFICATION_PERMISSIONS.connection)
        ? { notifyConnection: input.connection }
        : {}),
    },
    select: { id: true },
  });
}
