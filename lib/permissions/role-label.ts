import { ROLE_KEYS, type RoleKey } from "./definitions";

// The built-in roles are named in the viewer's language (catalogue namespace "roles"); a role
// the catalogue does not know keeps the name stored with it.
export function roleLabel(translate: (key: RoleKey) => string, role: { id: string; name: string }): string {
  return (ROLE_KEYS as readonly string[]).includes(role.id) ? translate(role.id as RoleKey) : role.name;
}
