// How translations reach client components — the one way (README, "Translations"):
//
// - Server components (pages, layouts, most components) translate with getTranslations and
//   format with getFormatter; they have the whole catalogue, in the viewer's language and zone.
// - A client component that translates calls next-intl's useTranslations, and only with the
//   namespaces listed below. It gets them from getClientIntl() (get-client-intl.ts):
//   a server component renders <ClientMessages> around it, or, for a component loaded on demand
//   (the send dialog), passes getClientIntl()'s result down for it to give NextIntlClientProvider
//   itself, so next-intl's client runtime loads with that component and not with the page.
// - Client components that do not call useTranslations (the header's menus, the More ▾ menu)
//   are given their finished texts as props and carry no i18n runtime.
//
// client-messages.test.ts reads the code and fails when client code uses a namespace that is not
// listed here, a key the English catalogue lacks, or translates where no <ClientMessages> (and no
// component providing its own) surrounds it: a missing namespace fails a test instead of a page.
// One list for all client code, rather than one per page: nothing to keep in step, at the price
// of a few kB of messages in the pages that have translating client components.
export const CLIENT_NAMESPACES = [
  "errors",
  "mappings",
  "automaticSend",
  "dialog",
  "signIn",
  "handoff",
  "sendOutcome",
  "toSend",
  "users",
  "personioForm",
  "personioConnect",
  "personioSettings",
  "personioScopes",
  "personioFields",
  "stages",
  "sendStages",
  "userAccounts",
  "passwordRules",
  "setup",
  "setPassword",
  "forgotPassword",
  "emailAdmin",
  "account",
  "sso",
  "ssoSignIn",
  "apiKeys",
  "backgroundJobs",
  "jobs",
  "imports",
  "webhooks",
  "notSent",
  "privacy",
  "documents",
] as const;

export type ClientNamespace = (typeof CLIENT_NAMESPACES)[number];

// What a client component needs to translate and format on its own: serializable, so a server
// component can pass it to a client component.
export type ClientIntl = { locale: string; timeZone: string; messages: Record<string, unknown> };

export function pickClientMessages(messages: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    CLIENT_NAMESPACES.filter((namespace) => namespace in messages).map((namespace) => [namespace, messages[namespace]]),
  );
}
