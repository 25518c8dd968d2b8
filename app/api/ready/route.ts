import { checkReadiness } from "@/lib/health/readiness";

// Readiness for a load balancer or orchestrator: 200 when the database answers with every
// migration applied, 503 otherwise and while the process shuts down (lib/shutdown.ts), so traffic
// moves elsewhere before it stops. Personio's state is reported but never fails it.
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  const { ready, ...checks } = readiness;
  return Response.json(
    { status: ready ? "ready" : "not_ready", ...checks },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
