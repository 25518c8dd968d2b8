import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

import { getClientIntl } from "@/lib/i18n/get-client-intl";

// Around client components that call useTranslations (see lib/i18n/client-messages.ts).
export async function ClientMessages({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider {...await getClientIntl()}>{children}</NextIntlClientProvider>;
}
