import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { ImportAccess } from "@/app/(app)/import/_components/import-access";
import { ImportDropzone } from "@/app/(app)/import/_components/import-dropzone";
import { PageHeader } from "@/components/ui/page-header";
import { Cell, HeaderCell, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/require-user";
import { listRoleImportAccess } from "@/lib/imports/role-access";
import { listRecentImports } from "@/lib/imports/service";
import { can } from "@/lib/permissions";

export async function generateMetadata() {
  const t = await getTranslations("imports");
  return { title: t("title") };
}

export default async function ImportPage() {
  const user = await requireUser("candidates:import");
  const canGrant = can(user, "users:manage");
  const [t, format, recent, access] = await Promise.all([
    getTranslations("imports"),
    getFormatter(),
    listRecentImports(),
    canGrant ? listRoleImportAccess() : null,
  ]);
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} intro={t("intro")} />
      <ImportDropzone />
      <section aria-labelledby="recent-imports" className="space-y-3">
        <h2 id="recent-imports" className="text-lg font-semibold">
          {t("recent")}
        </h2>
        {recent.length === 0 ? (
          <p className="text-sm text-slate-600">{t("recentEmpty")}</p>
        ) : (
          <Table>
            <TableHead>
              <HeaderCell>{t("recentColumns.file")}</HeaderCell>
              <HeaderCell>{t("recentColumns.started")}</HeaderCell>
              <HeaderCell>{t("recentColumns.status")}</HeaderCell>
              <HeaderCell>{t("recentColumns.result")}</HeaderCell>
            </TableHead>
            <TableBody>
              {recent.map((item) => (
                <tr key={item.id}>
                  <RowHeaderCell>
                    <Link href={`/import/${item.id}`} className="text-indigo-700 hover:underline">
                      {item.fileName}
                    </Link>
                  </RowHeaderCell>
                  <Cell className="text-slate-700">
                    {format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </Cell>
                  <Cell>{t(`status.${item.status}` as "status.DONE")}</Cell>
                  <Cell className="text-slate-700">
                    {item.status === "DONE"
                      ? t("resultSummary", {
                          created: item.createdCount,
                          updated: item.updatedCount,
                          unchanged: item.unchangedCount,
                          rejected: item.rejectedCount,
                        })
                      : "—"}
                  </Cell>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      {access && (
        <section aria-labelledby="import-access" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="import-access" className="text-lg font-semibold">
            {t("access.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("access.intro")}</p>
          <ImportAccess roles={access} />
        </section>
      )}
    </div>
  );
}
