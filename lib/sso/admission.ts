import "server-only";

// Who an SSO sign-in lets in, after next-auth/openid-client verified the ID token (signature
// against the provider's JWKS, issuer, audience, expiry, nonce; state and PKCE on the way).
// Matched by verified email to an existing user, or created just in time with the default role;
// the role may come from the groups claim. A deactivated user stays out whatever the provider
// says. Every outcome is audited as a sign-in (method "sso").

import { Prisma } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import { ROLE_KEYS } from "@/lib/permissions/definitions";
import { checkSsoClaims, roleFromGroups, type SsoClaimRefusal } from "@/lib/sso/claims";
import { listSsoGroupRoles, type SsoSettingsView } from "@/lib/sso/settings";

export type SsoRefusal = SsoClaimRefusal | "no_account" | "deactivated";

// The user's row as the session is made from it: the same fields a password sign-in hands to
// next-auth's jwt callback (lib/auth/options.ts), so both kinds of session carry the same.
const USER_SELECT = { id: true, name: true, email: true, roleId: true, active: true, sessionVersion: true } as const;
type UserRow = Prisma.UserGetPayload<{ select: typeof USER_SELECT }>;

export type SsoSignedInUser = Omit<UserRow, "active">;

function signedIn({ active: _active, ...user }: UserRow): SsoSignedInUser {
  return user;
}

export type SsoAdmission =
  { ok: true; user: SsoSignedInUser; created: boolean } | { ok: false; reason: SsoRefusal; email?: string };

// What a test sign-in reports: the same decision, with nothing written.
export type SsoTestResult =
  | { ok: true; email: string; outcome: "existing" | "create" | "no_account" | "deactivated"; roleId: string | null }
  | { ok: false; reason: SsoClaimRefusal; email?: string };

type Settings = Pick<
  SsoSettingsView,
  "preset" | "allowedDomains" | "groupsClaim" | "provisioning" | "defaultRoleId" | "breakGlassUserId"
>;

async function mappedRole(settings: Settings, groups: string[]) {
  if (!settings.groupsClaim) return null;
  return roleFromGroups(groups, await listSsoGroupRoles(), ROLE_KEYS);
}

function policyOf(settings: Settings) {
  return { preset: settings.preset, allowedDomains: settings.allowedDomains, groupsClaim: settings.groupsClaim };
}

export async function testSsoAdmission(settings: Settings, claims: Record<string, unknown>): Promise<SsoTestResult> {
  const checked = checkSsoClaims(claims, policyOf(settings));
  if (!checked.ok) return checked;
  const { email, groups } = checked.identity;
  const user = await db.user.findUnique({ where: { email }, select: USER_SELECT });
  const role = await mappedRole(settings, groups);
  if (user && !user.active) return { ok: true, email, outcome: "deactivated", roleId: null };
  if (user) return { ok: true, email, outcome: "existing", roleId: role ?? user.roleId };
  if (settings.provisioning !== "jit") return { ok: true, email, outcome: "no_account", roleId: null };
  return { ok: true, email, outcome: "create", roleId: role ?? settings.defaultRoleId };
}

export async function admitSsoUser(settings: Settings, claims: Record<string, unknown>): Promise<SsoAdmission> {
  const result = await decide(settings, claims);
  const email = result.ok ? result.user.email : (result.email ?? null);
  await writeAuditLog(db, {
    actorId: result.ok ? result.user.id : null,
    action: "auth.sign-in",
    ...(result.ok ? { targetType: "user", targetId: result.user.id } : {}),
    outcome: result.ok ? "success" : "denied",
    details: { method: "sso", email, ...(result.ok ? { created: result.created } : { reason: result.reason }) },
  });
  return result;
}

async function decide(settings: Settings, claims: Record<string, unknown>): Promise<SsoAdmission> {
  const checked = checkSsoClaims(claims, policyOf(settings));
  if (!checked.ok) return checked;
  const { email, name, groups } = checked.identity;
  const role = await mappedRole(settings, groups);

  const existing = await db.user.findUnique({ where: { email }, select: USER_SELECT });
  if (existing) {
    if (!existing.active) return { ok: false, reason: "deactivated", email };
    const user = role ? await applyGroupRole(existing, role, settings.breakGlassUserId) : existing;
    return { ok: true, user: signedIn(user), created: false };
  }
  if (settings.provisioning !== "jit") return { ok: false, reason: "no_account", email };

  const roleId = role ?? settings.defaultRoleId;
  try {
    const created = await db.$transaction(async (tx) => {
      // No password: this person signs in through the provider only (an admin may still issue a
      // password link).
      const user = await tx.user.create({ data: { name, email, roleId, passwordHash: null }, select: USER_SELECT });
      await writeAuditLog(tx, {
        actorId: user.id,
        action: "user.create",
        targetType: "user",
        targetId: user.id,
        outcome: "success",
        details: { roleId, via: "sso", groups: role ? groups.slice(0, 20) : [] },
      });
      return user;
    });
    return { ok: true, user: signedIn(created), created: true };
  } catch (error) {
    // Two first sign-ins at once: the other one created the account; use it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return decide(settings, claims);
    throw error;
  }
}

// The provider's groups decide the role of an existing user too, except that they never take
// the admin role from the break-glass admin or from the last active admin.
async function applyGroupRole(user: UserRow, roleId: string, breakGlassUserId: string | null): Promise<UserRow> {
  if (user.roleId === roleId) return user;
  return db.$transaction(async (tx) => {
    if (user.roleId === "admin") {
      if (user.id === breakGlassUserId) return user;
      const otherAdmins = await tx.user.count({ where: { roleId: "admin", active: true, id: { not: user.id } } });
      if (otherAdmins === 0) return user;
    }
    // As any role change, it ends the user's other sessions; this one is made with the new version.
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { roleId, sessionVersion: { increment: 1 } },
      select: USER_SELECT,
    });
    await writeAuditLog(tx, {
      actorId: user.id,
      action: "user.change-role",
      targetType: "user",
      targetId: user.id,
      outcome: "success",
      details: { from: user.roleId, to: roleId, via: "sso-groups" },
    });
    return updated;
  });
}
