import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { queueEmail } from "@/lib/email/outbox";

import { readNewEmployeeAddresses } from "./addresses";
import { findRecipients, NOTIFICATION_PERMISSIONS, toRecipient, withPermission } from "./recipients";

// Notifications with a single cause, each written in the cause's own transaction (the failed
// send's release, the health change, the successful send's completion), so an email exists
// exactly when its cause committed. Email off: queueEmail writes nothing.

type Tx = Prisma.TransactionClient;

/** A send to Personio failed: the admins who keep this on. */
/** Returns whether an email was queued (the caller then kicks the background runner). */
export async function notifySendFailedIn(tx: Tx, input: { candidateId: string; code: string }): Promise<boolean> {
  const recipients = await findRecipients(tx, {
    ...withPermission(NOTIFICATION_PERMISSIONS.sendFailures),
    notifySendFailures: true,
  });
  if (recipients.length === 0) return false;
  const candidate = await tx.candidate.findUnique({
    where: { id: input.candidateId },
    select: { firstName: true, lastName: true },
  });
  if (!candidate) return false;
  for (const recipient of recipients) {
    await queueEmail(tx, {
      template: "notify.send-failed",
      to: toRecipient(recipient),
      data: { candidateId: input.candidateId, name: `${candidate.firstName} ${candidate.lastName}`, code: input.code },
      audience: "notification",
    });
  }
  return true;
}

/** The Personio connection went from working to failing (not every failure: the change). */
export async function notifyConnectionFailingIn(tx: Tx, input: { code: string; since: Date }) {
  const recipients = await findRecipients(tx, {
    ...withPermission(NOTIFICATION_PERMISSIONS.connection),
    notifyConnection: true,
  });
  for (const recipient of recipients) {
    await queueEmail(tx, {
      template: "notify.connection-failing",
      to: toRecipient(recipient),
      data: { code: input.code, since: input.since.toISOString() },
      audience: "notification",
    });
  }
}

/**
 * A new employee is in Personio: the addresses an admin chose (HR, IT) hear name, position,
 * start date and the link to the employee, nothing more. They are no accounts: the email is in
 * the installation's default language and time zone, and has no List-Unsubscribe (there is no
 * profile to point to; the footer names who to ask).
 */
/** Returns whether an email was queued (the caller then kicks the background runner). */
export async function notifyNewEmployeeIn(
  tx: Tx,
  input: { candidateId: string; employeeUrl: string | null; addresses?: string[] },
): Promise<boolean> {
  // A send read them with its candidate, before Personio answered (lib/handoff/send-context.ts).
  const addresses = input.addresses ?? (await readNewEmployeeAddresses(tx));
  if (addresses.length === 0) return false;
  const candidate = await tx.candidate.findUnique({
    where: { id: input.candidateId },
    select: { firstName: true, lastName: true, startDate: true, job: { select: { title: true } } },
  });
  if (!candidate) return false;
  const data = {
    name: `${candidate.firstName} ${candidate.lastName}`,
    position: candidate.job.title,
    startDate: candidate.startDate,
    employeeUrl: input.employeeUrl,
  };
  for (const address of addresses) {
    await queueEmail(tx, { template: "notify.new-employee", to: { address, name: null }, data, audience: "address" });
  }
  return true;
}
