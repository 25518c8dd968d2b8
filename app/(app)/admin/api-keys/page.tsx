import { getTranslations } from "next-intl/server";

import { ApiKeyTable } from "@/app/(app)/admin/api-keys/_components/api-key-table";
import { CreateApiKeyForm } from "@/app/(app)/admin/api-keys/_components/create-api-key-form";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api-keys/service";
import { requireUser } from "@/lib/auth/require-user";

export async function generateMetadata() {
  const t = await getTranslations("apiKeys");
  return { title: t("title") };
}

export default async function ApiKeysPage() {
  await requireUser("integrations:manage");
  const [t, keys] = await Promise.all([getTranslations("apiKeys"), listApiKeys()]);
  return (
    <div className="space-y-8">
      <PageHeader
        title={t("title")}
        intro={t.rich("intro", {
          docs: (chunks) => (
            <a href="/api/v1/openapi.json" className="text-indigo-700 underline">
              {chunks}
            </a>
          ),
        })}
      />
      <section aria-labelledby="create-key-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="create-key-heading" className="text-lg font-semibold">
          {t("create")}
        </h2>
        <CreateApiKeyForm />
      </section>
      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-semibold">
          {t("listTitle")}
        </h2>
        <ApiKeyTable
          keys={keys.map((key) => ({
            ...key,
            expiresAt: key.expiresAt?.toISOString() ?? null,
            revokedAt: key.revokedAt?.toISOString() ?? null,
            lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
            createdAt: key.createdAt.toISOString(),
          }))}
        />
      </section>
    </div>
  );
}
