import { env } from "@/lib/env";
import { metrics } from "@/lib/metrics/registry";
import { checkScrapeAccess } from "@/lib/metrics/scrape-access";

// Prometheus scrapes this process's figures here, with `Authorization: Bearer $METRICS_TOKEN`
// (README, "Metrics"). Each instance answers for itself; Prometheus adds them up.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const access = checkScrapeAccess(request.headers.get("authorization"), env.METRICS_TOKEN);
  if (access === "disabled") return new Response("Not Found", { status: 404 });
  if (access === "refused")
    return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  const body = await metrics.registry.metrics();
  return new Response(body, {
    headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" },
  });
}
