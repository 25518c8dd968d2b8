import { NextResponse, type NextRequest } from "next/server";

// Only passes the requested path on, so a signed-out visitor can be brought back to it
// after signing in. Access itself is checked in layouts, pages and actions, not here.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-handoff-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico).*)"],
};
