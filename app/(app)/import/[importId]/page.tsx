import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { ImportFlow } from "@/app/(app)/import/[importId]/_components/import-flow";
import { QueryProvider } from "@/components/query-provider";
import { BackLink } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { getImportStatus } from "@/lib/imports/service";

type Props = { params: Promise<{ importId: string }> };

export async function generateMetadata() {
  const t = await getTranslations("imports");
  return { title: t("title") };
}

export default async function ImportDetailPage({ params }: Props) {
  await requireUser("candidates:import");
  const [t, status] = await Promise.all([getTranslations("imports"), getImportStatus((await params).importId)]);
  if (!status) notFound();
  return (
    <div className="space-y-6">
      <BackLink href="/import">{t("back")}</BackLink>
      <QueryProvider>
        <ImportFlow initial={status} />
      </QueryProvider>
    </div>
  );
}
