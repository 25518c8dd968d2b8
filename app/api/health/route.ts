// Liveness: the process answers. Touches nothing else, so a slow database never gets a healthy
// process restarted; /api/ready says whether it can serve. No session needed (proxy.ts leaves
// /api/ alone, and no route here asks for one).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
