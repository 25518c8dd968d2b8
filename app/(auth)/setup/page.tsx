import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { SetupForm } from "@/app/(auth)/setup/_components/setup-form";
import { AuthCard } from "@/components/auth/auth-card";
import { ClientMessages } from "@/components/i18n/client-messages";
import { db } from "@/lib/db";
import { isSetupNeeded } from "@/lib/setup/installation";

export async function generateMetadata() {
  const t = await getTranslations("setup");
  return { title: t("title") };
}

// Exists only while the installation has no users; afterwards it is a missing page.
export default async function SetupPage() {
  if (!(await isSetupNeeded(db))) notFound();
  const t = await getTranslations();
  return (
    <AuthCard appName={t("app.name")} title={t("setup.title")}>
      <p className="mt-2 text-sm text-slate-600">{t("setup.intro")}</p>
      <ClientMessages>
        <SetupForm />
      </ClientMessages>
    </AuthCard>
  );
}
