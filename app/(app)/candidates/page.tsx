import { getTranslations } from "next-intl/server";

import { CandidateFilters } from "@/components/candidates/candidate-filters";
import { CandidateTable } from "@/components/candidates/candidate-table";
import { CandidatesEmptyState } from "@/components/onboarding/candidates-empty-state";
import { OnboardingChecklist } from "@/components/onboarding/onboarding-checklist";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/require-user";
import { candidateListHref, ZCandidateListParams } from "@/lib/candidates/list-params";
import { listCandidates, listJobs } from "@/lib/candidates/queries";
import { getPersonioBadges } from "@/lib/handoff/queries";
import { getOnboardingChecklist, ONBOARDING_STEPS } from "@/lib/onboarding/checklist";
import { can } from "@/lib/permissions";

export async function generateMetadata() {
  const t = await getTranslations("candidates");
  return { title: t("title") };
}

export default async function CandidatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("candidates:read");
  const params = ZCandidateListParams.parse(await searchParams);
  const isAdmin = can(user, "integrations:manage") && can(user, "users:manage");
  const [t, jobs, result, onboarding] = await Promise.all([
    getTranslations("candidates"),
    listJobs(),
    listCandidates(params),
    isAdmin ? getOnboardingChecklist() : null,
  ]);
  const isFiltered = Boolean(params.q || params.job || params.stage);
  // No candidates at all, rather than none that match: a new installation.
  const isFirstRun = result.total === 0 && !isFiltered;
  // Empty for roles that may not see badges: then not even the sender's name is in the page.
  const badges = await getPersonioBadges(
    user,
    result.rows.map((row) => row.id),
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        end={
          <p className="text-sm text-slate-600" aria-live="polite">
            {result.moreThanTotal ? t("countMoreThan", { count: result.total }) : t("count", { count: result.total })}
          </p>
        }
      />
      {/* On the list itself, not above search results (where it would push them off a phone's screen). */}
      {onboarding && !isFiltered && ONBOARDING_STEPS.some((step) => !onboarding[step]) && (
        <OnboardingChecklist done={onboarding} />
      )}
      {isFirstRun ? (
        <CandidatesEmptyState
          canImport={can(user, "candidates:import")}
          canManageIntegrations={can(user, "integrations:manage")}
        />
      ) : (
        <>
          <CandidateFilters params={params} jobs={jobs} />
          <CandidateTable rows={result.rows} badges={badges} />
        </>
      )}
      {result.pages > 1 && (
        <Pagination
          page={params.page}
          pages={result.pages}
          morePages={result.moreThanTotal}
          hrefFor={(page) => candidateListHref({ ...params, page })}
        />
      )}
    </div>
  );
}
