// Pure: how the settings page summarises the connection's last calls.

export type HealthInput = { lastSuccessAt: Date | null; lastErrorAt: Date | null; lastErrorCode: string | null };
export type HealthState = "untested" | "healthy" | "failing";

/** Failing when the newest recorded call failed; an older error stays visible but no longer alarms. */
export function connectionHealthState({ lastSuccessAt, lastErrorAt }: HealthInput): HealthState {
  if (!lastSuccessAt && !lastErrorAt) return "untested";
  if (lastErrorAt && (!lastSuccessAt || lastErrorAt.getTime() > lastSuccessAt.getTime())) return "failing";
  return "healthy";
}

// What the marketplace card, the settings page's header and the admins' banner say about the
// integration: its setting (connected, disabled) and, while enabled, its health. A connection
// whose newest call failed is "failing", not "connected", until a later call succeeds.
export type PersonioStatus = "not_connected" | "connected" | "failing" | "disabled";

export function personioStatus(integration: ({ enabled: boolean } & HealthInput) | null): PersonioStatus {
  if (!integration) return "not_connected";
  if (!integration.enabled) return "disabled";
  return connectionHealthState(integration) === "failing" ? "failing" : "connected";
}
