import { getTranslations } from "next-intl/server";

import { BackgroundJobsView } from "@/app/(app)/admin/background-jobs/_components/background-jobs-view";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { listBackgroundJobs } from "@/lib/background/admin";

export async function generateMetadata() {
  const t = await getTranslations("backgroundJobs");
  return { title: t("title") };
}

export default async function BackgroundJobsPage() {
  await requireUser("integrations:manage");
  const [t, jobs] = await Promise.all([getTranslations("backgroundJobs"), listBackgroundJobs()]);
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} intro={t("intro")} />
      <BackgroundJobsView jobs={jobs} />
    </div>
  );
}
