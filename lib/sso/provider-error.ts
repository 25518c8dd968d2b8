import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requestLogger } from "@/lib/logger";
import { metrics } from "@/lib/metrics/registry";
import { providerErrorCode, ssoProviderError } from "@/lib/sso/sign-in-errors";

// The provider sent the person back with an error instead of a code (RFC 6749 4.1.2.1), most
// often access_denied: the organisation has not assigned them to the app. next-auth would turn
// every such answer into its generic "Callback" error and drop the provider's words, so the
// callback answers it here: the person learns whom to ask; an admin's test sign-in shows the
// provider's error and error_description. Nothing from the provider is signed in or trusted.
export async function answerProviderError(query: URLSearchParams, testerId: string | null): Promise<Response> {
  const code = providerErrorCode(query.get("error") ?? "");
  if (!testerId) metrics.signInFailures.inc({ reason: "sso_provider_error" });
  // The description is not logged: Entra's, for one, names the account that signed in.
  await writeAuditLog(db, {
    actorId: testerId,
    action: "auth.sign-in",
    outcome: "denied",
    details: { method: "sso", reason: "provider_error", error: code },
  }).catch(async (error: unknown) =>
    (await requestLogger()).error({ err: error }, "Could not audit a provider's refused SSO sign-in"),
  );
  const base = env.NEXTAUTH_URL ?? "http://localhost:3000";
  const target = new URL(testerId ? "/admin/sso" : "/sign-in", base);
  target.searchParams.set("error", ssoProviderError(code));
  const description = query.get("error_description");
  if (testerId && description) target.searchParams.set("description", description.slice(0, 500));
  return Response.redirect(target, 302);
}
