import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { SOURCE_KINDS } from "@/lib/webhooks/kinds";
import { countAttention, listSources } from "@/lib/webhooks/queries";

import { LastDelivery } from "./_components/last-delivery";

export async function generateMetadata() {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

export default async function AtsSourcesPage() {
  await requireUser("integrations:manage");
  const [t, sources, attention] = await Promise.all([getTranslations("webhooks"), listSources(), countAttention()]);
  return (
    <div className="space-y-6">
      <BackLink href="/admin/integrations?category=ats">{t("back")}</BackLink>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        end={
          <Link href="/admin/integrations/ats/intake" className={buttonClassName("secondary")}>
            {t("intakeLink")}
          </Link>
        }
      />
      {attention > 0 && (
        <Alert tone="warning">
          <Link href="/admin/integrations/ats/intake?attention=1" className="underline">
            {t("attentionBanner", { count: attention })}
          </Link>
        </Alert>
      )}
      {sources.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label={t("title")}>
          {sources.map((source) => (
            <li key={source.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div className="min-w-0">
                <Link
                  href={`/admin/integrations/ats/${source.id}`}
                  className="font-medium text-indigo-700 hover:underline"
                >
                  {source.name}
                </Link>
                <p className="text-sm text-slate-600">
                  {t(`kinds.${source.kind}.name`)} · {t(source.enabled ? "status.enabled" : "status.disabled")}
                </p>
              </div>
              <div className="text-sm text-slate-700">
                <span className="sr-only">{t("columns.lastDelivery")}: </span>
                <LastDelivery delivery={source.lastDelivery} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="add-title" className="space-y-3">
        <h2 id="add-title" className="text-lg font-semibold">
          {t("add")}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {SOURCE_KINDS.map((kind) => (
            <li key={kind}>
              <Link href={`/admin/integrations/ats/new?kind=${kind}`} className={buttonClassName("secondary")}>
                {t("addNamed", { name: t(`kinds.${kind}.name`) })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
