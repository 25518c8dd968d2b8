import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";

import { getCurrentUser } from "@/lib/auth/current-user";
import { authOptionsForRequest, ssoTester } from "@/lib/auth/request-options";
import { answerProviderError } from "@/lib/sso/provider-error";
import { SSO_PROVIDER_ID } from "@/lib/sso/settings";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth's session endpoint only decodes the cookie: a session ended in the database (password
// change, deactivation, role change, "sign out everywhere", or past its absolute lifetime) would
// still be answered with the person's name and email, and renewed. It gets the signed-out answer
// instead, and its cookie is removed.
async function endedSessionAnswer(request: NextRequest): Promise<NextResponse | null> {
  const sessionCookies = request.cookies.getAll().filter((cookie) => cookie.name.includes("next-auth.session-token"));
  if (sessionCookies.length === 0 || (await getCurrentUser())) return null;
  const response = NextResponse.json({});
  for (const cookie of sessionCookies) response.cookies.delete(cookie.name);
  return response;
}

// Options per request: the SSO provider comes from the database (lib/auth/request-options.ts).
async function handler(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "session") {
    const ended = await endedSessionAnswer(request);
    if (ended) return ended;
  }
  if (nextauth.join("/") === `callback/${SSO_PROVIDER_ID}` && request.nextUrl.searchParams.has("error"))
    return answerProviderError(request.nextUrl.searchParams, await ssoTester());
  return NextAuth(request, context, await authOptionsForRequest(nextauth));
}

export { handler as GET, handler as POST };
