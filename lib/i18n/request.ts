import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";

import { getCurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";

import { getCatalogue } from "./catalogue";
import { LOCALE_COOKIE } from "./config";
import { negotiateLocale } from "./negotiate-locale";

// Every request's language and time zone (next-intl reads this for getTranslations, getFormatter
// and <html lang>). Signed in: the person's own choice, else their browser's Accept-Language, else
// DEFAULT_LOCALE; dates in their time zone, else DEFAULT_TIME_ZONE. Signed out: the language last
// chosen in this browser (a cookie), else Accept-Language, else DEFAULT_LOCALE.
// The user is read once per request (getCurrentUser is cached), by whoever asks first.
export default getRequestConfig(async () => {
  const [user, cookieStore, headerList] = await Promise.all([getCurrentUser(), cookies(), headers()]);
  const locale = negotiateLocale({
    chosen: user ? user.locale : cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
    // The environment is not validated during `next build`, where these may be unset.
    fallback: env.DEFAULT_LOCALE ?? "en",
  });
  return {
    locale,
    timeZone: user?.timeZone ?? env.DEFAULT_TIME_ZONE ?? "Europe/Berlin",
    messages: getCatalogue(locale),
  };
});
