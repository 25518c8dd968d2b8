import { getLocale, getTimeZone, getTranslations } from "next-intl/server";

import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { auditExportHref, auditListHref, isAuditFiltered, ZAuditListParams } from "@/lib/audit-log/params";
import { AUDIT_CANDIDATE_MATCH_LIMIT, listAuditEntries, listAuditPeople } from "@/lib/audit-log/queries";
import { requireUser } from "@/lib/auth/require-user";
import { spokenTimeZoneName } from "@/lib/i18n/time-zones";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditPage({ searchParams }: Props) {
  await requireUser("audit:read");
  const params = ZAuditListParams.parse(await searchParams);
  const timeZone = await getTimeZone();
  const [t, result, people] = await Promise.all([
    getTranslations("audit"),
    listAuditEntries(params, timeZone),
    listAuditPeople(),
  ]);
  const zoneLabel = spokenTimeZoneName(timeZone, await getLocale());
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      <AuditFilters params={params} people={people} timeZoneLabel={zoneLabel} />
      {params.candidate && result.candidateMatches === 0 && (
        <p className="text-sm text-slate-600" role="status">
          {t("filters.candidateNone", { words: params.candidate })}
        </p>
      )}
      {result.candidateMatches !== null && result.candidateMatches > AUDIT_CANDIDATE_MATCH_LIMIT && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="status">
          {t("filters.candidateTooBroad", {
            count: result.candidateMatches,
            words: params.candidate,
            limit: AUDIT_CANDIDATE_MATCH_LIMIT,
          })}
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <div>
          <p aria-live="polite">{t("count", { count: result.total })}</p>
          <p>{t("timesIn", { timeZone: zoneLabel })}</p>
        </div>
        {result.total > 0 && (
          <div className="max-w-sm sm:text-right">
            {/* A plain link: the browser downloads the file (Content-Disposition), no script needed. */}
            <a
              href={auditExportHref(params)}
              className={buttonClassName("secondary")}
              aria-describedby="audit-export-hint"
              download
            >
              {t("export.button")}
            </a>
            <p id="audit-export-hint" className="mt-1 text-xs text-slate-500">
              {t("export.hint")}
            </p>
          </div>
        )}
      </div>
      {result.entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {isAuditFiltered(params) ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        <>
          <AuditTable entries={result.entries} />
          {result.pages > 1 && (
            <Pagination
              page={result.page}
              pages={result.pages}
              hrefFor={(page) => auditListHref({ ...params, page })}
            />
          )}
        </>
      )}
    </div>
  );
}
