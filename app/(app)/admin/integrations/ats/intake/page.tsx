import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName } from "@/components/ui/button";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/require-user";
import { intakeListHref, ZIntakeListParams } from "@/lib/webhooks/intake-params";
import { DELIVERY_OUTCOMES } from "@/lib/webhooks/kinds";
import { listDeliveries, listSources } from "@/lib/webhooks/queries";

import { IntakeTable } from "../_components/intake-table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("webhooks.intake");
  return { title: t("title") };
}

// Filters are a plain GET form: shareable URLs, and it works without JavaScript.
export default async function IntakeLogPage({ searchParams }: Props) {
  await requireUser("integrations:manage");
  const params = ZIntakeListParams.parse(await searchParams);
  const [t, sources, result] = await Promise.all([getTranslations("webhooks"), listSources(), listDeliveries(params)]);
  const isFiltered = Boolean(params.source || params.outcome || params.attention);
  const select = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <div className="space-y-6">
      <BackLink href="/admin/integrations/ats">{t("backToSources")}</BackLink>
      <PageHeader title={t("intake.title")} intro={t("intake.intro")} />
      <form
        method="get"
        action="/admin/integrations/ats/intake"
        aria-label={t("intake.filters")}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end"
      >
        <label className="space-y-1 text-sm font-medium text-slate-700">
          <span>{t("intake.source")}</span>
          <select name="source" defaultValue={params.source} className={select}>
            <option value="">{t("intake.allSources")}</option>
            {sources.map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm font-medium text-slate-700">
          <span>{t("intake.outcome")}</span>
          <select name="outcome" defaultValue={params.outcome} className={select}>
            <option value="">{t("intake.allOutcomes")}</option>
            {DELIVERY_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`outcomes.${outcome}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700 sm:pb-2">
          <input type="checkbox" name="attention" value="1" defaultChecked={params.attention === "1"} />
          {t("intake.attentionOnly")}
        </label>
        <div className="flex gap-2">
          <button type="submit" className={buttonClassName("primary")}>
            {t("intake.apply")}
          </button>
          {isFiltered && (
            <Link href="/admin/integrations/ats/intake" className={buttonClassName("secondary")}>
              {t("intake.reset")}
            </Link>
          )}
        </div>
      </form>
      <p className="text-sm text-slate-600" aria-live="polite">
        {t("intake.count", { count: result.total })}
      </p>
      {result.deliveries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {isFiltered ? t("intake.emptyFiltered") : t("intake.empty")}
        </p>
      ) : (
        <>
          <IntakeTable deliveries={result.deliveries} />
          {result.pages > 1 && (
            <Pagination
              page={result.page}
              pages={result.pages}
              hrefFor={(page) => intakeListHref({ ...params, page })}
            />
          )}
        </>
      )}
    </div>
  );
}
