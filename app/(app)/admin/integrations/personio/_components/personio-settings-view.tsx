import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";

import { ConnectionStatusBadge } from "@/components/integrations/connection-status-badge";
import { ScopeNotice } from "@/components/integrations/scope-notice";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { roleLabel } from "@/lib/permissions/role-label";
import type { FieldConfig } from "@/lib/personio-fields/config";
import { isPersonioErrorCode, PERSONIO_ERRORS } from "@/lib/personio/errors";
import { connectionHealthState, personioStatus } from "@/lib/personio/integration/health";
import type { PersonioOptionLists } from "@/lib/personio/integration/options";
import type { PersonioSettings } from "@/lib/personio/integration/queries";
import type { RolePersonioSettings } from "@/lib/personio/integration/role-permissions";
import { toApiVersion } from "@/lib/personio/integration/schemas";
import type { RateLimitedCallKind } from "@/lib/personio/rate-limit-hold";

import { PersonioCredentialsForm } from "./personio-credentials-form";
import { PersonioFieldsForm } from "./personio-fields-form";
import { PersonioHealth } from "./personio-health";
import { PersonioStatusControls } from "./personio-status-controls";
import { RolePermissionsTable } from "./role-permissions-table";

const ASSESSMENTS = ["read_write", "write_only", "unconfirmed"] as const;
const RATE_LIMITED_KINDS: readonly RateLimitedCallKind[] = [
  "auth",
  "employee_read",
  "employee_write",
  "other_read",
  "other_write",
];

// Personio's own settings come in tabs; each is its own URL (?tab=…), so a tab can be linked to
// and the server renders only the one shown. Connection is the default and ends with the danger zone.
const PERSONIO_SETTINGS_PATH = "/admin/integrations/personio";
export const PERSONIO_TABS = ["connection", "fields", "roles", "stages"] as const;
export type PersonioTab = (typeof PERSONIO_TABS)[number];

export function personioTabOf(value: string | undefined): PersonioTab {
  return PERSONIO_TABS.find((tab) => tab === value) ?? "connection";
}

function Section({
  id,
  title,
  intro,
  danger,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`space-y-4 rounded-lg border bg-white p-6 ${danger ? "border-red-200" : "border-slate-200"}`}
    >
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {intro && <p className="mt-1 text-sm text-slate-600">{intro}</p>}
      </div>
      {children}
    </section>
  );
}

function PersonioTabs({
  current,
  label,
  names,
}: {
  current: PersonioTab;
  label: string;
  names: Record<PersonioTab, string>;
}) {
  return (
    <nav aria-label={label} className="overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1">
        {PERSONIO_TABS.map((tab) => (
          <li key={tab} className="shrink-0">
            <Link
              href={tab === "connection" ? PERSONIO_SETTINGS_PATH : `${PERSONIO_SETTINGS_PATH}?tab=${tab}`}
              aria-current={tab === current ? "page" : undefined}
              className={`-mb-px block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${
                tab === current
                  ? "border-indigo-700 text-indigo-800"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
              }`}
            >
              {names[tab]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// The settings page of a connected integration. `settings` never holds the secret (see queries.ts).
export async function PersonioSettingsView({
  tab,
  settings,
  roles,
  justConnected,
  fieldConfig,
  lists,
  stages,
}: {
  tab: PersonioTab;
  settings: PersonioSettings;
  roles: RolePersonioSettings[];
  justConnected?: string;
  fieldConfig: FieldConfig;
  lists: PersonioOptionLists | null;
  // The Stages tab's content (the send-stages form).
  stages: ReactNode;
}) {
  const [t, tFields, tRoles, format] = await Promise.all([
    getTranslations("personioSettings"),
    getTranslations("personioFields"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" });
  const assessment = ASSESSMENTS.find((value) => value === justConnected);
  const code = settings.lastErrorCode;
  const healthMessage = isPersonioErrorCode(code) ? PERSONIO_ERRORS[code].healthMessage : null;
  const errorMessage = code ? (healthMessage ? t(healthMessage) : t("health.unknownCode", { code })) : null;

  const rateLimitedKindLabel = (kind: string) =>
    RATE_LIMITED_KINDS.includes(kind as RateLimitedCallKind)
      ? t(`health.rateLimitedKinds.${kind as RateLimitedCallKind}`)
      : kind;

  const summary: Array<[string, string]> = [
    [t("summary.subdomain"), settings.subdomain],
    [t("summary.clientId"), settings.clientId],
    [t("summary.apiVersion"), settings.apiVersion],
    [t("summary.scopes"), settings.scopes || t("summary.scopesNone")],
    [t("summary.connectedBy"), settings.connectedByName ?? t("summary.unknownUser")],
    [t("summary.connectedOn"), when(settings.createdAt)],
  ];

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} beside={<ConnectionStatusBadge state={personioStatus(settings)} />} />
      {assessment && (
        <div className="space-y-2">
          <Alert tone="success">{t("connected")}</Alert>
          <ScopeNotice assessment={assessment} apiVersion={toApiVersion(settings.apiVersion)} />
        </div>
      )}
      {!settings.enabled && <Alert tone="warning">{t("disabledBanner")}</Alert>}
      <PersonioTabs
        current={tab}
        label={t("tabs.label")}
        names={{
          connection: t("tabs.connection"),
          fields: t("tabs.fields"),
          roles: t("tabs.roles"),
          stages: t("tabs.stages"),
        }}
      />
      {tab === "connection" && (
        <>
          <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-6 text-sm sm:grid-cols-2">
            {summary.map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-500">{label}</dt>
                <dd className="mt-0.5 break-all">{value}</dd>
              </div>
            ))}
          </dl>
          <Section id="health-heading" title={t("health.heading")}>
            <PersonioHealth
              state={connectionHealthState(settings)}
              lastSuccess={settings.lastSuccessAt ? when(settings.lastSuccessAt) : null}
              lastError={
                settings.lastErrorAt && errorMessage ? { message: errorMessage, at: when(settings.lastErrorAt) } : null
              }
            />
            {settings.rateLimited && (
              <p className="text-sm text-amber-800">
                {t("health.rateLimited", {
                  count: settings.rateLimited.count,
                  time: format.dateTime(settings.rateLimited.lastAt, { timeStyle: "short" }),
                  kind: rateLimitedKindLabel(settings.rateLimited.lastKind),
                })}
              </p>
            )}
          </Section>
          <Section id="credentials-heading" title={t("credentials.heading")} intro={t("credentials.intro")}>
            <PersonioCredentialsForm
              mode="update"
              defaults={{
                clientId: settings.clientId,
                subdomain: settings.subdomain,
                apiVersion: toApiVersion(settings.apiVersion),
              }}
            />
          </Section>
          <Section id="status-heading" title={t("status.heading")} danger>
            <PersonioStatusControls enabled={settings.enabled} />
          </Section>
        </>
      )}
      {tab === "roles" && (
        <Section id="roles-heading" title={t("roles.heading")} intro={t("roles.intro")}>
          <RolePermissionsTable roles={roles.map((role) => ({ ...role, name: roleLabel(tRoles, role) }))} />
        </Section>
      )}
      {tab === "fields" && (
        <Section id="fields-heading" title={tFields("settings.heading")} intro={tFields("settings.intro")}>
          <PersonioFieldsForm
            config={fieldConfig}
            customAttributes={
              lists?.noRead
                ? null
                : (lists?.attributes ?? []).filter((attribute) => attribute.key.startsWith("dynamic_"))
            }
            lists={{
              fetchedAt: lists?.fetchedAt ?? null,
              counts: lists
                ? {
                    departments: lists.department.length,
                    offices: lists.office.length,
                    subcompanies: lists.subcompany.length,
                    supervisors: lists.supervisor.length,
                  }
                : null,
            }}
          />
        </Section>
      )}
      {tab === "stages" && stages}
    </div>
  );
}
