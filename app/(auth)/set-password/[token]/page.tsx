import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { SetPasswordForm } from "@/app/(auth)/set-password/[token]/_components/set-password-form";
import { AuthCard } from "@/components/auth/auth-card";
import { ClientMessages } from "@/components/i18n/client-messages";
import { findAccountLink } from "@/lib/users/password-links";
import { ZSetPasswordFromLinkInput } from "@/lib/users/schemas";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata() {
  const t = await getTranslations("setPassword");
  return { title: t("titleInvite"), referrer: "no-referrer" as const };
}

// Opening the link shows the form; only saving a password uses the link up.
export default async function SetPasswordPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations();
  const isWellFormed = ZSetPasswordFromLinkInput.shape.token.safeParse(token).success;
  const link = isWellFormed ? await findAccountLink(token) : ({ status: "invalid" } as const);

  if (link.status === "invalid") {
    return (
      <AuthCard appName={t("app.name")} title={t("setPassword.invalidTitle")}>
        <p className="mt-2 text-sm text-slate-600">{t("setPassword.invalidBody")}</p>
        <Link href="/sign-in" className="mt-6 inline-block text-sm text-indigo-700 underline">
          {t("setPassword.toSignIn")}
        </Link>
      </AuthCard>
    );
  }
  const isInvite = link.purpose === "INVITE";
  return (
    <AuthCard appName={t("app.name")} title={t(isInvite ? "setPassword.titleInvite" : "setPassword.titleReset")}>
      <p className="mt-2 text-sm text-slate-600">
        {t(isInvite ? "setPassword.introInvite" : "setPassword.introReset", { name: link.name, email: link.email })}
      </p>
      <ClientMessages>
        <SetPasswordForm token={token} email={link.email} />
      </ClientMessages>
    </AuthCard>
  );
}
