import { getTranslations } from "next-intl/server";

import { ChangePasswordForm } from "@/app/(app)/account/_components/change-password-form";
import { NotificationSettings } from "@/app/(app)/account/_components/notification-settings";
import { SignOutEverywhere } from "@/app/(app)/account/_components/sign-out-everywhere";
import { ClientMessages } from "@/components/i18n/client-messages";
import { requireUser } from "@/lib/auth/require-user";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "@/lib/auth/session-lifetime";
import { isEmailEnabled } from "@/lib/email/settings";
import { getNotificationPreferences } from "@/lib/notifications/preferences";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const user = await requireUser();
  const [t, preferences] = await Promise.all([getTranslations("account"), getNotificationPreferences(user)]);
  const hasAny = Object.values(preferences).some((value) => value !== null);
  return (
    <div className="max-w-2xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">
          {t("details", { name: user.name, email: user.email, role: user.roleName })}
        </p>
      </div>
      <section
        id="notifications"
        aria-labelledby="notifications-heading"
        className="rounded-lg border border-slate-200 bg-white p-6"
      >
        <h2 id="notifications-heading" className="text-lg font-semibold">
          {t("notifications.title")}
        </h2>
        <p className="mt-2 text-sm text-slate-600">{t("notifications.intro")}</p>
        {!isEmailEnabled() && <p className="mt-2 text-sm text-slate-600">{t("notifications.emailOff")}</p>}
        {hasAny ? (
          <NotificationSettings
            initial={preferences}
            texts={{
              newHires: t("notifications.newHires"),
              modes: {
                OFF: t("notifications.modes.OFF"),
                IMMEDIATE: t("notifications.modes.IMMEDIATE"),
                DIGEST: t("notifications.modes.DIGEST"),
              },
              sendFailures: t("notifications.sendFailures"),
              connection: t("notifications.connection"),
              save: t("notifications.save"),
              saving: t("notifications.saving"),
              saved: t("notifications.saved"),
              failed: t("notifications.failed"),
            }}
          />
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("notifications.none")}</p>
        )}
      </section>
      <ClientMessages>
        <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="password-heading" className="text-lg font-semibold">
            {t("changePassword")}
          </h2>
          <ChangePasswordForm email={user.email} />
        </section>
        <section aria-labelledby="sessions-heading" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="sessions-heading" className="text-lg font-semibold">
            {t("sessions")}
          </h2>
          <p className="mt-2 text-sm text-slate-600">
            {t("sessionsBody", {
              idleHours: SESSION_IDLE_SECONDS / 3600,
              absoluteHours: SESSION_ABSOLUTE_SECONDS / 3600,
            })}
          </p>
          <SignOutEverywhere />
        </section>
      </ClientMessages>
    </div>
  );
}
