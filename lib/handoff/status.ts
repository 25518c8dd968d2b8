// Which handoff statuses mean that Personio holds the person: the one rule for every writer of
// candidates (the API, the import, the webhooks), who then only complete the profile and never
// change what was sent. Pure: no "server-only".

/** Sending (Personio may hold the person any moment now), sent or linked. */
export const IN_PERSONIO_STATUSES = ["SENDING", "SENT", "LINKED"] as const;

export function isInPersonioStatus(status: string | null | undefined): boolean {
  return status != null && (IN_PERSONIO_STATUSES as readonly string[]).includes(status);
}
