import { receiveDelivery } from "@/lib/webhooks/receive";

// The endpoint every ATS posts to: /api/webhooks/<the source's unguessable token>. No session,
// no CSRF token: the signature over the raw body is the authentication (lib/webhooks).
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await receiveDelivery(token, request);
  const headers: Record<string, string> = { "cache-control": "no-store", ...result.headers };
  if (result.retryAfterSeconds) headers["retry-after"] = String(result.retryAfterSeconds);
  return Response.json(result.body, { status: result.status, headers });
}
