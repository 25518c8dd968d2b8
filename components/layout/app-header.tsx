import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { SignOutButton } from "@/components/auth/sign-out-button";
import { AppNav, type NavItem } from "@/components/layout/app-nav";

type AppHeaderProps = {
  userName: string;
  roleName: string;
  canManageUsers: boolean;
  canManageIntegrations: boolean;
  canReadAudit: boolean;
  /** Hired candidates not yet in Personio; null for people who may not send. */
  toSendCount: number | null;
};

export async function AppHeader({ userName, roleName, canManageUsers, canManageIntegrations, canReadAudit, toSendCount }: AppHeaderProps) {
  const [t, tQueue] = await Promise.all([getTranslations(), getTranslations("toSend")]);
  const items: NavItem[] = [
    { href: "/candidates", label: t("nav.candidates") },
    ...(toSendCount !== null
      ? [{ href: "/to-send", label: tQueue("nav"), count: { value: toSendCount, label: tQueue("navCount", { count: toSendCount }) } }]
      : []),
    ...(canManageIntegrations ? [{ href: "/admin/integrations", label: t("nav.integrations") }] : []),
    ...(canManageUsers ? [{ href: "/admin/users", label: t("nav.users") }] : []),
    ...(canReadAudit ? [{ href: "/admin/audit", label: t("nav.audit") }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <Link href="/candidates" className="font-semibold text-indigo-700">
          {t("app.name")}
        </Link>
        <AppNav
          items={items}
          menuLabel={t("nav.menu")}
          navLabel={t("nav.mainNavigation")}
          account={
            <div className="flex flex-wrap items-center gap-3">
              <p className="min-w-0 text-sm break-words text-slate-600">{t("nav.signedInAs", { name: userName, role: roleName })}</p>
              <SignOutButton label={t("nav.signOut")} />
            </div>
          }
        />
      </div>
    </header>
  );
}
