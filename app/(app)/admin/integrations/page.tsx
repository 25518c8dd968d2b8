import { getTranslations } from "next-intl/server";

import { Marketplace } from "@/components/integrations/marketplace";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { INTEGRATION_CATEGORIES, type IntegrationCategory } from "@/lib/integrations/catalogue";
import { getPersonioStatus } from "@/lib/personio/integration/queries";
import { getSourceStates } from "@/lib/webhooks/queries";

type Props = { searchParams: Promise<{ category?: string; deleted?: string }> };

export async function generateMetadata() {
  const t = await getTranslations("integrations");
  return { title: t("title") };
}

export default async function IntegrationsPage({ searchParams }: Props) {
  await requireUser("integrations:manage");
  const params = await searchParams;
  const category = (INTEGRATION_CATEGORIES as readonly string[]).includes(params.category ?? "")
    ? (params.category as IntegrationCategory)
    : null;
  const [t, { status: personio }, sources] = await Promise.all([
    getTranslations("integrations"),
    getPersonioStatus(),
    getSourceStates(),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      {params.deleted && personio === "not_connected" && <Alert tone="success">{t("deleted")}</Alert>}
      <Marketplace category={category} states={{ personio, ...sources }} />
    </div>
  );
}
