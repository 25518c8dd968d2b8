"use server";

import { cookies, headers } from "next/headers";

import { signedInAction } from "@/lib/action-client";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { savePreferences } from "@/lib/users/preferences";
import { ZPreferencesInput } from "@/lib/users/schemas";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

// The profile menu's Save. The person is taken from the session, so nobody can change anyone
// else's settings. The page refreshes itself afterwards (every page is rendered per request).
export const savePreferencesAction = signedInAction
  .inputSchema(ZPreferencesInput)
  .action(async ({ parsedInput, ctx }) => {
    await savePreferences({ userId: ctx.user.id, ...parsedInput });
    // The sign-in page has no user to ask: it speaks the language last chosen in this browser.
    const isHttps = (await headers()).get("origin")?.startsWith("https://") ?? false;
    (await cookies()).set(LOCALE_COOKIE, parsedInput.locale, {
      path: "/",
      maxAge: ONE_YEAR_SECONDS,
      sameSite: "lax",
      httpOnly: true,
      secure: isHttps,
    });
    return { locale: parsedInput.locale, timeZone: parsedInput.timeZone };
  });
