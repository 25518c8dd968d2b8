import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

import { ROLE_PERSONIO_PERMISSIONS, type RolePersonioPermission } from "./schemas";

export type RolePersonioSettings = {
  id: string;
  name: string;
  canSend: boolean;
  canUpdate: boolean;
  canSeeBadge: boolean;
};

export async function listRolePersonioSettings(): Promise<RolePersonioSettings[]> {
  const roles = await db.role.findMany({
    orderBy: { position: "asc" },
    select: {
      id: true,
      name: true,
      permissions: { where: { permission: { in: [...ROLE_PERSONIO_PERMISSIONS] } }, select: { permission: true } },
    },
  });
  return roles.map((role) => {
    const granted = new Set(role.permissions.map((row) => row.permission));
    return {
      id: role.id,
      name: role.name,
      canSend: granted.has("personio:send"),
      canUpdate: granted.has("personio:update"),
      canSeeBadge: granted.has("personio:see-badge"),
    };
  });
}

// A grant is a RolePermission row; getCurrentUser() reads those rows on every request, so the
// change reaches every signed-in person on their next request, in pages and actions alike.
export async function setRolePersonioPermission({
  actorId,
  roleId,
  permission,
  granted,
}: {
  actorId: string;
  roleId: string;
  permission: RolePersonioPermission;
  granted: boolean;
}) {
  return db.$transaction(async (tx) => {
    const role = await tx.role.findUnique({ where: { id: roleId }, select: { id: true } });
    if (!role) throw new NotFoundError("Role");
    const key = { roleId_permission: { roleId, permission } };
    const existing = await tx.rolePermission.findUnique({ where: key, select: { roleId: true } });
    if (Boolean(existing) === granted) return { changed: false };
    if (granted) await tx.rolePermission.create({ data: { roleId, permission } });
    else await tx.rolePermission.delete({ where: key });
    await writeAuditLog(tx, {
      actorId,
      action: granted ? "role.grant-permission" : "role.revoke-permission",
      targetType: "role",
      targetId: roleId,
      outcome: "success",
      details: { permission },
    });
    return { changed: true };
  });
}
