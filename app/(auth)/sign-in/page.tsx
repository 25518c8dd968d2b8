import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { SignInForm } from "@/components/auth/sign-in-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getCurrentUser } from "@/lib/auth/current-user";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getCurrentUser()) redirect("/candidates");
  const { callbackUrl } = await searchParams;
  const t = await getTranslations();
  // Only same-site paths: an absolute callback URL would make this an open redirect.
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/candidates";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-indigo-700">{t("app.name")}</p>
        <h1 className="mt-1 text-xl font-semibold">{t("signIn.title")}</h1>
        <ClientMessages>
          <SignInForm callbackUrl={safeCallback} />
        </ClientMessages>
      </div>
    </main>
  );
}
