import "server-only";

// What admins change about single sign-on. Each change is written in one transaction with its
// audit row. The client secret is encrypted at rest and never leaves the server: the settings
// page gets hasSecret, the provider gets the plaintext only while a sign-in runs.

import { randomBytes } from "node:crypto";

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { decryptAtRest, encryptAtRest } from "@/lib/secrets/at-rest";
import { checkDiscovery, type DiscoveryProblem } from "@/lib/sso/discovery";
import { parseDomainList, type SsoPreset } from "@/lib/sso/presets";
import type { SsoProvisioning, TSaveSsoSettingsInput } from "@/lib/sso/schemas";

export const SSO_SETTINGS_ID = "sso";
// The provider's id in next-auth: its callback is /api/auth/callback/sso.
export const SSO_PROVIDER_ID = "sso";

const AUDIT_TARGET = { targetType: "sso", targetId: SSO_SETTINGS_ID } as const;

export type SsoSettingsView = {
  preset: SsoPreset;
  issuer: string;
  clientId: string;
  hasSecret: boolean;
  buttonLabel: string;
  allowedDomains: string[];
  provisioning: SsoProvisioning;
  defaultRoleId: string;
  groupsClaim: string | null;
  enabled: boolean;
  required: boolean;
  breakGlassUserId: string | null;
  testedAt: Date | null;
  testedEmail: string | null;
};

// testsPendingSecret: the secret is a renewed one on trial (a test sign-in), not the stored one.
export type SsoRuntime = SsoSettingsView & { clientSecret: string; testsPendingSecret: boolean };

const VIEW_SELECT = {
  preset: true,
  issuer: true,
  clientId: true,
  buttonLabel: true,
  allowedDomains: true,
  provisioning: true,
  defaultRoleId: true,
  groupsClaim: true,
  enabled: true,
  required: true,
  breakGlassUserId: true,
  testedAt: true,
  testedEmail: true,
} as const;

type Row = { [K in keyof typeof VIEW_SELECT]: unknown } & { clientSecretEncrypted?: string };

function toView(row: Row): SsoSettingsView {
  return {
    preset: row.preset as SsoPreset,
    issuer: row.issuer as string,
    clientId: row.clientId as string,
    hasSecret: true,
    buttonLabel: row.buttonLabel as string,
    allowedDomains: (row.allowedDomains as string).split(",").filter(Boolean),
    provisioning: row.provisioning as SsoProvisioning,
    defaultRoleId: row.defaultRoleId as string,
    groupsClaim: row.groupsClaim as string | null,
    enabled: row.enabled as boolean,
    required: row.required as boolean,
    breakGlassUserId: row.breakGlassUserId as string | null,
    testedAt: row.testedAt as Date | null,
    testedEmail: row.testedEmail as string | null,
  };
}

export async function getSsoSettings(): Promise<SsoSettingsView | null> {
  const row = await db.ssoSettings.findUnique({ where: { id: SSO_SETTINGS_ID }, select: VIEW_SELECT });
  return row ? toView(row) : null;
}

// With the secret, for the provider during a sign-in (lib/sso/provider.ts). Only the test
// sign-in that holds the pending secret's id gets the pending secret; everyone else, the stored one.
export async function loadSsoRuntime({
  pendingTestId,
}: { pendingTestId?: string | null } = {}): Promise<SsoRuntime | null> {
  const row = await db.ssoSettings.findUnique({
    where: { id: SSO_SETTINGS_ID },
    select: { ...VIEW_SELECT, clientSecretEncrypted: true, pendingSecretEncrypted: true, pendingSecretTestId: true },
  });
  if (!row) return null;
  const pending = pendingTestId && row.pendingSecretTestId === pendingTestId ? row.pendingSecretEncrypted : null;
  return {
    ...toView(row),
    clientSecret: decryptAtRest(pending ?? row.clientSecretEncrypted),
    testsPendingSecret: pending !== null,
  };
}

// Whether a renewed secret is held that no passing test has saved (the settings page says so
// after a failed test of it).
export async function hasPendingSsoSecret(): Promise<boolean> {
  const row = await db.ssoSettings.findUnique({
    where: { id: SSO_SETTINGS_ID },
    select: { pendingSecretTestId: true },
  });
  return Boolean(row?.pendingSecretTestId);
}

// Renewing the client secret without switching SSO off: the candidate is held encrypted for the
// one test sign-in whose cookie carries the returned id (a fresh random value, so an older test
// cannot pick it up); recordSsoTest saves it over the stored secret only when that test passes.
// Until then every other sign-in uses the stored secret, so SSO and "SSO required" stay as they are.
export async function holdPendingSsoSecret({ secret }: { secret: string }): Promise<string | null> {
  const testId = randomBytes(18).toString("base64url");
  const { count } = await db.ssoSettings.updateMany({
    where: { id: SSO_SETTINGS_ID },
    data: { pendingSecretEncrypted: encryptAtRest(secret), pendingSecretTestId: testId },
  });
  return count === 1 ? testId : null;
}

export async function dropPendingSsoSecret() {
  await db.ssoSettings.updateMany({
    where: { id: SSO_SETTINGS_ID },
    data: { pendingSecretEncrypted: null, pendingSecretTestId: null },
  });
}

// Who may be the break-glass admin.
export function listActiveAdmins() {
  return db.user.findMany({
    where: { roleId: "admin", active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

export function listSsoGroupRoles() {
  return db.ssoGroupRole.findMany({ orderBy: { group: "asc" }, select: { group: true, roleId: true } });
}

export type SsoSaveResult =
  { status: "saved"; retestNeeded: boolean } | { status: "rejected"; problem: DiscoveryProblem | "secret_required" };

export async function saveSsoSettings({
  actorId,
  input,
}: {
  actorId: string;
  input: TSaveSsoSettingsInput;
}): Promise<SsoSaveResult> {
  const current = await db.ssoSettings.findUnique({
    where: { id: SSO_SETTINGS_ID },
    select: { issuer: true, clientId: true, clientSecretEncrypted: true, preset: true },
  });
  if (!current && !input.clientSecret.trim()) return { status: "rejected", problem: "secret_required" };

  const discovery = await checkDiscovery(input.issuer.trim());
  if (!discovery.ok) {
    await writeAuditLog(db, {
      actorId,
      action: "sso.configure",
      ...AUDIT_TARGET,
      outcome: "failure",
      details: { reason: discovery.problem, issuer: input.issuer },
    });
    return { status: "rejected", problem: discovery.problem };
  }
  const issuer = discovery.issuer;
  const secret = input.clientSecret.trim();
  // A different provider, client or secret has not been tested: SSO goes off (and with it
  // "SSO required", so passwords work again) until a test sign-in succeeds.
  const providerChanged =
    !current ||
    current.issuer !== issuer ||
    current.clientId !== input.clientId.trim() ||
    current.preset !== input.preset ||
    secret !== "";
  const data = {
    preset: input.preset,
    issuer,
    clientId: input.clientId.trim(),
    buttonLabel: input.buttonLabel.trim(),
    allowedDomains: parseDomainList(input.allowedDomains).domains.join(","),
    provisioning: input.provisioning,
    defaultRoleId: input.defaultRoleId,
    groupsClaim: input.useGroups ? input.groupsClaim.trim() : null,
    updatedById: actorId,
    ...(secret ? { clientSecretEncrypted: encryptAtRest(secret) } : {}),
    // A saved form replaces whatever renewed secret was on trial.
    pendingSecretEncrypted: null,
    pendingSecretTestId: null,
    ...(providerChanged ? { testedAt: null, testedEmail: null, enabled: false, required: false } : {}),
  };
  await db.$transaction(async (tx) => {
    if (current) await tx.ssoSettings.update({ where: { id: SSO_SETTINGS_ID }, data });
    else
      await tx.ssoSettings.create({
        data: { id: SSO_SETTINGS_ID, ...data, clientSecretEncrypted: encryptAtRest(secret) },
      });
    await writeAuditLog(tx, {
      actorId,
      action: "sso.configure",
      ...AUDIT_TARGET,
      outcome: "success",
      details: {
        preset: input.preset,
        issuer,
        clientId: data.clientId,
        secretChanged: secret !== "",
        allowedDomains: data.allowedDomains.split(",").filter(Boolean),
        provisioning: input.provisioning,
        defaultRoleId: input.defaultRoleId,
        groupsClaim: data.groupsClaim,
      },
    });
  });
  return { status: "saved", retestNeeded: providerChanged };
}

// A passing test of a pending secret saves it (returns true); enabled and required stay as they
// are, since the provider has just answered with the secret now stored. A failed one changes nothing.
export async function recordSsoTest({
  actorId,
  email,
  outcome,
  reason,
  pendingTestId,
}: {
  actorId: string;
  email: string | null;
  outcome: "success" | "failure";
  reason?: string;
  pendingTestId?: string | null;
}): Promise<{ secretSaved: boolean }> {
  return db.$transaction(async (tx) => {
    let secretSaved = false;
    if (outcome === "success") {
      const row = await tx.ssoSettings.findUniqueOrThrow({
        where: { id: SSO_SETTINGS_ID },
        select: { issuer: true, pendingSecretEncrypted: true, pendingSecretTestId: true },
      });
      secretSaved = Boolean(pendingTestId && row.pendingSecretEncrypted && row.pendingSecretTestId === pendingTestId);
      await tx.ssoSettings.update({
        where: { id: SSO_SETTINGS_ID },
        data: {
          testedAt: new Date(),
          testedEmail: email,
          ...(secretSaved
            ? {
                clientSecretEncrypted: row.pendingSecretEncrypted!,
                pendingSecretEncrypted: null,
                pendingSecretTestId: null,
              }
            : {}),
        },
      });
      if (secretSaved)
        await writeAuditLog(tx, {
          actorId,
          action: "sso.configure",
          ...AUDIT_TARGET,
          outcome: "success",
          details: { issuer: row.issuer, secretChanged: true },
        });
    }
    await writeAuditLog(tx, {
      actorId,
      action: "sso.test",
      ...AUDIT_TARGET,
      outcome,
      details: { email, ...(reason ? { reason } : {}) },
    });
    return { secretSaved };
  });
}

export async function setSsoEnabled({ actorId, enabled }: { actorId: string; enabled: boolean }) {
  return db.$transaction(async (tx) => {
    const current = await tx.ssoSettings.findUnique({ where: { id: SSO_SETTINGS_ID }, select: { testedAt: true } });
    if (!current) throw new NotFoundError("SSO settings");
    // Enabling needs a successful test sign-in with the settings as they are.
    if (enabled && !current.testedAt) throw new ConflictError("sso_untested");
    await tx.ssoSettings.update({
      where: { id: SSO_SETTINGS_ID },
      data: enabled ? { enabled } : { enabled, required: false },
    });
    await writeAuditLog(tx, {
      actorId,
      action: enabled ? "sso.enable" : "sso.disable",
      ...AUDIT_TARGET,
      outcome: "success",
    });
    return { enabled };
  });
}

// "SSO required": password sign-in only for the break-glass admin, who must be an active admin
// with a password, so a broken provider cannot lock the company out.
export async function setSsoRequired({
  actorId,
  required,
  breakGlassUserId,
}: {
  actorId: string;
  required: boolean;
  breakGlassUserId?: string;
}) {
  return db.$transaction(async (tx) => {
    const current = await tx.ssoSettings.findUnique({ where: { id: SSO_SETTINGS_ID }, select: { enabled: true } });
    if (!current) throw new NotFoundError("SSO settings");
    if (required) {
      if (!current.enabled) throw new ConflictError("sso_disabled");
      const admin = breakGlassUserId
        ? await tx.user.findUnique({ where: { id: breakGlassUserId }, select: { active: true, roleId: true } })
        : null;
      if (!admin?.active || admin.roleId !== "admin") throw new ConflictError("break_glass_admin");
    }
    await tx.ssoSettings.update({
      where: { id: SSO_SETTINGS_ID },
      data: required ? { required, breakGlassUserId } : { required },
    });
    await writeAuditLog(
      tx,
      required
        ? {
            actorId,
            action: "sso.require",
            ...AUDIT_TARGET,
            outcome: "success",
            details: { breakGlassUserId: breakGlassUserId ?? null },
          }
        : { actorId, action: "sso.unrequire", ...AUDIT_TARGET, outcome: "success" },
    );
    return { required };
  });
}

export async function addSsoGroupRole({ actorId, group, roleId }: { actorId: string; group: string; roleId: string }) {
  return db.$transaction(async (tx) => {
    const existing = await tx.ssoGroupRole.findUnique({ where: { group }, select: { roleId: true } });
    if (existing) throw new ConflictError("group_taken");
    await tx.ssoGroupRole.create({ data: { group, roleId } });
    await writeAuditLog(tx, {
      actorId,
      action: "sso.map-group",
      ...AUDIT_TARGET,
      outcome: "success",
      details: { group, roleId },
    });
  });
}

export async function removeSsoGroupRole({ actorId, group }: { actorId: string; group: string }) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.ssoGroupRole.deleteMany({ where: { group } });
    if (count === 0) throw new NotFoundError("Group mapping");
    await writeAuditLog(tx, {
      actorId,
      action: "sso.unmap-group",
      ...AUDIT_TARGET,
      outcome: "success",
      details: { group },
    });
  });
}

// For the sign-in page: the button, when SSO is on; and whether passwords are off.
export async function getSsoSignInOptions(): Promise<{ label: string | null; required: boolean }> {
  const row = await db.ssoSettings.findUnique({
    where: { id: SSO_SETTINGS_ID },
    select: { enabled: true, required: true, buttonLabel: true },
  });
  if (!row?.enabled) return { label: null, required: false };
  return { label: row.buttonLabel, required: row.required };
}
