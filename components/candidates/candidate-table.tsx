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
  const [t, tStages, tPrivacy, format] = await Promise.all([
    getTranslations("candidates"),
    getTranslations("stages"),
    getTranslations("privacy"),
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
          // On phones a compact card (name and stage, email, job and date: three short lines), so
          // a 390 × 844 screen shows four or more; the table's labels are left out there.
          <tr
            key={row.id}
            role="row"
            className="hover:bg-slate-50 max-md:grid! max-md:grid-cols-[minmax(0,1fr)_auto] max-md:gap-x-3 max-md:gap-y-0.5 max-md:px-3 max-md:py-2.5!"
          >
            <Cell className="font-medium max-md:p-0!">
              <span className="flex flex-wrap items-center gap-2">
                <Link href={`/candidates/${row.id}`} className="text-indigo-700 hover:underline">
                  {/* A sent candidate whose personal data was erased (lib/privacy) has no name left. */}
                  {row.firstName || row.lastName ? `${row.firstName} ${row.lastName}` : tPrivacy("erasedPerson")}
                </Link>
                {badges?.get(row.id) && <PersonioBadge candidateId={row.id} badge={badges.get(row.id)!} size="sm" />}
              </span>
            </Cell>
            <Cell className="text-slate-600 md:whitespace-nowrap max-md:col-span-2 max-md:truncate max-md:p-0! max-md:text-xs">
              {row.email}
            </Cell>
            <Cell className="max-md:p-0! max-md:text-xs max-md:text-slate-600">{row.job.title}</Cell>
            <Cell className="max-md:col-start-2 max-md:row-start-1 max-md:p-0! max-md:text-right">
              <StageBadge stage={row.stage} t={tStages} />
            </Cell>
            <Cell className="text-slate-600 max-md:p-0! max-md:text-right max-md:text-xs">
              {format.dateTime(row.createdAt, { dateStyle: "medium" })}
            </Cell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
