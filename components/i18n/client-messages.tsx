import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import type { ReactNode } from "react";

import { pickClientMessages, type ClientIntl } from "@/lib/i18n/client-messages";

// The client components' messages for this request (see lib/i18n/client-messages.ts).
export async function getClientIntl(): Promise<ClientIntl> {
  const [locale, timeZone, messages] = await Promise.all([getLocale(), getTimeZone(), getMessages()]);
  return { locale, timeZone, messages: pickClientMessages(messages) };
}

// Around client components that call useTranslations.
export async function ClientMessages({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider {...await getClientIntl()}>{children}</NextIntlClientProvider>;
}
