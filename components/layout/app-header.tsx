import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

type AppHeaderProps = {
  canManageUsers: boolean;
  canManageIntegrations: boolean;
  canReadAudit: boolean;
  canImport: boolean;
  canManageJobs: boolean;
  // The signed-in person's menu (who they are, language, time zone, sign out). It calls a server
  // action, so it lives beside its route (app/(app)/_components) and is passed in.
  profileMenu: ReactNode;
};

export async function AppHeader({ canManageUsers, canManageIntegrations, canReadAudit, canImport, canManageJobs, profileMenu }: AppHeaderProps) {
  const t = await getTranslations();
  const link = "rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100";
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3 sm:px-6">
        <Link href="/candidates" className="font-semibold text-indigo-700">
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.mainNavigation")} className="flex flex-1 gap-1 overflow-x-auto">
          <Link href="/candidates" className={link}>
            {t("nav.candidates")}
          </Link>
          {canImport && (
            <Link href="/import" className={link}>
              {t("imports.nav")}
            </Link>
          )}
          {canManageJobs && (
            <Link href="/admin/jobs" className={link}>
              {t("jobs.nav")}
            </Link>
          )}
          {canManageIntegrations && (
            <Link href="/admin/integrations" className={link}>
              {t("nav.integrations")}
            </Link>
          )}
          {canManageIntegrations && (
            <Link href="/admin/api-keys" className={link}>
              {t("apiKeys.nav")}
            </Link>
          )}
          {canManageUsers && (
            <Link href="/admin/users" className={link}>
              {t("nav.users")}
            </Link>
          )}
          {canReadAudit && (
            <Link href="/admin/audit" className={link}>
              {t("nav.audit")}
            </Link>
          )}
        </nav>
        {profileMenu}
      </div>
    </header>
  );
}
