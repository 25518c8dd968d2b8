// What a handoff's status means, in one place for every module that asks. Pure: no "server-only"
// (the review form's types use it too).

export type HandoffStatus = "SENDING" | "SENT" | "LINKED" | "FAILED";

/** Sent or linked: the profile is in Personio and is never sent again (nor claimed for a send); an update is only for these. */
export const DONE_STATUSES = ["SENT", "LINKED"] as const satisfies readonly HandoffStatus[];

export function isHandoffDone(status: string | null): status is (typeof DONE_STATUSES)[number] {
  return status !== null && (DONE_STATUSES as readonly string[]).includes(status);
}

/**
 * Sending (Personio may hold the person any moment now), sent or linked: every writer of
 * candidates (the API, the import, the webhooks) then only completes the profile and never
 * changes what was sent.
 */
export const IN_PERSONIO_STATUSES = ["SENDING", ...DONE_STATUSES] as const satisfies readonly HandoffStatus[];

export function isInPersonioStatus(status: string | null | undefined): boolean {
  return status != null && (IN_PERSONIO_STATUSES as readonly string[]).includes(status);
}
