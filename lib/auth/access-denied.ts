import "server-only";

import { writeBoundedAuditLog } from "@/lib/audit-bounded";
import { env } from "@/lib/env";
import { addressLimitKey, clientAddress } from "@/lib/http/client-address";
import { requestHeaders } from "@/lib/http/request-scope";
import { requestLogger } from "@/lib/logger";
import type { Permission } from "@/lib/permissions";

// A refused page or action goes into the audit log ("access.denied"): who (or, signed out, from
// which address), which permission was missing, and on which page. Anyone can cause these in
// bulk, so they are written within the audit log's bounds (lib/audit-bounded.ts), per person or
// per address. Called outside a request (unit tests of the actions), it records no address or page.
export async function recordAccessDenied(
  actor: { id: string } | null,
  permission: Permission,
  kind: "page" | "action",
): Promise<void> {
  try {
    const request = await requestHeaders();
    const address = request ? clientAddress(request, env.TRUSTED_PROXY_HOPS) : null;
    // The path only (of the page, or of the page an action was called from): a query may carry
    // what someone searched for.
    const page = request?.get("x-handoff-path")?.split("?")[0]?.slice(0, 300);
    const key = actor ? `access-user:${actor.id}` : `access-address:${address ? addressLimitKey(address) : "unknown"}`;
    await writeBoundedAuditLog(key, {
      actorId: actor?.id ?? null,
      action: "access.denied",
      outcome: "denied",
      details: {
        missingPermission: permission,
        kind,
        ...(page ? { page } : {}),
        ...(actor ? {} : { reason: "signed_out" }),
        address: address ?? "unknown",
      },
    });
  } catch (error) {
    // The refusal stands either way; a failing audit write must not turn it into an error.
    (await requestLogger()).error({ err: error, userId: actor?.id }, "Could not record a refused request");
  }
}
