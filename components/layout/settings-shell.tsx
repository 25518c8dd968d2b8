import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { SettingsNav } from "@/components/layout/settings-nav";
import { settingsSectionsFor } from "@/components/layout/settings-sections";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/permissions";

// Every admin page (under /admin and /import) inside the settings sidebar. Each page still checks
// its own permission; the sidebar only lists the pages this person may open, and none for
// someone who may open none of them (the page then shows "no access" on its own).
export async function SettingsShell({ children }: { children: ReactNode }) {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations()]);
  const sections = settingsSectionsFor((permission) => can(user, permission));
  if (sections.length === 0) return children;
  return (
    <div className="space-y-6 md:grid md:grid-cols-[12rem_minmax(0,1fr)] md:gap-8 md:space-y-0">
      <div className="space-y-2">
        <p className="hidden px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase md:block">
          {t("nav.settings")}
        </p>
        <SettingsNav
          label={t("nav.settingsNavigation")}
          items={sections.map((section) => ({ href: section.href, label: t(section.label) }))}
        />
      </div>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
