import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";

import { parseAddressList } from "./schemas";

// The addresses that hear of each new employee in Personio (Settings → Email), one row.
const SETTINGS_ID = "notifications";

export async function readNewEmployeeAddresses(client: Pick<Prisma.TransactionClient, "notificationSettings"> = db) {
  const row = await client.notificationSettings.findUnique({
    where: { id: SETTINGS_ID },
    select: { newEmployeeAddresses: true },
  });
  return parseAddressList(row?.newEmployeeAddresses ?? "");
}

export async function setNewEmployeeAddresses({ actorId, addresses }: { actorId: string; addresses: string[] }) {
  const stored = addresses.join("\n");
  await db.$transaction(async (tx) => {
    await tx.notificationSettings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, newEmployeeAddresses: stored },
      update: { newEmployeeAddresses: stored },
    });
    await writeAuditLog(tx, {
      actorId,
      action: "notification.set-addresses",
      targetType: "settings",
      targetId: SETTINGS_ID,
      outcome: "success",
      details: { count: addresses.length },
    });
  });
}
