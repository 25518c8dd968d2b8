import "server-only";

import { getLocale, getMessages, getTimeZone } from "next-intl/server";

import { pickClientMessages, type ClientIntl } from "./client-messages";

// The client components' messages for this request (see client-messages.ts). Kept apart from
// <ClientMessages>: a page that only passes these on must not import next-intl's client provider,
// or its runtime would load with the page.
export async function getClientIntl(): Promise<ClientIntl> {
  const [locale, timeZone, messages] = await Promise.all([getLocale(), getTimeZone(), getMessages()]);
  return { locale, timeZone, messages: pickClientMessages(messages) };
}
