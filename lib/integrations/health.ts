// Pure: how the settings page summarises the connection's last calls.

export type HealthInput = { lastSuccessAt: Date | null; lastErrorAt: Date | null; lastErrorCode: string | null };
export type HealthState = "untested" | "healthy" | "failing";

/** Failing when the newest recorded call failed; an older error stays visible but no longer alarms. */
export function connectionHealthState({ lastSuccessAt, lastErrorAt }: HealthInput): HealthState {
  if (!lastSuccessAt && !lastErrorAt) return "untested";
  if (lastErrorAt && (!lastSuccessAt || lastErrorAt.getTime() > lastSuccessAt.getTime())) return "failing";
  return "healthy";
}
