import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ForgotPasswordForm } from "@/app/(auth)/forgot-password/_components/forgot-password-form";
import { AuthCard } from "@/components/auth/auth-card";
import { ClientMessages } from "@/components/i18n/client-messages";
import { isEmailEnabled } from "@/lib/email/settings";

export async function generateMetadata() {
  const t = await getTranslations("forgotPassword");
  return { title: t("title") };
}

// Open to everyone, signed in or not: it only ever emails an account's own address.
export default async function ForgotPasswordPage() {
  const t = await getTranslations();
  return (
    <AuthCard appName={t("app.name")} title={t("forgotPassword.title")}>
      {isEmailEnabled() ? (
        <>
          <p className="mt-2 text-sm text-slate-600">{t("forgotPassword.intro")}</p>
          <ClientMessages>
            <ForgotPasswordForm />
          </ClientMessages>
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("forgotPassword.emailOff")}</p>
      )}
      <Link href="/sign-in" className="mt-6 inline-block text-sm text-indigo-700 underline">
        {t("forgotPassword.toSignIn")}
      </Link>
    </AuthCard>
  );
}
