import "server-only";

import { createTranslator } from "use-intl";

import { getCatalogue } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/config";

import { layoutEmail, type EmailBlock, type RenderedEmail } from "./layout";

// The app's emails: each template's data, and its words from the "email" namespace of the
// catalogues (lib/i18n/messages/*/email.json), in the recipient's language and time zone.
export type EmailTemplates = {
  "account.invitation": { name: string; linkPath: string; expiresAt: string };
  "account.reset": { name: string; linkPath: string; expiresAt: string };
  /** "Forgot password?" for an account that signs in with single sign-on only. */
  "account.sso-only": { name: string; providerLabel: string };
  "email.test": Record<string, never>;
};

export type EmailTemplateName = keyof EmailTemplates;

export const APP_NAME = "Handoff";

export type RenderContext = { locale: Locale; timeZone: string; appUrl: string };

type Translate = (key: string, values?: Record<string, string>) => string;

function formatTime(iso: string, { locale, timeZone }: RenderContext) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(new Date(iso));
}

function absolute(path: string, appUrl: string) {
  return new URL(path, appUrl.endsWith("/") ? appUrl : `${appUrl}/`).toString();
}

const RENDERERS: {
  [Name in EmailTemplateName]: (
    t: Translate,
    data: EmailTemplates[Name],
    context: RenderContext,
  ) => { subject: string; blocks: EmailBlock[] };
} = {
  "account.invitation": (t, data, context) => ({
    subject: t("invitation.subject", { appName: APP_NAME }),
    blocks: [
      { paragraph: t("greeting", { name: data.name }) },
      { paragraph: t("invitation.intro", { appName: APP_NAME }) },
      { action: { label: t("invitation.action"), url: absolute(data.linkPath, context.appUrl) } },
      { paragraph: t("linkExpires", { expiresAt: formatTime(data.expiresAt, context) }) },
      { paragraph: t("invitation.unexpected") },
    ],
  }),
  "account.reset": (t, data, context) => ({
    subject: t("reset.subject", { appName: APP_NAME }),
    blocks: [
      { paragraph: t("greeting", { name: data.name }) },
      { paragraph: t("reset.intro", { appName: APP_NAME }) },
      { action: { label: t("reset.action"), url: absolute(data.linkPath, context.appUrl) } },
      { paragraph: t("linkExpires", { expiresAt: formatTime(data.expiresAt, context) }) },
      { paragraph: t("reset.unexpected") },
    ],
  }),
  "account.sso-only": (t, data, context) => ({
    subject: t("ssoOnly.subject", { appName: APP_NAME }),
    blocks: [
      { paragraph: t("greeting", { name: data.name }) },
      { paragraph: t("ssoOnly.intro", { appName: APP_NAME, provider: data.providerLabel }) },
      { action: { label: t("ssoOnly.action"), url: absolute("/sign-in", context.appUrl) } },
      { paragraph: t("reset.unexpected") },
    ],
  }),
  "email.test": (t) => ({
    subject: t("test.subject", { appName: APP_NAME }),
    blocks: [{ paragraph: t("test.body", { appName: APP_NAME }) }],
  }),
};

export function renderEmail<Name extends EmailTemplateName>(
  template: Name,
  data: EmailTemplates[Name],
  context: RenderContext,
): RenderedEmail {
  const translator = createTranslator({
    locale: context.locale,
    messages: getCatalogue(context.locale),
    namespace: "email",
  });
  const t: Translate = (key, values) => (translator as unknown as Translate)(key, values);
  const { subject, blocks } = RENDERERS[template](t, data, context);
  return layoutEmail({
    locale: context.locale,
    subject,
    blocks,
    footer: t("footer", { appName: APP_NAME, appUrl: context.appUrl }),
  });
}
