import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";

import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { getPersonioConnectionState } from "@/lib/personio/integration/queries";

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
      <BackLink href="/admin/integrations/personio">{t("back")}</BackLink>
      <PageHeader title={t("title")} intro={t("intro")} />
      <section aria-label={t("title")} className="rounded-lg border border-slate-200 bg-white p-6">
        <PersonioCredentialsForm mode="connect" />
      </section>
    </div>
  );
}
