import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";

import { safeRedirectUrl } from "@/lib/auth/callback-url";
import { SESSION_IDLE_SECONDS, SESSION_KEEP_ALIVE_SECONDS } from "@/lib/auth/session-lifetime";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/config";
import { requestLogger } from "@/lib/logger";
import { isPasswordSignInAllowed } from "@/lib/sso/password-policy";
import { recordFirstTimeZone, recordSignIn } from "@/lib/users/preferences";

export const SIGN_IN_ERRORS = {
  deactivated: "AccountDeactivated",
  invalid: "CredentialsSignin",
  rateLimited: "TooManyAttempts",
  ssoRequired: "SsoRequired",
} as const;

export const credentialsProvider = CredentialsProvider({
  name: "Email and password",
  credentials: { email: { type: "email" }, password: { type: "password" } },
  async authorize(credentials, req) {
    // Counted first, checked after (lib/auth/sign-in.ts). With "SSO required", only the
    // break-glass admin may use a password; asked after the password, so the answer tells nobody
    // without it who the break-glass admin is.
    const outcome = await attemptSignIn(credentials, clientAddress(req.headers ?? {}, env.TRUSTED_PROXY_HOPS), {
      mayUsePassword: isPasswordSignInAllowed,
    });
    if (outcome.status === "signed-in") return outcome.user;
    if (outcome.status === "too-many-attempts") throw new Error(SIGN_IN_ERRORS.rateLimited);
    if (outcome.status === "deactivated") throw new Error(SIGN_IN_ERRORS.deactivated);
    if (outcome.status === "sso-required") throw new Error(SIGN_IN_ERRORS.ssoRequired);
    return null;
  },
});

// Everything but the providers: shared by getServerSession (which only reads the session) and
// the route handler, which adds the SSO provider per request (lib/auth/request-options.ts).
export const baseAuthOptions: Omit<NextAuthOptions, "providers"> = {
  secret: env.NEXTAUTH_SECRET,
  // Behind https, cookies are Secure and carry the __Secure-/__Host- prefixes. next-auth would
  // infer the same from NEXTAUTH_URL; said here so it is not left to inference.
  useSecureCookies: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  // Credentials sign-in requires JWT sessions; the user row is still read on every request
  // (lib/auth/current-user.ts), so deactivation and role changes apply immediately. maxAge is
  // the idle lifetime: each renewal (GET /api/auth/session) pushes the expiry out again; the
  // absolute lifetime is checked in current-user.ts (lib/auth/session-lifetime.ts). SSO sessions
  // are the same kind of JWT, made by the same jwt callback.
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: SESSION_KEEP_ALIVE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  events: {
    // Every successful sign-in, by password or SSO, passes here: its time is recorded (the
    // Users page shows it). The sign-in page writes the browser's time zone into a cookie; at a
    // person's first sign-in (whatever the method) it becomes theirs. A failure here must not
    // keep anyone out.
    async signIn({ user }) {
      try {
        await recordSignIn({ userId: user.id });
      } catch (error) {
        (await requestLogger()).error({ err: error, userId: user.id }, "Could not record the time of a sign-in");
      }
      try {
        const reported = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
        await recordFirstTimeZone({
          userId: user.id,
          reported: reported?.includes("%") ? decodeURIComponent(reported) : reported,
        });
      } catch (error) {
        (await requestLogger()).error({ err: error, userId: user.id }, "Could not record the time zone at sign-in");
      }
    },
  },
  callbacks: {
    // Only paths of this app, however the callback URL was disguised.
    redirect: safeRedirectUrl,
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        token.authTime = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") {
        session.user.id = token.uid;
        session.user.sessionVersion = token.sv;
        session.user.authTime = token.authTime;
      }
      return session;
    },
  },
};

export const authOptions: NextAuthOptions = { ...baseAuthOptions, providers: [credentialsProvider] };
