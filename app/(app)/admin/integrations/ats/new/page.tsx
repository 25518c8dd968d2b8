import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

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
      <Link href="/admin/integrations/ats" className="text-sm text-indigo-700 hover:underline">
        ← {t("backToSources")}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{t("form.title", { name: t(`kinds.${kind}.name`) })}</h1>
        <p className="mt-1 text-slate-600">{t(`kinds.${kind}.summary`)}</p>
      </div>
      <AddSourceForm kind={kind} endpointBase={endpointBase} />
      <SetupSteps kind={kind} />
    </div>
  );
}
