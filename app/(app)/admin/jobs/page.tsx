import { getTranslations } from "next-intl/server";

import { JobForm } from "@/app/(app)/admin/jobs/_components/job-form";
import { JobTable } from "@/app/(app)/admin/jobs/_components/job-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { listJobsWithCounts } from "@/lib/jobs/service";

export async function generateMetadata() {
  const t = await getTranslations("jobs");
  return { title: t("title") };
}

export default async function JobsPage() {
  await requireUser("jobs:manage");
  const [t, jobs] = await Promise.all([getTranslations("jobs"), listJobsWithCounts()]);
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} intro={t("intro")} />
      <JobTable
        jobs={jobs.map((job) => ({
          id: job.id,
          title: job.title,
          department: job.department,
          office: job.office,
          candidates: job._count.candidates,
        }))}
      />
      <section aria-labelledby="add-job-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="add-job-heading" className="text-lg font-semibold">
          {t("add")}
        </h2>
        <JobForm />
      </section>
    </div>
  );
}
