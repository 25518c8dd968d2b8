import { getTranslations } from "next-intl/server";

import { CandidateFilters } from "@/components/candidates/candidate-filters";
import { CandidateTable } from "@/components/candidates/candidate-table";
import { Pagination } from "@/components/candidates/pagination";
import { requireUser } from "@/lib/auth/require-user";
import { ZCandidateListParams } from "@/lib/candidates/list-params";
import { listCandidates, listJobs } from "@/lib/candidates/queries";

export async function generateMetadata() {
  const t = await getTranslations("candidates");
  return { title: t("title") };
}

export default async function CandidatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("candidates:read");
  const params = ZCandidateListParams.parse(await searchParams);
  const [t, jobs, result] = await Promise.all([
    getTranslations("candidates"),
    listJobs(),
    listCandidates(params),
  ]);

  return (
    <div className="space-y-6">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600" aria-live="polite">
          {t("count", { count: result.total })}
        </p>
      </div>
      <CandidateFilters params={params} jobs={jobs} />
      <CandidateTable rows={result.rows} />
      {result.pages > 1 && <Pagination params={params} pages={result.pages} />}
    </div>
  );
}
