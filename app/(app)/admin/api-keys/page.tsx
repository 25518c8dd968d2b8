import { getTranslations } from "next-intl/server";

import { ApiKeyTable } from "@/app/(app)/admin/api-keys/_components/api-key-table";
import { CreateApiKeyForm } from "@/app/(app)/admin/api-keys/_components/create-api-key-form";
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
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-600">
          {t.rich("intro", {
            docs: (chunks) => (
              <a href="/api/v1/openapi.json" className="text-indigo-700 underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
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
