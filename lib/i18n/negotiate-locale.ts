import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

import { isLocale, LOCALES, type Locale } from "./config";

type LocaleSources = {
  // The person's own choice (signed in), or the language cookie (signed out).
  chosen: string | null | undefined;
  acceptLanguage: string | null | undefined;
  fallback: Locale;
};

// Which language a request is answered in: the person's choice, else the browser's
// Accept-Language (the best match among ours, as next-intl's middleware does it), else the
// installation's DEFAULT_LOCALE.
export function negotiateLocale({ chosen, acceptLanguage, fallback }: LocaleSources): Locale {
  if (isLocale(chosen)) return chosen;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage ?? undefined } }).languages();
  if (requested.length === 0 || (requested.length === 1 && requested[0] === "*")) return fallback;
  try {
    const best = match(requested, [...LOCALES], fallback);
    return isLocale(best) ? best : fallback;
  } catch {
    // A malformed language tag in the header: not the person's fault, not worth an error.
    return fallback;
  }
}
