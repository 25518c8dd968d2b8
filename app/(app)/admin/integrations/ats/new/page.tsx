import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { isSourceKind } from "@/lib/webhooks/kinds";

import { AddSourceForm } from "../_components/add-source-form";
import { SetupSteps } from "../_components/setup-steps";
import { getEndpointBase } from "../endpoint-base";

type Props = { searchParams: Promise<{ kind?: string }> };

export async function generateMetadata() {
  const t = await getTranslations("webhooks");
  return { title: t("add") };
}

export default async function NewSourcePage({ searchParams }: Props) {
  await requireUser("integrations:manage");
  const { kind } = await searchParams;
  if (!isSourceKind(kind)) notFound();
  const [t, endpointBase] = await Promise.all([getTranslations("webhooks"), getEndpointBase()]);
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/admin/integrations/ats">{t("backToSources")}</BackLink>
      <PageHeader title={t("form.title", { name: t(`kinds.${kind}.name`) })} intro={t(`kinds.${kind}.summary`)} />
      <AddSourceForm kind={kind} endpointBase={endpointBase} />
      <SetupSteps kind={kind} />
    </div>
  );
}
