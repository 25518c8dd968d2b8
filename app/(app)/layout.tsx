import type { ReactNode } from "react";

import { AppHeader } from "@/components/layout/app-header";
import { requireUser } from "@/lib/auth/require-user";
import { can } from "@/lib/permissions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <AppHeader
        userName={user.name}
        roleName={user.roleName}
        canManageUsers={can(user, "users:manage")}
        canManageIntegrations={can(user, "integrations:manage")}
        canReadAudit={can(user, "audit:read")}
        canImport={can(user, "candidates:import")}
        canManageJobs={can(user, "jobs:manage")}
      />
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </>
  );
}
