import "server-only";

// The live connection: a Personio client built from the stored credentials, and the health its
// calls record. Reads for pages are in personio-queries.ts, admin changes in personio-mutations.ts.

import { kickBackgroundRunner } from "@/lib/background/process-runner";
import { db } from "@/lib/db";
import { databaseProvider } from "@/lib/db/provider";
import { env } from "@/lib/env";
import { notifyConnectionFailingIn } from "@/lib/notifications/events";
import { createPersonioClient, type PersonioClient } from "@/lib/personio/client";
import { isPersonioError, PERSONIO_ERRORS } from "@/lib/personio/errors";
import type { PersonioRateLimitedEvent } from "@/lib/personio/http";
import { createSharedPersonioLimits, type SharedPersonioLimits } from "@/lib/personio/shared-limits";
import { personioEmployeeUrl } from "@/lib/personio/web-link";
import { decryptAtRest } from "@/lib/secrets/at-rest";

import { toApiVersion } from "./schemas";

// The one row that holds the Personio connection.
export const PERSONIO_INTEGRATION_ID = "personio";

// On PostgreSQL several app processes may share the database, and then Personio's limits: the
// token and the read budget are kept there (shared-limits.ts). SQLite means one process.
let sharedLimits: SharedPersonioLimits | undefined;
export function sharedPersonioLimits(): SharedPersonioLimits | undefined {
  if (databaseProvider(env.DATABASE_URL) !== "postgresql") return undefined;
  return (sharedLimits ??= createSharedPersonioLimits(db));
}

export function createClientFromCredentials(credentials: {
  clientId: string;
  clientSecret: string;
  apiVersion?: string;
}): PersonioClient {
  return createPersonioClient({
    apiVersion: toApiVersion(credentials.apiVersion),
    baseUrl: env.PERSONIO_API_BASE_URL,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    appId: env.PERSONIO_APP_ID,
    timeoutMs: env.PERSONIO_TIMEOUT_MS,
    sharedLimits: sharedPersonioLimits(),
    orgIds: cachedOrgIds,
    onRateLimited: recordPersonioRateLimited,
  });
}

// The cached lists' ids (no Personio call); imported when needed, as options.ts imports this file.
async function cachedOrgIds() {
  const { getCachedPersonioOptions } = await import("@/lib/personio/integration/options");
  return (await getCachedPersonioOptions())?.ids ?? null;
}

// How far back the health view counts 429s; older rows are deleted as new ones arrive.
export const RATE_LIMIT_WINDOW_MS = 24 * 60 * 60 * 1000;

// A 429 says Personio is there and accepts the credentials: it is recorded for the health view
// without touching lastErrorAt or failingSince, so the connection does not turn "failing".
export async function recordPersonioRateLimited(event: PersonioRateLimitedEvent) {
  await db.personioRateLimitEvent.create({
    data: { kind: event.kind, retryAfterSeconds: event.retryAfterSeconds ?? null },
  });
  await db.personioRateLimitEvent.deleteMany({ where: { at: { lt: new Date(Date.now() - RATE_LIMIT_WINDOW_MS) } } });
}

export type ConnectedPersonio = {
  client: PersonioClient;
  subdomain: string;
  enabled: boolean;
  healthIsFresh: boolean;
};

/** The columns a connected client is made from (read here, or by lib/handoff/send-context.ts). */
export type StoredPersonioConnection = {
  clientId: string;
  clientSecretEncrypted: string;
  apiVersion: string;
  subdomain: string;
  enabled: boolean;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
};

export async function getConnectedPersonioClient(): Promise<ConnectedPersonio | null> {
  const integration = await db.personioIntegration.findUnique({
    where: { id: PERSONIO_INTEGRATION_ID },
    select: {
      clientId: true,
      clientSecretEncrypted: true,
      apiVersion: true,
      subdomain: true,
      enabled: true,
      lastSuccessAt: true,
      lastErrorAt: true,
    },
  });
  return integration ? toConnectedPersonio(integration) : null;
}

// The stored credentials, decrypted only here and only for the call that needs them.
export function toConnectedPersonio(integration: StoredPersonioConnection): ConnectedPersonio {
  const clientSecret = decryptAtRest(integration.clientSecretEncrypted);
  return {
    client: createClientFromCredentials({
      clientId: integration.clientId,
      clientSecret,
      apiVersion: integration.apiVersion,
    }),
    subdomain: integration.subdomain,
    enabled: integration.enabled,
    healthIsFresh: isHealthFresh(integration),
  };
}

// A success recorded within the last minute, and no error since: another success need not be
// written (saves a write on every send in a burst; the health page is then at most a minute behind).
const FRESH_HEALTH_MS = 60_000;

function isHealthFresh({ lastSuccessAt, lastErrorAt }: { lastSuccessAt: Date | null; lastErrorAt: Date | null }) {
  if (!lastSuccessAt || Date.now() - lastSuccessAt.getTime() > FRESH_HEALTH_MS) return false;
  return !lastErrorAt || lastErrorAt < lastSuccessAt;
}

// Connection health for admins: the last success and the last credential-level failure.
export async function recordPersonioHealth(outcome: { ok: true } | { ok: false; error: unknown }) {
  // Personio answered these with the credentials accepted, so they say nothing bad about the
  // connection (the send flow explains them on the profile); they count as a working call.
  const answered = !outcome.ok && isPersonioError(outcome.error) && PERSONIO_ERRORS[outcome.error.code].answered;
  if (outcome.ok || answered) {
    await db.personioIntegration.updateMany({
      where: { id: PERSONIO_INTEGRATION_ID },
      data: { lastSuccessAt: new Date(), failingSince: null },
    });
    return;
  }
  const code = isPersonioError(outcome.error) ? outcome.error.code : "unexpected";
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.personioIntegration.updateMany({
      where: { id: PERSONIO_INTEGRATION_ID },
      data: { lastErrorAt: now, lastErrorCode: code },
    });
    // Working → failing happens once (compare-and-set on failingSince), and so does its
    // notification; every further failure until a success changes nothing here.
    const { count } = await tx.personioIntegration.updateMany({
      where: { id: PERSONIO_INTEGRATION_ID, failingSince: null },
      data: { failingSince: now },
    });
    if (count === 1) await notifyConnectionFailingIn(tx, { code, since: now });
  });
  kickBackgroundRunner();
}

export function personioEmployeeLink(subdomain: string, employeeId: number) {
  return personioEmployeeUrl({ webBaseUrl: env.PERSONIO_WEB_BASE_URL, subdomain, employeeId });
}
