import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { SessionKeepAlive } from "@/components/auth/session-keep-alive";
import { ProfileMenu } from "@/app/(app)/_components/profile-menu";
import { AppHeader } from "@/components/layout/app-header";
import { requireUser } from "@/lib/auth/require-user";
import { countToSend } from "@/lib/handoff/queue";
import { isLocale } from "@/lib/i18n/config";
import { can } from "@/lib/permissions";
import { roleLabel } from "@/lib/permissions/role-label";

function initialsOf(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const toSendCount = can(user, "personio:send") ? await countToSend() : null;
  const [t, locale, timeZone] = await Promise.all([getTranslations(), getLocale(), getTimeZone()]);
  const role = roleLabel((key) => t(`roles.${key}`), { id: user.roleId, name: user.roleName });
  const profileMenu = (
    <ProfileMenu
      initials={initialsOf(user.name)}
      name={user.name}
      locale={isLocale(locale) ? locale : "en"}
      timeZone={timeZone}
      texts={{
        button: t("profileMenu.button", { name: user.name }),
        signedInAs: t("profileMenu.signedInAs", { name: user.name }),
        role: t("profileMenu.role", { role }),
        heading: t("profileMenu.heading"),
        language: t("profileMenu.language"),
        timeZone: t("profileMenu.timeZone"),
        timeZoneHint: t("profileMenu.timeZoneHint"),
        save: t("profileMenu.save"),
        saving: t("profileMenu.saving"),
        signOut: t("profileMenu.signOut"),
        account: t("account.menuLink"),
        invalid: t("profileMenu.invalid"),
        unauthenticated: t("errors.unauthenticated"),
        unexpected: t("errors.unexpected"),
      }}
    />
  );
  return (
    <>
      <AppHeader
        canManageUsers={can(user, "users:manage")}
        canManageIntegrations={can(user, "integrations:manage")}
        canReadAudit={can(user, "audit:read")}
        canImport={can(user, "candidates:import")}
        canManageJobs={can(user, "jobs:manage")}
        toSendCount={toSendCount}
        profileMenu={profileMenu}
      />
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
      <SessionKeepAlive />
    </>
  );
}
