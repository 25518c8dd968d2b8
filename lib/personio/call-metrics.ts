import "server-only";

import { metrics } from "@/lib/metrics/registry";

import type { PersonioHttpRequest } from "./transport";

/** "GET /v1/company/employees/{id}": the endpoint without ids, so each is one series. */
export function personioEndpointLabel(method: string, url: string): string {
  const path = new URL(url).pathname.replace(/\/\d+(?=\/|$)/g, "/{id}");
  return `${method} ${path}`;
}

/** Counts one call (status 0: no answer arrived) and its duration. */
export function recordPersonioCall(request: Pick<PersonioHttpRequest, "method" | "url">, status: number, ms: number) {
  const endpoint = personioEndpointLabel(request.method, request.url);
  metrics.personioRequests.inc({ endpoint, status: String(status) });
  metrics.personioDuration.observe({ endpoint }, ms / 1000);
  if (status === 429) metrics.personioRateLimited.inc({ endpoint });
}
