import { getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/i18n/client-messages";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { getReviewBatch } from "@/lib/handoff/queue";

import { ReviewSequence } from "./_components/review-sequence";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("toSend");
  return { title: t("reviewTitle") };
}

// Review & send: the chosen candidates one review form after the other, each sent once with
// its own outcome (the same form, actions and checks as the profile's dialog).
export default async function ReviewSendPage({ searchParams }: Props) {
  await requireUser("personio:send");
  const raw = (await searchParams).ids;
  const ids = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((id) => typeof id === "string" && id.length <= 40);
  const [t, batch] = await Promise.all([getTranslations("toSend"), getReviewBatch(ids)]);
  const skipped = batch.requested - batch.candidates.length;

  return (
    <div className="space-y-6">
      <BackLink href="/to-send">{t("backToQueue")}</BackLink>
      <PageHeader title={t("reviewTitle")} intro={t("reviewIntro")} />
      {skipped > 0 && batch.candidates.length > 0 && (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
          {t("skipped", { count: skipped })}
        </p>
      )}
      {batch.candidates.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {t("noneLeft")}
        </p>
      ) : (
        <ClientMessages>
          <ReviewSequence candidates={batch.candidates} />
        </ClientMessages>
      )}
    </div>
  );
}
