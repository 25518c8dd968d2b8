import "server-only";

import { createTranslator } from "use-intl";

import { getCatalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/config";

import { layoutEmail, type EmailBlock, type RenderedEmail } from "./layout";

// The app's emails: each template's data, and its words from the "email" namespace of the
// catalogues (lib/i18n/messages/*/email.json), in the recipient's language and time zone.

/** A new hire as the notifications list them: what the recipient needs to recognise them. */
export type HireSummary = { candidateId: string; name: string; position: string; startDate: string | null };

export type EmailTemplates = {
  "account.invitation": { name: string; linkPath: string; expiresAt: string };
  "account.reset": { name: string; linkPath: string; expiresAt: string };
  /** "Forgot password?" for an account that signs in with single sign-on only. */
  "account.sso-only": { name: string; providerLabel: string };
  "email.test": Record<string, never>;
  /** New hires waiting to be sent, for those who get them at once; `more` beyond the listed ones. */
  "notify.new-hires": { hires: HireSummary[]; more: number };
  /** The daily digest of the new hires waiting since the last one. */
  "notify.digest": { hires: HireSummary[]; more: number };
  "notify.send-failed": { candidateId: string; name: string; code: string };
  /** The daily summary of the hires automatic-send rules sent (lib/handoff/automatic/). */
  "notify.automatic-sends": { hires: HireSummary[]; more: number };
  "notify.connection-failing": { code: string; since: string };
  /** To the addresses an admin chose (HR, IT): nothing beyond name, position, start date, link. */
  "notify.new-employee": { name: string; position: string; startDate: string | null; employeeUrl: string | null };
};

export type EmailTemplateName = keyof EmailTemplates;

export const APP_NAME = "Handoff";

/** Where a person turns notifications off: their profile's notification settings. */
export const NOTIFICATION_SETTINGS_PATH = "/account#notifications";

export type RenderContext = { locale: Locale; timeZone: string; appUrl: string };

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Rendered = { subject: string; blocks: EmailBlock[] };

function formatTime(iso: string, { locale, timeZone }: RenderContext) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(new Date(iso));
}

// A start date is a calendar day without a zone (yyyy-mm-dd): formatted in UTC, so no zone moves it.
function formatDay(day: string, { locale }: RenderContext) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

export function absoluteUrl(path: string, appUrl: string) {
  return new URL(path, appUrl.endsWith("/") ? appUrl : `${appUrl}/`).toString();
}

function hireEntries(t: Translate, hires: HireSummary[], more: number, context: RenderContext): EmailBlock[] {
  const blocks: EmailBlock[] = [
    {
      entries: hires.map((hire) => ({
        title: hire.name,
        lines: [
          t("notify.position", { position: hire.position }),
          hire.startDate
            ? t("notify.startDate", { date: formatDay(hire.startDate, context) })
            : t("notify.noStartDate"),
        ],
        link: { label: t("notify.openProfile"), url: absoluteUrl(`/candidates/${hire.candidateId}`, context.appUrl) },
      })),
    },
  ];
  if (more > 0) blocks.push({ paragraph: t("notify.more", { count: more }) });
  blocks.push({ action: { label: t("notify.openQueue"), url: absoluteUrl("/to-send", context.appUrl) } });
  return blocks;
}

const RENDERERS: {
  [Name in EmailTemplateName]: (t: Translate, data: EmailTemplates[Name], context: RenderContext) => Rendered;
} = {
  "account.invitation": (t, data, context) => ({
    subject: t("invitation.subject", { appName: APP_NAME }),
    blocks: [
      { paragraph: t("greeting", { name: data.name }) },
      { paragraph: t("invitation.intro", { appName: APP_NAME }) },
      { action: { label: t("invitation.action"), url: absoluteUrl(data.linkPath, context.appUrl) } },
      { paragraph: t("linkExpires", { expiresAt: formatTime(data.expiresAt, context) }) },
      { paragraph: t("invitation.unexpected") },
    ],
  }),
  "account.reset": (t, data, context) => ({
    subject: t("reset.subject", { appName: APP_NAME }),
    blocks: [
      { paragraph: t("greeting", { name: data.name }) },
      { paragraph: t("reset.intro", { appName: APP_NAME }) },
      { action: { label: t("reset.action"), url: absoluteUrl(data.linkPath, context.appUrl) } },
      { paragraph: t("linkExpires", { expiresAt: formatTime(data.expiresAt, context) }) },
      { paragraph: t("reset.unexpected") },
    ],
  }),
  "account.sso-only": (t, data, context) => ({
    subject: t("ssoOnly.subject", { appName: APP_NAME }),
    blocks: [
      { paragraph: t("greeting", { name: data.name }) },
      { paragraph: t("ssoOnly.intro", { appName: APP_NAME, provider: data.providerLabel }) },
      { action: { label: t("ssoOnly.action"), url: absoluteUrl("/sign-in", context.appUrl) } },
      { paragraph: t("reset.unexpected") },
    ],
  }),
  "email.test": (t) => ({
    subject: t("test.subject", { appName: APP_NAME }),
    blocks: [{ paragraph: t("test.body", { appName: APP_NAME }) }],
  }),
  "notify.new-hires": (t, data, context) => ({
    subject: t("notify.newHires.subject", { count: data.hires.length + data.more, appName: APP_NAME }),
    blocks: [{ paragraph: t("notify.newHires.intro") }, ...hireEntries(t, data.hires, data.more, context)],
  }),
  "notify.digest": (t, data, context) => ({
    subject: t("notify.digest.subject", { count: data.hires.length + data.more, appName: APP_NAME }),
    blocks: [{ paragraph: t("notify.digest.intro") }, ...hireEntries(t, data.hires, data.more, context)],
  }),
  "notify.automatic-sends": (t, data, context) => ({
    subject: t("notify.automaticSends.subject", { count: data.hires.length + data.more, appName: APP_NAME }),
    blocks: [{ paragraph: t("notify.automaticSends.intro") }, ...hireEntries(t, data.hires, data.more, context)],
  }),
  "notify.send-failed": (t, data, context) => ({
    subject: t("notify.sendFailed.subject", { name: data.name, appName: APP_NAME }),
    blocks: [
      { paragraph: t("notify.sendFailed.intro", { name: data.name }) },
      { paragraph: t("notify.reason", { reason: t(`notify.reasons.${reasonKey(data.code)}`), code: data.code }) },
      {
        action: {
          label: t("notify.openProfile"),
          url: absoluteUrl(`/candidates/${data.candidateId}`, context.appUrl),
        },
      },
    ],
  }),
  "notify.connection-failing": (t, data, context) => ({
    subject: t("notify.connectionFailing.subject", { appName: APP_NAME }),
    blocks: [
      { paragraph: t("notify.connectionFailing.intro", { since: formatTime(data.since, context) }) },
      { paragraph: t("notify.reason", { reason: t(`notify.reasons.${reasonKey(data.code)}`), code: data.code }) },
      {
        action: {
          label: t("notify.connectionFailing.action"),
          url: absoluteUrl("/admin/integrations/personio", context.appUrl),
        },
      },
    ],
  }),
  "notify.new-employee": (t, data, context) => ({
    subject: t("notify.newEmployee.subject", { name: data.name, appName: APP_NAME }),
    blocks: [
      { paragraph: t("notify.newEmployee.intro", { name: data.name }) },
      {
        entries: [
          {
            title: data.name,
            lines: [
              t("notify.position", { position: data.position }),
              data.startDate
                ? t("notify.startDate", { date: formatDay(data.startDate, context) })
                : t("notify.noStartDate"),
            ],
          },
        ],
      },
      ...(data.employeeUrl ? [{ action: { label: t("notify.newEmployee.action"), url: data.employeeUrl } }] : []),
    ],
  }),
};

// The reasons an email names in words; any other code is "unexpected", with the code beside it.
const REASONS = [
  "invalid_credentials",
  "credentials_disabled",
  "missing_permission",
  "validation_error",
  "email_taken",
  "rate_limited",
  "unavailable",
  "timeout",
  "connection_lost",
  "employee_changed",
] as const;

function reasonKey(code: string): string {
  return (REASONS as readonly string[]).includes(code) ? code : "unexpected";
}

/** Who an email goes to decides its footer: a person's notification, an admin-chosen address, an account email. */
export type EmailAudience = "account" | "notification" | "address";

export async function renderEmail<Name extends EmailTemplateName>(
  template: Name,
  data: EmailTemplates[Name],
  context: RenderContext,
  audience: EmailAudience = "account",
): Promise<RenderedEmail> {
  const translator = createTranslator({
    locale: context.locale,
    messages: getCatalogue(context.locale),
    namespace: "email",
  });
  const t: Translate = (key, values) => (translator as unknown as Translate)(key, values);
  const { subject, blocks } = RENDERERS[template](t, data, context);
  const footer = [t("footer", { appName: APP_NAME, appUrl: context.appUrl })];
  if (audience === "notification")
    footer.push(t("notify.why", { url: absoluteUrl(NOTIFICATION_SETTINGS_PATH, context.appUrl) }));
  if (audience === "address") footer.push(t("notify.whyAddress", { appName: APP_NAME }));
  return layoutEmail({ locale: context.locale, subject, blocks, footer });
}
