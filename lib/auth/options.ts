import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { safeRedirectUrl } from "@/lib/auth/callback-url";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";

export const SIGN_IN_ERRORS = {
  deactivated: "AccountDeactivated",
  invalid: "CredentialsSignin",
  rateLimited: "TooManyAttempts",
} as const;

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  // Behind https, cookies are Secure and carry the __Secure-/__Host- prefixes. next-auth would
  // infer the same from NEXTAUTH_URL; said here so it is not left to inference.
  useSecureCookies: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  // Credentials sign-in requires JWT sessions; the user row is still read on every request
  // (lib/auth/current-user.ts), so deactivation and role changes apply immediately.
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const outcome = await attemptSignIn(credentials, clientAddress(req.headers ?? {}, env.TRUSTED_PROXY_HOPS));
        if (outcome.status === "signed-in") return outcome.user;
        if (outcome.status === "too-many-attempts") throw new Error(SIGN_IN_ERRORS.rateLimited);
        if (outcome.status === "deactivated") throw new Error(SIGN_IN_ERRORS.deactivated);
        return null;
      },
    }),
  ],
  callbacks: {
    // Only paths of this app, however the callback URL was disguised.
    redirect: safeRedirectUrl,
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
