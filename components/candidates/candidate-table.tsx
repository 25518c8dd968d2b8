import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

import { StageBadge } from "@/components/candidates/stage-badge";
import { PersonioBadge } from "@/components/handoff/personio-badge";
import type { CandidateListRow } from "@/lib/candidates/queries";
import type { PersonioBadgeData } from "@/lib/handoff/queries";

export async function CandidateTable({
  rows,
  badges,
}: {
  rows: CandidateListRow[];
  badges?: Map<string, PersonioBadgeData>;
}) {
  const [t, format] = await Promise.all([getTranslations("candidates"), getFormatter()]);

  if (rows.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
        <p className="font-medium">{t("emptyTitle")}</p>
        <p className="mt-1 text-sm text-slate-600">{t("emptyHint")}</p>
      </div>
    );
  }

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3">{t("columns.name")}</th>
            <th scope="col" className="px-4 py-3">{t("columns.email")}</th>
            <th scope="col" className="px-4 py-3">{t("columns.job")}</th>
            <th scope="col" className="px-4 py-3">{t("columns.stage")}</th>
            <th scope="col" aria-sort="descending" className="px-4 py-3">
              {t("columns.added")} <span aria-hidden="true">↓</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className="px-4 py-3 font-medium">
                <span className="flex flex-wrap items-center gap-2">
                  <Link href={`/candidates/${row.id}`} className="text-indigo-700 hover:underline">
                    {row.firstName} {row.lastName}
                  </Link>
                  {badges?.get(row.id) && <PersonioBadge candidateId={row.id} badge={badges.get(row.id)!} size="sm" />}
                </span>
              </td>
              <td className="px-4 py-3 text-slate-600">{row.email}</td>
              <td className="px-4 py-3">{row.job.title}</td>
              <td className="px-4 py-3">
                <StageBadge stage={row.stage} />
              </td>
              <td className="px-4 py-3 text-slate-600">
                {format.dateTime(row.createdAt, { dateStyle: "medium" })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
