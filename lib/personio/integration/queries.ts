import "server-only";

// What pages read about the Personio connection. The secret column is never selected here.

import { db } from "@/lib/db";
import { personioStatus, type PersonioStatus } from "@/lib/personio/integration/health";

import { PERSONIO_INTEGRATION_ID, RATE_LIMIT_WINDOW_MS } from "./connection";

export type PersonioConnectionState = "not_connected" | "connected" | "disabled";

/** Everything the settings page shows about the connection. The secret column is never selected. */
export async function getPersonioSettings() {
  const integration = await db.personioIntegration.findUnique({
    where: { id: PERSONIO_INTEGRATION_ID },
    select: {
      clientId: true,
      subdomain: true,
      apiVersion: true,
      scopes: true,
      enabled: true,
      connectedById: true,
      createdAt: true,
      updatedAt: true,
      lastSuccessAt: true,
      lastErrorAt: true,
      lastErrorCode: true,
    },
  });
  if (!integration) return null;
  const [connectedBy, rateLimited] = await Promise.all([
    integration.connectedById
      ? db.user.findUnique({ where: { id: integration.connectedById }, select: { name: true } })
      : null,
    getRecentRateLimits(),
  ]);
  const { connectedById: _id, ...rest } = integration;
  return { ...rest, connectedByName: connectedBy?.name ?? null, rateLimited };
}

/** Personio's 429s in the last 24 hours: how many, and the last one's time and kind of call; null if none. */
export async function getRecentRateLimits() {
  const since = new Date(Date.now() - RATE_LIMIT_WINDOW_MS);
  const [count, last] = await Promise.all([
    db.personioRateLimitEvent.count({ where: { at: { gte: since } } }),
    db.personioRateLimitEvent.findFirst({
      where: { at: { gte: since } },
      orderBy: { at: "desc" },
      select: { at: true, kind: true },
    }),
  ]);
  return last ? { count, lastAt: last.at, lastKind: last.kind } : null;
}

export type PersonioSettings = NonNullable<Awaited<ReturnType<typeof getPersonioSettings>>>;

export async function getPersonioConnectionState(): Promise<PersonioConnectionState> {
  return toConnectionState(
    await db.personioIntegration.findUnique({ where: { id: PERSONIO_INTEGRATION_ID }, select: { enabled: true } }),
  );
}

export function toConnectionState(integration: { enabled: boolean } | null): PersonioConnectionState {
  if (!integration) return "not_connected";
  return integration.enabled ? "connected" : "disabled";
}

/** Setting and health in one (lib/personio/integration/health.ts): for the marketplace card, the page header and the admins' banner. */
export async function getPersonioStatus(): Promise<{ status: PersonioStatus; lastErrorCode: string | null }> {
  const integration = await db.personioIntegration.findUnique({
    where: { id: PERSONIO_INTEGRATION_ID },
    select: { enabled: true, lastSuccessAt: true, lastErrorAt: true, lastErrorCode: true },
  });
  return { status: personioStatus(integration), lastErrorCode: integration?.lastErrorCode ?? null };
}
