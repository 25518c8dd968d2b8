import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { ProfileMenu } from "@/app/(app)/_components/profile-menu";
import { SessionKeepAlive } from "@/components/auth/session-keep-alive";
import { ConnectionFailingBanner } from "@/components/integrations/connection-failing-banner";
import { AppHeader } from "@/components/layout/app-header";
import { settingsSectionsFor } from "@/components/layout/settings-sections";
import { requireUser } from "@/lib/auth/require-user";
import { countToSend, NAV_COUNT_MAX } from "@/lib/handoff/queue";
import { isLocale } from "@/lib/i18n/config";
import { TIME_ZONE_REGIONS } from "@/lib/i18n/time-zones";
import { can } from "@/lib/permissions";
import { roleLabel } from "@/lib/permissions/role-label";
import { isPersonioErrorCode, PERSONIO_ERRORS } from "@/lib/personio/errors";
import { getPersonioStatus } from "@/lib/personio/integration/queries";

function initialsOf(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [toSendCount, personio, t, locale, timeZone] = await Promise.all([
    can(user, "personio:send") ? countToSend(NAV_COUNT_MAX + 1) : null,
    // Admins who can fix the connection see it failing on every page (one small read by id).
    can(user, "integrations:manage") ? getPersonioStatus() : null,
    getTranslations(),
    getLocale(),
    getTimeZone(),
  ]);
  const role = roleLabel((key) => t(`roles.${key}`), { id: user.roleId, name: user.roleName });
  const failingTexts = (code: string | null) => {
    const healthMessage = isPersonioErrorCode(code) ? PERSONIO_ERRORS[code].healthMessage : null;
    const reason = healthMessage
      ? t(`personioSettings.${healthMessage}`)
      : t("personioSettings.health.unknownCode", { code: code ?? "unexpected" });
    return {
      label: t("connectionHealth.label"),
      title: t("connectionHealth.title"),
      body: t("connectionHealth.body", { reason }),
      link: t("connectionHealth.link"),
    };
  };
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
        timeZoneSearch: t("profileMenu.timeZoneSearch"),
        timeZoneNoMatch: t("profileMenu.timeZoneNoMatch"),
        timeZoneRegions: Object.fromEntries(
          TIME_ZONE_REGIONS.map((region) => [region, t(`profileMenu.timeZoneRegions.${region}`)]),
        ),
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
      {/* The first thing a keyboard reaches: past the header's links to the page itself. */}
      <a
        href="#content"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 shadow focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
      >
        {t("nav.skipToContent")}
      </a>
      <AppHeader
        settingsSections={settingsSectionsFor((permission) => can(user, permission))}
        toSendCount={toSendCount}
        profileMenu={profileMenu}
      />
      {personio?.status === "failing" && <ConnectionFailingBanner texts={failingTexts(personio.lastErrorCode)} />}
      <main id="content" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 outline-none sm:px-6">
        {children}
      </main>
      <SessionKeepAlive />
    </>
  );
}
