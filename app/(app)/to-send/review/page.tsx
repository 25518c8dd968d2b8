import { getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/i18n/client-messages";
import { QueryProvider } from "@/components/query-provider";
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
  const user = await requireUser("personio:send");
  const raw = (await searchParams).ids;
  const ids = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((id) => typeof id === "string" && id.length <= 40);
  const [t, batch] = await Promise.all([
    getTranslations("toSend"),
    getReviewBatch({ candidateIds: ids, userId: user.id }),
  ]);

  return (
    <div className="space-y-6">
      <BackLink href="/to-send">{t("backToQueue")}</BackLink>
      <PageHeader title={t("reviewTitle")} intro={t("reviewIntro")} />
      {/* Always rendered, even when nothing is left: the sequence keeps the batch it started
          with, so the page's refreshes after each send (the nav's count) do not end it. */}
      <ClientMessages>
        <QueryProvider>
          <ReviewSequence batch={batch} />
        </QueryProvider>
      </ClientMessages>
    </div>
  );
}
