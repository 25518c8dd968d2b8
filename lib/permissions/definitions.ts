// Pure data, shared by the app, the seed script and tests (no "server-only").

export const PERMISSIONS = [
  "candidates:read",
  "candidates:import",
  "jobs:manage",
  "personio:send",
  "personio:update",
  "personio:see-badge",
  "integrations:manage",
  "users:manage",
  "audit:read",
  "privacy:manage",
  "mappings:manage",
  "documents:read",
  "documents:upload",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_KEYS = ["admin", "recruiter", "hiring_manager", "interviewer"] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

// What a fresh installation grants. Admins change send/see-badge per role in the app;
// anything not listed is denied.
export const DEFAULT_ROLES: ReadonlyArray<{ id: RoleKey; name: string; permissions: Permission[] }> = [
  { id: "admin", name: "Admin", permissions: [...PERMISSIONS] },
  {
    id: "recruiter",
    name: "Recruiter",
    permissions: [
      "candidates:read",
      "personio:send",
      "personio:update",
      "personio:see-badge",
      "mappings:manage",
      "documents:read",
      "documents:upload",
    ],
  },
  { id: "hiring_manager", name: "Hiring manager", permissions: ["candidates:read", "personio:see-badge"] },
  { id: "interviewer", name: "Interviewer", permissions: ["candidates:read"] },
];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
