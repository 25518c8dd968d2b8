import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

// Who may import, per role: a RolePermission row like every other grant (read afresh on each
// request, so a change applies at once). Admin always keeps it, so someone can always import.
const PERMISSION = "candidates:import";

export async function listRoleImportAccess() {
  const roles = await db.role.findMany({
    orderBy: { position: "asc" },
    select: { id: true, name: true, permissions: { where: { permission: PERMISSION }, select: { permission: true } } },
  });
  return roles.map((role) => ({
    id: role.id,
    name: role.name,
    granted: role.permissions.length > 0,
    locked: role.id === "admin",
  }));
}

export async function setRoleImportAccess({
  actorId,
  roleId,
  granted,
}: {
  actorId: string;
  roleId: string;
  granted: boolean;
}) {
  if (roleId === "admin") throw new ForbiddenError("admin_keeps_import");
  return db.$transaction(async (tx) => {
    const role = await tx.role.findUnique({ where: { id: roleId }, select: { id: true } });
    if (!role) throw new NotFoundError("Role");
    const key = { roleId_permission: { roleId, permission: PERMISSION } };
    const existing = await tx.rolePermission.findUnique({ where: key, select: { roleId: true } });
    if (Boolean(existing) === granted) return { changed: false };
    if (granted) await tx.rolePermission.create({ data: { roleId, permission: PERMISSION } });
    else await tx.rolePermission.delete({ where: key });
    await writeAuditLog(tx, {
      actorId,
      action: granted ? "role.grant-permission" : "role.revoke-permission",
      targetType: "role",
      targetId: roleId,
      outcome: "success",
      details: { permission: PERMISSION },
    });
    return { changed: true };
  });
}
