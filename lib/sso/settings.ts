import "server-only";

// What admins change about single sign-on. Each change is written in one transaction with its
// audit row. The client secret is encrypted at rest and never leaves the server: the settings
// page gets hasSecret, the provider gets the plaintext only while a sign-in runs.

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

export type SsoRuntime = SsoSettingsView & { clientSecret: string };

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

// With the secret, for the provider during a sign-in (lib/sso/provider.ts).
export async function loadSsoRuntime(): Promise<SsoRuntime | null> {
  const row = await db.ssoSettings.findUnique({
    where: { id: SSO_SETTINGS_ID },
    select: { ...VIEW_SELECT, clientSecretEncrypted: true },
  });
  if (!row) return null;
  return { ...toView(row), clientSecret: decryptAtRest(row.clientSecretEncrypted) };
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

export async function recordSsoTest({
  actorId,
  email,
  outcome,
  reason,
}: {
  actorId: string;
  email: string | null;
  outcome: "success" | "failure";
  reason?: string;
}) {
  await db.$transaction(async (tx) => {
    if (outcome === "success")
      await tx.ssoSettings.update({
        where: { id: SSO_SETTINGS_ID },
        data: { testedAt: new Date(), testedEmail: email },
      });
    await writeAuditLog(tx, {
      actorId,
      action: "sso.test",
      ...AUDIT_TARGET,
      outcome,
      details: { email, ...(reason ? { reason } : {}) },
    });
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
