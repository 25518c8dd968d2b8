import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import type { ReactNode } from "react";

import { pickMessages, type MessageNamespace } from "@/lib/i18n/pick-messages";

// Client components translate with the namespaces given here, and only where a page has such
// components: the list and profile pages ship no i18n runtime at all (the send dialog brings
// its own when it loads).
export async function MessagesProvider({ namespaces, children }: { namespaces: MessageNamespace[]; children: ReactNode }) {
  const [locale, timeZone, messages] = await Promise.all([getLocale(), getTimeZone(), getMessages()]);
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={pickMessages(messages, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
