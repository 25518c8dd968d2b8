import { getTranslations } from "next-intl/server";

import { PersonRequests } from "@/app/(app)/admin/privacy/_components/person-requests";
import { RetentionRulesForm } from "@/app/(app)/admin/privacy/_components/retention-rules-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { getPrivacyOverview } from "@/lib/privacy/overview";

export async function generateMetadata() {
  const t = await getTranslations("privacy");
  return { title: t("title") };
}

export default async function PrivacyPage({ searchParams }: { searchParams: Promise<{ candidate?: string }> }) {
  await requireUser("privacy:manage");
  const [t, overview, { candidate }] = await Promise.all([
    getTranslations("privacy"),
    getPrivacyOverview(),
    searchParams,
  ]);
  return (
    <div className="space-y-10">
      <PageHeader title={t("title")} intro={t("intro")} />
      <RetentionRulesForm rules={overview.rules} lastRun={overview.lastRun} />
      <PersonRequests candidateId={typeof candidate === "string" ? candidate : undefined} />
    </div>
  );
}
