import "server-only";

import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { canonicalTimeZone } from "@/lib/i18n/time-zones";

// A person's own language and time zone. Not audited: they change only how pages are shown to
// that person, nothing anyone else sees or anything sent to Personio.
export async function savePreferences({
  userId,
  locale,
  timeZone,
}: {
  userId: string;
  locale: Locale;
  timeZone: string;
}) {
  await db.user.update({ where: { id: userId }, data: { locale, timeZone }, select: { id: true } });
}

/**
 * The browser's time zone, reported at sign-in, becomes the person's own, unless they already
 * have one (from an earlier sign-in or chosen in the profile menu). Anything that is not a time
 * zone is ignored: the installation default applies instead.
 */
export async function recordFirstTimeZone({ userId, reported }: { userId: string; reported: string | undefined }) {
  const timeZone = canonicalTimeZone(reported);
  if (!timeZone) return false;
  const { count } = await db.user.updateMany({ where: { id: userId, timeZone: null }, data: { timeZone } });
  return count === 1;
}

// Not audited here: the sign-in itself already is (auth.sign-in). updateMany, so a person deleted
// meanwhile is no error.
export async function recordSignIn({ userId, at = new Date() }: { userId: string; at?: Date }) {
  await db.user.updateMany({ where: { id: userId }, data: { lastSignInAt: at } });
}
