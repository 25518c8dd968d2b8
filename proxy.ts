import { NextResponse, type NextRequest } from "next/server";

import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";

// Gives every page request an id for its log lines (lib/logger.ts), also answered to the caller,
// and sets a per-request Content-Security-Policy with a nonce (Next.js puts it on its own
// scripts) and passes the requested path on, so a signed-out visitor can be brought back to it
// after signing in. Access itself is checked in layouts, pages and actions, not here.
export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // Prefetches render no document, so they need no policy.
  const isPrefetch = request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
  if (isPrefetch) {
    const response = NextResponse.next({ request: { headers } });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  }

  const nonce = btoa(crypto.randomUUID());
  const isDev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    // React's development build evaluates code; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  headers.set("x-handoff-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  // Served over https (NEXTAUTH_URL says so; lib/env.ts requires it outside loopback): browsers
  // are told to use nothing else for two years, so a network attacker cannot downgrade them.
  if (process.env.NEXTAUTH_URL?.startsWith("https://")) {
    response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

export const config = {
  // Everything but static files, which log nothing, and the API: the proxy buffers a request's
  // body and cuts it at its size limit (10 MB), so an import's upload would arrive truncated;
  // API routes get their request id in lib/logger.ts instead.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
