import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoSignInButton } from "@/components/auth/sso-sign-in-button";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { isSetupNeeded } from "@/lib/setup/installation";
import { getSsoSignInOptions } from "@/lib/sso/settings";
import { parseSsoProviderError, parseSsoRefusal } from "@/lib/sso/sign-in-errors";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

// next-auth's codes for an answer from the provider that did not check out.
const PROVIDER_ERRORS = new Set(["OAuthCallback", "Callback", "OAuthSignin"]);

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  // Only paths of this app: anything else would make sign-in an open redirect.
  const safeCallback = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(safeCallback);
  // A fresh installation has nobody to sign in yet: its first admin is made on the setup page.
  if (await isSetupNeeded(db)) redirect("/setup");
  const [t, sso] = await Promise.all([getTranslations(), getSsoSignInOptions()]);
  const refusal = parseSsoRefusal(error);
  const providerError = parseSsoProviderError(error);
  const failure = refusal
    ? t(`ssoSignIn.refused.${refusal}`)
    : providerError === "access_denied"
      ? t("ssoSignIn.refused.access_denied", { label: sso.label ?? "SSO" })
      : providerError
        ? t("ssoSignIn.refused.provider", { error: providerError })
        : error && PROVIDER_ERRORS.has(error)
          ? t("ssoSignIn.refused.token")
          : null;
  const passwordForm = (
    <>
      <SignInForm callbackUrl={safeCallback} />
      <Link href="/forgot-password" className="mt-4 inline-block text-sm text-indigo-700 underline">
        {t("forgotPassword.link")}
      </Link>
    </>
  );
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-indigo-700">{t("app.name")}</p>
        <h1 className="mt-1 text-xl font-semibold">{t("signIn.title")}</h1>
        <ClientMessages>
          {failure && (
            <div className="mt-6">
              <Alert tone="error">{failure}</Alert>
            </div>
          )}
          {sso.label && (
            <div className="mt-6">
              <SsoSignInButton label={sso.label} callbackUrl={safeCallback} />
            </div>
          )}
          {sso.label && sso.required ? (
            // Passwords are off but for the break-glass admin: their form stays, folded away.
            <details className="mt-6 text-sm">
              <summary className="cursor-pointer text-slate-600">{t("ssoSignIn.passwordOnlyAdmins")}</summary>
              {passwordForm}
            </details>
          ) : (
            <>
              {sso.label && (
                <p className="mt-6 flex items-center gap-3 text-xs uppercase text-slate-500 before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200">
                  {t("ssoSignIn.or")}
                </p>
              )}
              {passwordForm}
            </>
          )}
        </ClientMessages>
      </div>
    </main>
  );
}
