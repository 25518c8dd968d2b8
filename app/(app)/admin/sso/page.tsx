import { getFormatter, getTranslations } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { fetchScopesSupported } from "@/lib/sso/discovery";
import { ssoRedirectUri } from "@/lib/sso/redirect-uri";
import { offersGroupsScope, wantsGroupsScope } from "@/lib/sso/scopes";
import { getSsoSettings, hasPendingSsoSecret, listActiveAdmins, listSsoGroupRoles } from "@/lib/sso/settings";
import { parseSsoTest } from "@/lib/sso/sign-in-errors";
import { listRoles } from "@/lib/users/service";

import { SsoGroupRoles } from "./_components/sso-group-roles";
import { SsoRequiredForm } from "./_components/sso-required-form";
import { SsoSecretRenewal } from "./_components/sso-secret-renewal";
import { SsoSettingsForm } from "./_components/sso-settings-form";
import { SsoTestControls } from "./_components/sso-test-controls";

export async function generateMetadata() {
  const t = await getTranslations("sso");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ error?: string; description?: string }> };

export default async function SsoSettingsPage({ searchParams }: Props) {
  await requireUser("users:manage");
  const uri = ssoRedirectUri();
  const [settings, pendingSecret, groupRoles, roles, admins, t, format] = await Promise.all([
    getSsoSettings(),
    hasPendingSsoSecret(),
    listSsoGroupRoles(),
    listRoles(),
    listActiveAdmins(),
    getTranslations("sso"),
    getFormatter(),
  ]);
  // A test sign-in comes back here with its outcome in ?error= (next-auth's error page).
  const { error, description } = await searchParams;
  const test = parseSsoTest(error);
  // Group mapping with a provider whose discovery document offers no "groups" scope (an Okta
  // custom authorization server): the admin is told what to add there.
  const scopes = settings && wantsGroupsScope(settings) ? await fetchScopesSupported(settings.issuer) : null;
  const groupsScopeMissing = scopes !== null && !offersGroupsScope(scopes.scopesSupported);
  const roleName = (id: string | null) => roles.find((role) => role.id === id)?.name ?? "";
  const email = settings?.testedEmail ?? "";
  const status = !settings?.enabled ? t("statusOff") : settings.required ? t("statusRequired") : t("statusOn");

  return (
    <div className="space-y-8">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        beside={
          <span
            className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${settings?.enabled ? "bg-green-100 text-green-800" : "bg-slate-100 text-slate-700"}`}
          >
            {status}
          </span>
        }
      />
      {test?.passed && (
        <Alert tone="success" title={t("test.passed")}>
          {t(`test.outcome.${test.outcome}`, { email, role: roleName(test.roleId) })}
          {test.secretSaved && <p className="mt-2">{t("renewal.saved")}</p>}
        </Alert>
      )}
      {/* A renewed secret still held after a test came back: that test did not pass with it. */}
      {test && !test.passed && pendingSecret && <Alert tone="error">{t("renewal.notSaved")}</Alert>}
      {test && !test.passed && test.reason !== "provider" && (
        <Alert tone="error" title={t("test.failed")}>
          {t(`refusals.${test.reason}`, { email })}
        </Alert>
      )}
      {test && !test.passed && test.reason === "provider" && (
        <Alert tone="error" title={t("test.failed")}>
          <p>{test.providerError === "access_denied" ? t("refusals.access_denied") : t("refusals.provider_error")}</p>
          {/* The provider's own words, for the admin to look up: shown as text, never as markup. */}
          <p className="mt-2 font-mono text-xs break-words">
            {t("refusals.providerAnswer", { error: test.providerError, description: description ?? "" })}
          </p>
        </Alert>
      )}

      <section aria-labelledby="sso-provider" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="sso-provider" className="text-lg font-semibold">
          {t("provider.heading")}
        </h2>
        <SsoSettingsForm redirectUri={uri} roles={roles} settings={settings} />
      </section>

      {settings && (
        <section aria-labelledby="sso-test" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="sso-test" className="text-lg font-semibold">
            {t("test.heading")}
          </h2>
          <p className="text-sm text-slate-600">{t("test.intro")}</p>
          <p className="text-sm">
            {settings.testedAt
              ? t("test.lastPassed", {
                  email,
                  date: format.dateTime(settings.testedAt, { dateStyle: "medium", timeStyle: "short" }),
                })
              : t("test.never")}
          </p>
          <SsoTestControls
            enabled={settings.enabled}
            tested={settings.testedAt !== null}
            label={settings.buttonLabel}
          />
          <SsoSecretRenewal />
        </section>
      )}

      {settings && (
        <section aria-labelledby="sso-required" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="sso-required" className="text-lg font-semibold">
            {t("required.heading")}
          </h2>
          <p className="text-sm text-slate-600">{t("required.intro")}</p>
          <SsoRequiredForm
            enabled={settings.enabled}
            required={settings.required}
            breakGlassUserId={settings.breakGlassUserId}
            admins={admins}
          />
        </section>
      )}

      {settings && (
        <section aria-labelledby="sso-groups" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="sso-groups" className="text-lg font-semibold">
            {t("groups.heading")}
          </h2>
          <p className="text-sm text-slate-600">{t("groups.intro")}</p>
          {!settings.groupsClaim && <Alert tone="info">{t("groups.off")}</Alert>}
          {settings.groupsClaim && groupsScopeMissing && (
            <Alert tone="info">{t("groups.scopeMissing", { claim: settings.groupsClaim })}</Alert>
          )}
          <SsoGroupRoles mappings={groupRoles} roles={roles} />
        </section>
      )}
    </div>
  );
}
