import type { NextRequest } from "next/server";
import NextAuth from "next-auth";

import { authOptionsForRequest } from "@/lib/auth/request-options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options per request: the SSO provider comes from the database (lib/auth/request-options.ts).
async function handler(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  return NextAuth(request, context, await authOptionsForRequest(nextauth));
}

export { handler as GET, handler as POST };
