import type { Permission } from "@/lib/permissions";

// The admin area's pages, in the sidebar's order (Personio's settings: integrations first, the
// audit log last). Each is shown to people with its permission; the URLs are the ones the pages
// always had, so bookmarks and links keep working.
export const SETTINGS_SECTIONS = [
  { href: "/admin/integrations", permission: "integrations:manage", label: "nav.integrations" },
  { href: "/import", permission: "candidates:import", label: "imports.nav" },
  { href: "/admin/jobs", permission: "jobs:manage", label: "jobs.nav" },
  { href: "/admin/api-keys", permission: "integrations:manage", label: "apiKeys.nav" },
  { href: "/admin/users", permission: "users:manage", label: "nav.users" },
  { href: "/admin/sso", permission: "users:manage", label: "sso.title" },
  // The server's own work (imports, later emails and transfers): for those who manage integrations.
  { href: "/admin/background-jobs", permission: "integrations:manage", label: "backgroundJobs.nav" },
  // SMTP settings (from the environment), a test message and the outbox.
  { href: "/admin/email", permission: "integrations:manage", label: "emailAdmin.nav" },
  // Retention rules, erasure and access requests (GDPR Art. 17 and 15).
  { href: "/admin/privacy", permission: "privacy:manage", label: "privacy.nav" },
  // ATS values and the Personio values they stand for; sending without review per source and stage.
  { href: "/admin/mappings", permission: "mappings:manage", label: "mappings.nav" },
  { href: "/admin/automatic-send", permission: "integrations:manage", label: "automaticSend.nav" },
  { href: "/admin/audit", permission: "audit:read", label: "nav.audit" },
] as const satisfies ReadonlyArray<{ href: string; permission: Permission; label: string }>;

export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export function settingsSectionsFor(isAllowed: (permission: Permission) => boolean): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((section) => isAllowed(section.permission));
}
