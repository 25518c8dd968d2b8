import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { requireUser } from "@/lib/auth/require-user";
import { getPersonioConnectionState } from "@/lib/integrations/personio-queries";

import { PersonioCredentialsForm } from "../_components/personio-credentials-form";

export async function generateMetadata() {
  const t = await getTranslations("personioConnect");
  return { title: t("title") };
}

export default async function ConnectPersonioPage() {
  await requireUser("integrations:manage");
  if ((await getPersonioConnectionState()) !== "not_connected") redirect("/admin/integrations/personio");
  const t = await getTranslations("personioConnect");
  return (
    <div className="space-y-6">
      <Link href="/admin/integrations/personio" className="text-sm text-indigo-700 hover:underline">
        ← {t("back")}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-prose text-slate-600">{t("intro")}</p>
      </div>
      <section aria-label={t("title")} className="rounded-lg border border-slate-200 bg-white p-6">
        <PersonioCredentialsForm mode="connect" />
      </section>
    </div>
  );
}
