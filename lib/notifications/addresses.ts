import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";

import { parseAddressList } from "./schemas";

// The addresses that hear of each new employee in Personio (Settings → Email), one row.
export const NOTIFICATION_SETTINGS_ID = "notifications";

export async function readNewEmployeeAddresses(client: Pick<Prisma.TransactionClient, "notificationSettings"> = db) {
  const row = await client.notificationSettings.findUnique({
    where: { id: NOTIFICATION_SETTINGS_ID },
    select: { newEmployeeAddresses: true },
  });
  return parseNewEmployeeAddresses(row?.newEmployeeAddresses ?? null);
}

/** The stored list (null: no row yet, nobody). */
export function parseNewEmployeeAddresses(stored: string | null): string[] {
  return parseAddressList(stored ?? "");
}

export async function setNewEmployeeAddresses({ actorId, addresses }: { actorId: string; addresses: string[] }) {
  const stored = addresses.join("\n");
  await db.$transaction(async (tx) => {
    await tx.notificationSettings.upsert({
      where: { id: NOTIFICATION_SETTINGS_ID },
      create: { id: NOTIFICATION_SETTINGS_ID, newEmployeeAddresses: stored },
      update: { newEmployeeAddresses: stored },
    });
    await writeAuditLog(tx, {
      actorId,
      action: "notification.set-addresses",
      targetType: "settings",
      targetId: NOTIFICATION_SETTINGS_ID,
      outcome: "success",
      details: { count: addresses.length },
    });
  });
}
