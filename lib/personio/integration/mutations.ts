import "server-only";

// What admins change about the Personio connection. Each change is written in one transaction
// with its audit row; new credentials are stored only after Personio accepted them.

import { Prisma } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { requestLogger } from "@/lib/logger";
import { clearPersonioTokenCache, type PersonioApiVersion } from "@/lib/personio/client";
import type { CredentialCheckFailure } from "@/lib/personio/errors";
import { decryptAtRest, encryptAtRest } from "@/lib/secrets/at-rest";

import {
  createClientFromCredentials,
  PERSONIO_INTEGRATION_ID,
  recordPersonioHealth,
  sharedPersonioLimits,
} from "./connection";
import { checkPersonioCredentials } from "./credential-check";
import type { ScopeAssessment } from "./scopes";

type Credentials = { clientId: string; clientSecret: string; subdomain: string; apiVersion?: PersonioApiVersion };

/** What the settings actions report back: a status, never anything secret. */
export type CredentialSaveResult =
  | { status: "saved"; subdomain: string; assessment: Exclude<ScopeAssessment, "missing_write"> }
  | { status: "rejected"; reason: CredentialCheckFailure | "stored_secret_unreadable" };

// Nothing is stored until Personio accepted the credentials; a refusal is audited with its reason
// (and only the client id, which is an identifier, not a secret).
async function verify(
  actorId: string,
  action: "integration.connect" | "integration.update-credentials",
  credentials: Credentials,
) {
  const result = await checkPersonioCredentials(createClientFromCredentials(credentials));
  if (!result.ok) {
    await writeAuditLog(db, {
      actorId,
      action,
      targetType: "integration",
      targetId: PERSONIO_INTEGRATION_ID,
      outcome: "failure",
      details: {
        reason: result.reason,
        clientId: credentials.clientId,
        subdomain: credentials.subdomain,
        apiVersion: credentials.apiVersion ?? "v1",
        scopes: result.scopes ?? [],
      },
    });
  }
  return result;
}

export async function connectPersonio({
  actorId,
  input,
}: {
  actorId: string;
  input: Credentials;
}): Promise<CredentialSaveResult> {
  const existing = await db.personioIntegration.findUnique({
    where: { id: PERSONIO_INTEGRATION_ID },
    select: { id: true },
  });
  if (existing) throw new ConflictError("already_connected");
  const check = await verify(actorId, "integration.connect", input);
  if (!check.ok) return { status: "rejected", reason: check.reason };
  try {
    await db.$transaction(async (tx) => {
      // Lists read with other credentials may belong to another account.
      await tx.personioOptionCache.deleteMany();
      await tx.personioIntegration.create({
        data: {
          id: PERSONIO_INTEGRATION_ID,
          clientId: input.clientId,
          clientSecretEncrypted: encryptAtRest(input.clientSecret),
          subdomain: input.subdomain,
          apiVersion: input.apiVersion ?? "v1",
          scopes: check.scopes.join(" "),
          enabled: true,
          connectedById: actorId,
          lastSuccessAt: new Date(),
        },
      });
      await writeAuditLog(tx, {
        actorId,
        action: "integration.connect",
        targetType: "integration",
        targetId: PERSONIO_INTEGRATION_ID,
        outcome: "success",
        details: {
          clientId: input.clientId,
          subdomain: input.subdomain,
          apiVersion: input.apiVersion ?? "v1",
          scopes: check.scopes,
          writePermission: check.assessment,
        },
      });
    });
  } catch (error) {
    // Two admins connecting at once: the second one finds it connected.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new ConflictError("already_connected");
    throw error;
  }
  clearPersonioTokenCache();
  await sharedPersonioLimits()?.clearTokens();
  return { status: "saved", subdomain: input.subdomain, assessment: check.assessment };
}

export async function updatePersonioCredentials({
  actorId,
  input,
}: {
  actorId: string;
  input: Credentials;
}): Promise<CredentialSaveResult> {
  const current = await db.personioIntegration.findUnique({
    where: { id: PERSONIO_INTEGRATION_ID },
    select: { clientId: true, clientSecretEncrypted: true, subdomain: true, apiVersion: true, updatedAt: true },
  });
  if (!current) throw new NotFoundError("Personio integration");
  const isNewSecret = input.clientSecret !== "";
  let clientSecret = input.clientSecret;
  if (!isNewSecret) {
    // A blank field keeps the stored secret; it is decrypted only to check it together with the new values.
    try {
      clientSecret = decryptAtRest(current.clientSecretEncrypted);
    } catch {
      return { status: "rejected", reason: "stored_secret_unreadable" };
    }
  }
  const check = await verify(actorId, "integration.update-credentials", { ...input, clientSecret });
  if (!check.ok) return { status: "rejected", reason: check.reason };

  await db.$transaction(async (tx) => {
    // Guarded by updatedAt: if another admin saved in the meantime, theirs stands and this one is refused.
    const { count } = await tx.personioIntegration.updateMany({
      where: { id: PERSONIO_INTEGRATION_ID, updatedAt: current.updatedAt },
      data: {
        clientId: input.clientId,
        ...(isNewSecret ? { clientSecretEncrypted: encryptAtRest(clientSecret) } : {}),
        subdomain: input.subdomain,
        apiVersion: input.apiVersion ?? "v1",
        scopes: check.scopes.join(" "),
        lastSuccessAt: new Date(),
        lastErrorAt: null,
        lastErrorCode: null,
      },
    });
    if (count === 0) throw new ConflictError("changed_meanwhile");
    await tx.personioOptionCache.deleteMany();
    await writeAuditLog(tx, {
      actorId,
      action: "integration.update-credentials",
      targetType: "integration",
      targetId: PERSONIO_INTEGRATION_ID,
      outcome: "success",
      details: {
        clientId: input.clientId,
        clientIdChanged: input.clientId !== current.clientId,
        secretChanged: isNewSecret,
        subdomain: input.subdomain,
        previousSubdomain: current.subdomain,
        apiVersion: input.apiVersion ?? "v1",
        previousApiVersion: current.apiVersion,
        scopes: check.scopes,
        writePermission: check.assessment,
      },
    });
  });
  clearPersonioTokenCache();
  await sharedPersonioLimits()?.clearTokens();
  return { status: "saved", subdomain: input.subdomain, assessment: check.assessment };
}

export async function setPersonioEnabled({ actorId, enabled }: { actorId: string; enabled: boolean }) {
  return db.$transaction(async (tx) => {
    const current = await tx.personioIntegration.findUnique({
      where: { id: PERSONIO_INTEGRATION_ID },
      select: { enabled: true },
    });
    if (!current) throw new NotFoundError("Personio integration");
    if (current.enabled === enabled) return { enabled };
    await tx.personioIntegration.update({ where: { id: PERSONIO_INTEGRATION_ID }, data: { enabled } });
    await writeAuditLog(tx, {
      actorId,
      action: enabled ? "integration.enable" : "integration.disable",
      targetType: "integration",
      targetId: PERSONIO_INTEGRATION_ID,
      outcome: "success",
    });
    return { enabled };
  });
}

// Removes the stored credentials only. Handoff rows (who sent whom, the Personio employee id and
// the subdomain it went to) and the audit log stay, so badges and history survive a reconnect.
export async function deletePersonio({ actorId }: { actorId: string }) {
  const stored = await db.personioIntegration.findUnique({
    where: { id: PERSONIO_INTEGRATION_ID },
    select: { clientId: true, clientSecretEncrypted: true, apiVersion: true },
  });
  await db.$transaction(async (tx) => {
    const current = await tx.personioIntegration.findUnique({
      where: { id: PERSONIO_INTEGRATION_ID },
      select: { clientId: true, subdomain: true },
    });
    if (!current) throw new NotFoundError("Personio integration");
    await tx.personioIntegration.delete({ where: { id: PERSONIO_INTEGRATION_ID } });
    await tx.personioOptionCache.deleteMany();
    await tx.personioRateLimitEvent.deleteMany();
    await writeAuditLog(tx, {
      actorId,
      action: "integration.delete",
      targetType: "integration",
      targetId: PERSONIO_INTEGRATION_ID,
      outcome: "success",
      details: { clientId: current.clientId, subdomain: current.subdomain },
    });
  });
  if (stored?.apiVersion === "v2") await revokeV2Token(stored);
  clearPersonioTokenCache();
  await sharedPersonioLimits()?.clearTokens();
}

export type ConnectionTestResult =
  | { status: "ok"; assessment: Exclude<ScopeAssessment, "missing_write"> }
  | { status: "failed"; reason: CredentialCheckFailure | "stored_secret_unreadable" };

/** "Test connection": a fresh authentication with the stored credentials, recorded as health. */
export async function testPersonioConnection({ actorId }: { actorId: string }): Promise<ConnectionTestResult> {
  const current = await db.personioIntegration.findUnique({
    where: { id: PERSONIO_INTEGRATION_ID },
    select: { clientId: true, clientSecretEncrypted: true, subdomain: true, apiVersion: true },
  });
  if (!current) throw new NotFoundError("Personio integration");
  let clientSecret: string;
  try {
    clientSecret = decryptAtRest(current.clientSecretEncrypted);
  } catch {
    return { status: "failed", reason: "stored_secret_unreadable" };
  }
  const check = await checkPersonioCredentials(
    createClientFromCredentials({ clientId: current.clientId, clientSecret, apiVersion: current.apiVersion }),
  );
  if (check.ok) {
    await recordPersonioHealth({ ok: true });
  } else {
    await recordPersonioHealth({ ok: false, error: check.error });
  }
  await writeAuditLog(db, {
    actorId,
    action: "integration.test",
    targetType: "integration",
    targetId: PERSONIO_INTEGRATION_ID,
    outcome: check.ok ? "success" : "failure",
    details: check.ok ? { scopes: check.scopes, writePermission: check.assessment } : { reason: check.reason },
  });
  return check.ok ? { status: "ok", assessment: check.assessment } : { status: "failed", reason: check.reason };
}

// Deleting the integration ends its v2 token at Personio (`POST /v2/auth/revoke`), so nothing
// Handoff held keeps working. Best effort: the integration is gone whatever Personio answers.
async function revokeV2Token(stored: { clientId: string; clientSecretEncrypted: string }) {
  try {
    const clientSecret = decryptAtRest(stored.clientSecretEncrypted);
    await createClientFromCredentials({ clientId: stored.clientId, clientSecret, apiVersion: "v2" }).revokeToken();
  } catch (error) {
    const log = await requestLogger();
    log.warn({ err: error }, "Personio v2 token not revoked");
  }
}
