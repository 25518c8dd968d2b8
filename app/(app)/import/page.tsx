import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

import { ImportDropzone } from "@/app/(app)/import/_components/import-dropzone";
import { requireUser } from "@/lib/auth/require-user";
import { listRecentImports } from "@/lib/imports/service";

export async function generateMetadata() {
  const t = await getTranslations("imports");
  return { title: t("title") };
}

export default async function ImportPage() {
  await requireUser("candidates:import");
  const [t, format, recent] = await Promise.all([getTranslations("imports"), getFormatter(), listRecentImports()]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-600">{t("intro")}</p>
      </div>
      <ImportDropzone />
      <section aria-labelledby="recent-imports" className="space-y-3">
        <h2 id="recent-imports" className="text-lg font-semibold">
          {t("recent")}
        </h2>
        {recent.length === 0 ? (
          <p className="text-sm text-slate-600">{t("recentEmpty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">{t("recentColumns.file")}</th>
                  <th scope="col" className="px-4 py-3">{t("recentColumns.started")}</th>
                  <th scope="col" className="px-4 py-3">{t("recentColumns.status")}</th>
                  <th scope="col" className="px-4 py-3">{t("recentColumns.result")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {recent.map((item) => (
                  <tr key={item.id}>
                    <td className="px-4 py-3">
                      <Link href={`/import/${item.id}`} className="font-medium text-indigo-700 hover:underline">
                        {item.fileName}
                      </Link>
                    </td>
                    <td className="px-4 py-3 text-slate-700">{format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td className="px-4 py-3">{t(`status.${item.status}` as "status.DONE")}</td>
                    <td className="px-4 py-3 text-slate-700">
                      {item.status === "DONE"
                        ? t("resultSummary", { created: item.createdCount, updated: item.updatedCount, unchanged: item.unchangedCount, rejected: item.rejectedCount })
                        : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
