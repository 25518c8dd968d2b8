import "server-only";

import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";

import { baseAuthOptions } from "@/lib/auth/options";

// next-auth's own name and attributes for the session cookie (next-auth/core/lib/cookie.js).
const secure = baseAuthOptions.useSecureCookies ?? false;
const SESSION_COOKIE = `${secure ? "__Secure-" : ""}next-auth.session-token`;

// Gives this browser's session the user's new sessionVersion after a change that ended every
// session (a password change): the other devices stay signed out, this one carries on without
// signing in again (which would hash the password once more and leave a moment signed out).
// The sign-in time stays, so the absolute session lifetime is not extended.
export async function reissueSession({ userId, sessionVersion }: { userId: string; sessionVersion: number }) {
  const jar = await cookies();
  const secret = baseAuthOptions.secret!;
  const token = await decode({ token: jar.get(SESSION_COOKIE)?.value, secret });
  if (!token || token.uid !== userId) return;
  const maxAge = baseAuthOptions.session!.maxAge!;
  jar.set(SESSION_COOKIE, await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge }), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge,
  });
}
