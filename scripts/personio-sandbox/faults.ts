import { v1Error, type SandboxResponse } from "./http-types";
import type { Fault, SandboxState } from "./state";

/**
 * Picks the faults that apply to this request: all matching latencies add up, holds keep it
 * waiting (holdsCleared), and the first other matching fault decides the outcome. Faults with a
 * `times` budget expire once used up.
 */
export function takeFaults(
  state: SandboxState,
  endpoint: string,
): { latencyMs: number; holds: Fault[]; terminal?: Fault } {
  let latencyMs = 0;
  const holds: Fault[] = [];
  let terminal: Fault | undefined;
  for (const fault of state.faults) {
    if (fault.endpoint !== "*" && fault.endpoint !== endpoint) continue;
    if (fault.kind === "latency") latencyMs += fault.latencyMs ?? 0;
    else if (fault.kind === "hold") {
      holds.push(fault);
      continue;
    } else if (terminal) continue;
    else terminal = fault;
    if (fault.remaining !== undefined) fault.remaining -= 1;
  }
  state.faults = state.faults.filter((fault) => fault.remaining === undefined || fault.remaining > 0);
  return { latencyMs, holds, terminal };
}

/** Resolves once none of these holds is among the sandbox's faults any more (cleared by a test). */
export async function holdsCleared(state: SandboxState, holds: Fault[]) {
  while (holds.some((hold) => state.faults.includes(hold))) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** The answers Personio and its gateways give for forced error statuses. */
export function statusFault(fault: Fault): SandboxResponse {
  const status = fault.status ?? 500;
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
  if (status === 429) return { ...v1Error(429, "Too Many Requests", 429), headers };
  if (status === 502 || status === 504) {
    // Gateways answer with HTML, not Personio's envelope.
    const title = status === 502 ? "502 Bad Gateway" : "504 Gateway Time-out";
    return {
      status,
      headers: { ...headers, "content-type": "text/html" },
      html: `<html><body><h1>${title}</h1></body></html>`,
    };
  }
  if (status === 422 && fault.field) {
    // Laravel-style, as Personio's v1 validation answers look.
    const message = `The ${fault.field.replaceAll("_", " ")} format is invalid.`;
    return { ...v1Error(422, message, 422, { error_data: { [fault.field]: [message] } }), headers };
  }
  if (status === 503) return { ...v1Error(503, "Service Unavailable", 503), headers };
  if (status >= 500) return { ...v1Error(status, "Something went wrong", status), headers };
  return { ...v1Error(status, `Forced error ${status}`, 0), headers };
}
