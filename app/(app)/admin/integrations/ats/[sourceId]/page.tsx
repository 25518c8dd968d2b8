import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { intakeListHref } from "@/lib/webhooks/intake-params";
import { getSource } from "@/lib/webhooks/queries";

import { CopyField } from "../_components/copy-field";
import { LastDelivery } from "../_components/last-delivery";
import { SetupSteps } from "../_components/setup-steps";
import { SourceControls } from "../_components/source-controls";
import { getEndpointBase } from "../endpoint-base";

type Props = { params: Promise<{ sourceId: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata({ params }: Props) {
  const source = await getSource((await params).sourceId);
  const t = await getTranslations("webhooks");
  return { title: source?.name ?? t("title") };
}

export default async function SourcePage({ params, searchParams }: Props) {
  await requireUser("integrations:manage");
  const [{ sourceId }, { created }] = await Promise.all([params, searchParams]);
  const source = await getSource(sourceId);
  if (!source) notFound();
  const [t, format, endpointBase] = await Promise.all([getTranslations("webhooks"), getFormatter(), getEndpointBase()]);
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/admin/integrations/ats">{t("backToSources")}</BackLink>
      <PageHeader
        title={source.name}
        intro={`${t(`kinds.${source.kind}.name`)} · ${t(source.enabled ? "status.enabled" : "status.disabled")}`}
      />
      {created && <Alert tone="success">{t("details.justCreated")}</Alert>}
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <CopyField label={t("endpoint")} value={`${endpointBase}/api/webhooks/${source.pathToken}`} />
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-700">{t("details.lastDelivery")}</dt>
          <dd>
            <LastDelivery delivery={source.lastDelivery} />
          </dd>
          <dt className="font-medium text-slate-700">{t("details.created")}</dt>
          <dd>{format.dateTime(source.createdAt, { dateStyle: "medium" })}</dd>
          <dt className="font-medium text-slate-700">{t("details.externalSource")}</dt>
          <dd>
            <code className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-800">{source.externalSource}</code>
            <p className="mt-1 text-slate-600">{t("details.externalSourceHint")}</p>
          </dd>
        </dl>
        {source.previousSecretValidUntil && (
          <p className="text-sm text-slate-700">
            {t("details.previousSecret", {
              until: format.dateTime(source.previousSecretValidUntil, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
        )}
        <Link
          href={intakeListHref({ source: source.id })}
          className="inline-block text-sm font-medium text-indigo-700 hover:underline"
        >
          {t("details.viewIntake")} →
        </Link>
      </section>
      <SetupSteps kind={source.kind} />
      <SourceControls sourceId={source.id} enabled={source.enabled} isWorkable={source.kind === "workable"} />
    </div>
  );
}
