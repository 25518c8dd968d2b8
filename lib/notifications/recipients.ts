import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import type { Permission } from "@/lib/permissions";

// Who gets a notification: active people whose role has the permission the notification is
// about (deny by default, as everywhere), and who left it on on their profile.

/** Who may hear of what: new hires for those who may send, failures for those who manage integrations. */
export const NOTIFICATION_PERMISSIONS = {
  newHires: "personio:send",
  sendFailures: "integrations:manage",
  connection: "integrations:manage",
} as const satisfies Record<string, Permission>;

const RECIPIENT_SELECT = { id: true, email: true, name: true, locale: true, timeZone: true } as const;

export type NotificationRecipient = Prisma.UserGetPayload<{ select: typeof RECIPIENT_SELECT }>;

export function withPermission(permission: Permission): Prisma.UserWhereInput {
  return { active: true, role: { permissions: { some: { permission } } } };
}

export async function findRecipients(
  tx: Prisma.TransactionClient,
  where: Prisma.UserWhereInput,
): Promise<NotificationRecipient[]> {
  return tx.user.findMany({ where, select: RECIPIENT_SELECT, orderBy: { id: "asc" } });
}

export function toRecipient(user: NotificationRecipient) {
  return { address: user.email, name: user.name, locale: user.locale, timeZone: user.timeZone };
}
