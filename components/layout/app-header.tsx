import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";

import { AppNav, type NavItem } from "@/components/layout/app-nav";
import type { SettingsSection } from "@/components/layout/settings-sections";
import { NAV_COUNT_MAX } from "@/lib/handoff/queue";

type AppHeaderProps = {
  /** The admin pages this person may open (the Settings entry leads to the first). */
  settingsSections: SettingsSection[];
  /** Hired candidates not yet in Personio (counted up to NAV_COUNT_MAX + 1); null for people who may not send. */
  toSendCount: number | null;
  // The signed-in person's menu (who they are, language, time zone, sign out). It calls a server
  // action, so it lives beside its route (app/(app)/_components) and is passed in.
  profileMenu: ReactNode;
};

export async function AppHeader({ settingsSections, toSendCount, profileMenu }: AppHeaderProps) {
  const [t, tQueue] = await Promise.all([getTranslations(), getTranslations("toSend")]);
  const queueCount = (count: number): NavItem["count"] =>
    count > NAV_COUNT_MAX
      ? { value: count, shown: `${NAV_COUNT_MAX}+`, label: tQueue("navCountMore", { count: NAV_COUNT_MAX }) }
      : { value: count, shown: String(count), label: tQueue("navCount", { count }) };
  // The top bar holds the daily work; every admin page sits behind Settings, in its sidebar
  // (components/layout/settings-shell.tsx), so the bar stays one line in every language.
  const [firstSection] = settingsSections;
  const items: NavItem[] = [
    { href: "/candidates", label: t("nav.candidates") },
    ...(toSendCount !== null ? [{ href: "/to-send", label: tQueue("nav"), count: queueCount(toSendCount) }] : []),
    ...(firstSection
      ? [
          {
            href: firstSection.href,
            label: t("nav.settings"),
            icon: "⚙\uFE0E",
            currentFor: ["/admin", "/import"],
            end: true,
          },
        ]
      : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* Below md: brand, Menu, the profile menu in one row; the nav folds out underneath. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-3 px-4 py-3 sm:px-6 md:flex-nowrap md:gap-x-6">
        <Link href="/candidates" className="font-semibold whitespace-nowrap text-indigo-700">
          {t("app.name")}
        </Link>
        <AppNav items={items} menuLabel={t("nav.menu")} navLabel={t("nav.mainNavigation")} />
        {profileMenu}
      </div>
    </header>
  );
}
