import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";

import { AppNav, type NavItem } from "@/components/layout/app-nav";
import { NAV_COUNT_MAX } from "@/lib/handoff/queue";

type AppHeaderProps = {
  canManageUsers: boolean;
  canManageIntegrations: boolean;
  canReadAudit: boolean;
  canImport: boolean;
  canManageJobs: boolean;
  /** Hired candidates not yet in Personio (counted up to NAV_COUNT_MAX + 1); null for people who may not send. */
  toSendCount: number | null;
  // The signed-in person's menu (who they are, language, time zone, sign out). It calls a server
  // action, so it lives beside its route (app/(app)/_components) and is passed in.
  profileMenu: ReactNode;
};

export async function AppHeader({
  canManageUsers,
  canManageIntegrations,
  canReadAudit,
  canImport,
  canManageJobs,
  toSendCount,
  profileMenu,
}: AppHeaderProps) {
  const [t, tQueue] = await Promise.all([getTranslations(), getTranslations("toSend")]);
  const queueCount = (count: number): NavItem["count"] =>
    count > NAV_COUNT_MAX
      ? { value: count, shown: `${NAV_COUNT_MAX}+`, label: tQueue("navCountMore", { count: NAV_COUNT_MAX }) }
      : { value: count, shown: String(count), label: tQueue("navCount", { count }) };
  const items: NavItem[] = [
    { href: "/candidates", label: t("nav.candidates") },
    ...(toSendCount !== null ? [{ href: "/to-send", label: tQueue("nav"), count: queueCount(toSendCount) }] : []),
    ...(canImport ? [{ href: "/import", label: t("imports.nav") }] : []),
    ...(canManageJobs ? [{ href: "/admin/jobs", label: t("jobs.nav") }] : []),
    ...(canManageIntegrations ? [{ href: "/admin/integrations", label: t("nav.integrations") }] : []),
    ...(canManageIntegrations ? [{ href: "/admin/api-keys", label: t("apiKeys.nav") }] : []),
    ...(canManageUsers ? [{ href: "/admin/users", label: t("nav.users") }] : []),
    ...(canManageUsers ? [{ href: "/admin/sso", label: t("sso.title") }] : []),
    ...(canReadAudit ? [{ href: "/admin/audit", label: t("nav.audit") }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* Below md: brand, Menu, the profile menu in one row; the nav folds out underneath. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-3 px-4 py-3 sm:px-6 md:gap-x-6">
        <Link href="/candidates" className="font-semibold text-indigo-700">
          {t("app.name")}
        </Link>
        <AppNav items={items} menuLabel={t("nav.menu")} navLabel={t("nav.mainNavigation")} />
        {profileMenu}
      </div>
    </header>
  );
}
