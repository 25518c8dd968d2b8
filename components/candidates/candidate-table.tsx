import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { StageBadge } from "@/components/candidates/stage-badge";
import { PersonioBadge } from "@/components/handoff/personio-badge";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { CandidateListRow } from "@/lib/candidates/queries";
import type { PersonioBadgeData } from "@/lib/handoff/queries";

export async function CandidateTable({
  rows,
  badges,
}: {
  rows: CandidateListRow[];
  badges?: Map<string, PersonioBadgeData>;
}) {
  const [t, tStages, format] = await Promise.all([
    getTranslations("candidates"),
    getTranslations("stages"),
    getFormatter(),
  ]);

  if (rows.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
        <p className="font-medium">{t("emptyTitle")}</p>
        <p className="mt-1 text-sm text-slate-600">{t("emptyHint")}</p>
      </div>
    );
  }

  return (
    <Table stackBelowMd>
      <TableHead>
        <HeaderCell>{t("columns.name")}</HeaderCell>
        <HeaderCell>{t("columns.email")}</HeaderCell>
        <HeaderCell>{t("columns.job")}</HeaderCell>
        <HeaderCell>{t("columns.stage")}</HeaderCell>
        <HeaderCell aria-sort="descending">
          {t("columns.added")} <span aria-hidden="true">↓</span>
        </HeaderCell>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <tr key={row.id} role="row" className="hover:bg-slate-50">
            <Cell className="font-medium">
              <span className="flex flex-wrap items-center gap-2">
                <Link href={`/candidates/${row.id}`} className="text-indigo-700 hover:underline">
                  {row.firstName} {row.lastName}
                </Link>
                {badges?.get(row.id) && <PersonioBadge candidateId={row.id} badge={badges.get(row.id)!} size="sm" />}
              </span>
            </Cell>
            <Cell label={t("columns.email")} className="break-all text-slate-600">
              {row.email}
            </Cell>
            <Cell label={t("columns.job")}>{row.job.title}</Cell>
            <Cell label={t("columns.stage")}>
              <StageBadge stage={row.stage} t={tStages} />
            </Cell>
            <Cell label={t("columns.added")} className="text-slate-600">
              {format.dateTime(row.createdAt, { dateStyle: "medium" })}
            </Cell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
