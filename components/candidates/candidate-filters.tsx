import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { AutoApplyForm } from "@/components/ui/auto-apply-form";
import { buttonClassName } from "@/components/ui/button";
import type { TCandidateListParams } from "@/lib/candidates/list-params";
import { STAGES } from "@/lib/candidates/stages";

const CONTROL = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

// A plain GET form: the list is server-rendered, so filters work without JavaScript
// and every result is a shareable URL. On phones a chosen job or stage applies at once (no Apply
// button), and the filters take little height, so the list itself is in sight.
export async function CandidateFilters({
  params,
  jobs,
}: {
  params: TCandidateListParams;
  jobs: { id: string; title: string }[];
}) {
  const t = await getTranslations();
  const hasFilters = Boolean(params.q || params.job || params.stage);
  return (
    <AutoApplyForm
      role="search"
      method="get"
      action="/candidates"
      className="grid grid-cols-2 gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:gap-3 sm:p-4"
    >
      <div className="col-span-2 sm:col-span-1">
        <label htmlFor="q" className="mb-1 block text-sm font-medium text-slate-700">
          {t("candidates.searchLabel")}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={params.q}
          placeholder={t("candidates.searchPlaceholder")}
          className={CONTROL}
        />
      </div>
      <div>
        <label htmlFor="job" className="mb-1 block text-sm font-medium text-slate-700">
          {t("candidates.jobLabel")}
        </label>
        <select id="job" name="job" defaultValue={params.job} className={CONTROL}>
          <option value="">{t("candidates.allJobs")}</option>
          {jobs.map((job) => (
            <option key={job.id} value={job.id}>
              {job.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="stage" className="mb-1 block text-sm font-medium text-slate-700">
          {t("candidates.stageLabel")}
        </label>
        <select id="stage" name="stage" defaultValue={params.stage} className={CONTROL}>
          <option value="">{t("candidates.allStages")}</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`stages.${stage}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={`col-span-2 flex items-end justify-end gap-2 sm:col-span-1 ${hasFilters ? "" : "max-sm:hidden"}`}>
        <button type="submit" data-apply className={`${buttonClassName("primary")} max-sm:hidden`}>
          {t("candidates.apply")}
        </button>
        <Link href="/candidates" className={`${buttonClassName("ghost")} max-sm:py-1`}>
          {t("candidates.reset")}
        </Link>
      </div>
    </AutoApplyForm>
  );
}
