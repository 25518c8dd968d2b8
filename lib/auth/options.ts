import "server-only";

import { cookies } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { clearFailedSignIns, isSignInBlocked, recordFailedSignIn } from "@/lib/auth/sign-in-rate-limit";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { env } from "@/lib/env";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/config";
import { recordFirstTimeZone } from "@/lib/users/preferences";

export const SIGN_IN_ERRORS = {
  deactivated: "AccountDeactivated",
  invalid: "CredentialsSignin",
  rateLimited: "TooManyAttempts",
} as const;

// The first address in X-Forwarded-For is the client's when a proxy sits in front; else none.
function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return first || null;
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  // Credentials sign-in requires JWT sessions; the user row is still read on every request
  // (lib/auth/current-user.ts), so deactivation and role changes apply immediately.
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const keys = { email: String(credentials?.email ?? "").trim().toLowerCase(), ip: clientIp(req.headers) };
        if (await isSignInBlocked(keys)) throw new Error(SIGN_IN_ERRORS.rateLimited);
        const result = await verifyCredentials(credentials);
        if (result.ok) {
          await clearFailedSignIns(keys);
          return result.user;
        }
        if (result.reason === "deactivated") throw new Error(SIGN_IN_ERRORS.deactivated);
        await recordFailedSignIn(keys);
        return null;
      },
    }),
  ],
  events: {
    // The sign-in page writes the browser's time zone into a cookie; at a person's first sign-in
    // (whatever the method) it becomes theirs. A failure here must not keep anyone out.
    async signIn({ user }) {
      try {
        const reported = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
        await recordFirstTimeZone({ userId: user.id, reported: reported?.includes("%") ? decodeURIComponent(reported) : reported });
      } catch (error) {
        console.error("Could not record the time zone at sign-in", error);
      }
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
};
