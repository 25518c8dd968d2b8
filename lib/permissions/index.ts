import "server-only";

import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import type { Permission } from "@/lib/permissions/definitions";

export { PERMISSIONS, type Permission } from "@/lib/permissions/definitions";

// The one place where access is decided. Permissions come from the database on every
// request (lib/auth/current-user.ts), so a change by an admin applies at once; anything
// not granted is denied.
export type Actor = { id: string; permissions: ReadonlySet<Permission> };

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return actor?.permissions.has(permission) ?? false;
}

export function assertCan<T extends Actor>(actor: T | null | undefined, permission: Permission): asserts actor is T {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, permission)) throw new ForbiddenError(permission);
}
