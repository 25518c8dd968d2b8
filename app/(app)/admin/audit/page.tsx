import { getTimeZone, getTranslations } from "next-intl/server";

import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/require-user";
import { auditListHref, ZAuditListParams } from "@/lib/audit-log/params";
import { listAuditEntries } from "@/lib/audit-log/queries";
import { timeZoneLabel } from "@/lib/i18n/time-zones";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditPage({ searchParams }: Props) {
  await requireUser("audit:read");
  const params = ZAuditListParams.parse(await searchParams);
  const [t, timeZone, result] = await Promise.all([getTranslations("audit"), getTimeZone(), listAuditEntries(params)]);
  const isFiltered = params.category !== "all" || params.outcome !== "";
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      <AuditFilters params={params} />
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-slate-600">
        <p aria-live="polite">{t("count", { count: result.total })}</p>
        <p>{t("timesIn", { timeZone: timeZoneLabel(timeZone) })}</p>
      </div>
      {result.entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {isFiltered ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        <>
          <AuditTable entries={result.entries} />
          {result.pages > 1 && <Pagination page={result.page} pages={result.pages} hrefFor={(page) => auditListHref({ ...params, page })} />}
        </>
      )}
    </div>
  );
}
