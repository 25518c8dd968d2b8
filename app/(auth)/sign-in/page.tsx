import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { SignInForm } from "@/components/auth/sign-in-form";
import { MessagesProvider } from "@/components/i18n/messages-provider";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/current-user";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only paths of this app: anything else would make sign-in an open redirect.
  const safeCallback = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(safeCallback);
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-indigo-700">{t("app.name")}</p>
        <h1 className="mt-1 text-xl font-semibold">{t("signIn.title")}</h1>
        <MessagesProvider namespaces={["signIn"]}>
          <SignInForm callbackUrl={safeCallback} />
        </MessagesProvider>
      </div>
    </main>
  );
}
