import "server-only";

import { getHandoffStatus } from "@/lib/handoff/queries";
import { getSendableStages, isSendableStage } from "@/lib/handoff/send-settings";
import { isHandoffDone } from "@/lib/handoff/status";
import { can, type Actor } from "@/lib/permissions";
import { getPersonioConnectionState, type PersonioConnectionState } from "@/lib/personio/integration/queries";

export type SendUnavailableReason =
  "no_permission" | "not_connected" | "integration_disabled" | "stage_not_sendable" | "already_sent";
export type SendAvailability = { available: true } | { available: false; reason: SendUnavailableReason };

/**
 * Whether this actor may send this candidate to Personio now, and if not, why. The profile
 * offers "Send to Personio" only when it is available; every send checks the same rule again.
 */
export async function getSendAvailability({
  actor,
  candidate,
}: {
  actor: Actor;
  candidate: { id: string; stage: string };
}): Promise<SendAvailability> {
  const [connection, handoffStatus, sendableStages] = await Promise.all([
    getPersonioConnectionState(),
    getHandoffStatus(candidate.id),
    getSendableStages(),
  ]);
  const refusal = sendRefusal({ actor, connection });
  if (refusal) return { available: false, reason: refusal };
  // Only the stages an admin allowed (lib/handoff/send-settings.ts); the send checks it again.
  if (!isSendableStage(candidate.stage, sendableStages)) return { available: false, reason: "stage_not_sendable" };
  if (isHandoffDone(handoffStatus)) return { available: false, reason: "already_sent" };
  return { available: true };
}

/**
 * The part of the rule that does not depend on the candidate. A send checks it with the
 * connection it loads anyway; whether the candidate was already sent it learns from its claim,
 * which decides that atomically.
 */
export function sendRefusal({ actor, connection }: { actor: Actor; connection: PersonioConnectionState }) {
  if (!can(actor, "personio:send")) return "no_permission";
  if (connection === "not_connected") return "not_connected";
  if (connection === "disabled") return "integration_disabled";
  return null;
}
