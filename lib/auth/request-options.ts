import "server-only";

import type { NextAuthOptions, User } from "next-auth";
import { cookies } from "next/headers";

import { writeAuditLog } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { authOptions, baseAuthOptions, credentialsProvider } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { requestLogger } from "@/lib/logger";
import { metrics } from "@/lib/metrics/registry";
import { can } from "@/lib/permissions";
import { admitSsoUser, testSsoAdmission, type SsoSignedInUser } from "@/lib/sso/admission";
import { fetchScopesSupported } from "@/lib/sso/discovery";
import { buildSsoProvider } from "@/lib/sso/provider";
import { wantsGroupsScope } from "@/lib/sso/scopes";
import { loadSsoRuntime, recordSsoTest, SSO_PROVIDER_ID } from "@/lib/sso/settings";
import { ssoRefusedError, ssoTestFailedError, ssoTestPassedError } from "@/lib/sso/sign-in-errors";

// Set by the settings page's "Test sign-in" (app/(app)/admin/sso/actions.ts); holds the admin's
// user id, and for a test of a renewed secret also the pending secret's id ("<user>.<test>"). A
// test run needs it AND that admin's own session, so the cookie alone grants nothing.
export const SSO_TEST_COOKIE = "handoff-sso-test";

export function ssoTestCookieValue(userId: string, pendingTestId: string | null) {
  return pendingTestId ? `${userId}.${pendingTestId}` : userId;
}

// A test ends on the settings page, whatever happened.
const TEST_PAGES = { signIn: "/admin/sso", error: "/admin/sso" };

export async function ssoTestRun(): Promise<{ testerId: string; pendingTestId: string | null } | null> {
  const marked = (await cookies()).get(SSO_TEST_COOKIE)?.value;
  if (!marked) return null;
  const [userId, pendingTestId] = marked.split(".");
  const user = await getCurrentUser();
  if (!user || user.id !== userId || !can(user, "users:manage")) return null;
  return { testerId: user.id, pendingTestId: pendingTestId || null };
}

export async function ssoTester(): Promise<string | null> {
  return (await ssoTestRun())?.testerId ?? null;
}

function tokenRefusalReason(metadata: unknown): string {
  const error = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 200);
}

// next-auth's options for one request to /api/auth/*. The SSO provider is built from the stored
// settings now (so a settings change applies to the next sign-in, on every instance) and only
// for the requests that use it: sign-in and callback of provider "sso", and the provider list
// (next-auth's client looks a provider up there before starting its sign-in). It exists while
// SSO is enabled, or for an admin's test sign-in before enabling.
export async function authOptionsForRequest(nextauthPath: readonly string[]): Promise<NextAuthOptions> {
  const [action, providerId] = nextauthPath;
  // Every failure, and a test's outcome, goes through next-auth's error route, which sends it on
  // to the error page: the settings page for a test, the sign-in page otherwise. For a failed
  // callback (OAuthCallback, Callback, …) next-auth's error route first bounces to its own sign-in
  // route without a provider (/api/auth/signin?error=…), which then sends it to the sign-in page:
  // that bounce must know about the test too, or a test that failed at the token exchange (a
  // wrong client secret) lands on the app's sign-in page, which sends a signed-in admin on to
  // the candidate list.
  const bouncesAnError = action === "error" || (action === "signin" && providerId === undefined);
  if (bouncesAnError) return (await ssoTester()) ? { ...authOptions, pages: TEST_PAGES } : authOptions;
  if (providerId !== SSO_PROVIDER_ID && action !== "providers") return authOptions;
  const testRun = await ssoTestRun();
  const testerId = testRun?.testerId ?? null;
  const settings = await loadSsoRuntime({ pendingTestId: testRun?.pendingTestId });
  if (!settings) return authOptions;
  if (!settings.enabled && !testerId) return authOptions;
  // Whether to ask for "groups" depends on the provider's current discovery document. Scopes go
  // only into the authorization request, which the sign-in action builds; the callback and the
  // provider list do not use them, so the document is read only there, and only when groups matter.
  const scopesSupported =
    action === "signin" && wantsGroupsScope(settings)
      ? (await fetchScopesSupported(settings.issuer))?.scopesSupported
      : undefined;

  // The user this request's callback let in, handed from the signIn callback to jwt (both run
  // within this one request; the options object is this request's own).
  let admitted: SsoSignedInUser | null = null;
  const baseJwt = baseAuthOptions.callbacks!.jwt!;
  const baseSignInEvent = baseAuthOptions.events?.signIn;

  return {
    ...baseAuthOptions,
    providers: [credentialsProvider, buildSsoProvider(settings, scopesSupported)],
    pages: testerId ? TEST_PAGES : baseAuthOptions.pages,
    events: {
      ...baseAuthOptions.events,
      // Sign-in events, too, concern the app's user, not the provider's subject.
      async signIn(message) {
        if (message.account?.provider !== SSO_PROVIDER_ID) return baseSignInEvent?.(message);
        if (admitted) return baseSignInEvent?.({ ...message, user: admitted as User });
      },
    },
    logger: {
      error(code, metadata) {
        // The error only: next-auth's metadata may carry the provider's answer (tokens, claims).
        const error = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
        void requestLogger().then((log) => log.error({ err: error, code }, "next-auth error"));
        if (!code.startsWith("OAUTH_CALLBACK")) return;
        // A refused answer from the provider (bad signature, issuer, audience, expiry, nonce,
        // state, PKCE, or an error it sent): audited like any refused sign-in.
        const details = { method: "sso", reason: "token_refused", error: tokenRefusalReason(metadata) } as const;
        if (!testerId) metrics.signInFailures.inc({ reason: "sso_token_refused" });
        void writeAuditLog(
          db,
          testerId
            ? { actorId: testerId, action: "sso.test", targetType: "sso", targetId: "sso", outcome: "failure", details }
            : { actorId: null, action: "auth.sign-in", outcome: "denied", details },
        ).catch(async (error: unknown) =>
          (await requestLogger()).error({ err: error }, "Could not audit a refused SSO sign-in"),
        );
      },
    },
    callbacks: {
      ...baseAuthOptions.callbacks,
      async signIn({ account, profile }) {
        if (account?.provider !== SSO_PROVIDER_ID) return true;
        const claims = (profile ?? {}) as Record<string, unknown>;
        if (testerId) {
          // A test signs nobody in and changes no account: it reports what would happen.
          const result = await testSsoAdmission(settings, claims);
          const { secretSaved } = await recordSsoTest({
            actorId: testerId,
            email: result.email ?? null,
            outcome: result.ok ? "success" : "failure",
            ...(result.ok ? {} : { reason: result.reason }),
            pendingTestId: settings.testsPendingSecret ? testRun?.pendingTestId : null,
          });
          throw new Error(
            result.ok
              ? ssoTestPassedError(result.outcome, result.roleId, secretSaved)
              : ssoTestFailedError(result.reason),
          );
        }
        const result = await admitSsoUser(settings, claims);
        if (!result.ok) {
          metrics.signInFailures.inc({ reason: `sso_${result.reason}` });
          throw new Error(ssoRefusedError(result.reason));
        }
        admitted = result.user;
        return true;
      },
      jwt(params) {
        if (params.account?.provider !== SSO_PROVIDER_ID) return baseJwt(params);
        // The session is the app's user, not the provider's subject.
        return baseJwt({ ...params, user: (admitted ?? undefined) as User });
      },
    },
  };
}
