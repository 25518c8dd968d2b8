"use client";

import { useTranslations } from "next-intl";

import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { IMPORT_FIELDS, type ColumnMapping } from "@/lib/imports/fields";
import { describeRowProblem } from "@/lib/imports/problem-text";
import type { RowProblem } from "@/lib/imports/rows";

type Row = { rowNumber: number; cells: readonly string[]; problems: readonly RowProblem[] };

// File rows as the import reads them: the row number, its problems in words, then only the mapped
// columns, named by the field they fill (the file's own header beneath). Unmapped columns are not
// imported, so they are left out; the columns share the card's width (a 1440 px screen shows the
// whole table), cutting long values, which show whole on hover. On phones each row is a card with
// the same labelled values.
export function ImportRowsTable({
  headers,
  mapping,
  rows,
  testIdPrefix,
}: {
  headers: readonly string[];
  mapping: ColumnMapping;
  rows: readonly Row[];
  testIdPrefix: string;
}) {
  const t = useTranslations("imports");
  const tStages = useTranslations("stages");
  const columns = IMPORT_FIELDS.flatMap((field) => {
    const index = mapping[field];
    return index === undefined ? [] : [{ field, index, header: headers[index] || `#${index + 1}` }];
  });
  const words = {
    problem: (problem: RowProblem) => t(`problems.${problem}`),
    unknownStage: (values: { value: string; accepted: string }) => t("problemDetails.unknown_stage", values),
    stage: (stage: Parameters<typeof tStages>[0]) => tStages(stage),
  };
  return (
    <Table stackBelowMd fitWidth>
      <TableHead>
        <HeaderCell className="w-16 px-3">{t("preview.row")}</HeaderCell>
        <HeaderCell className="w-1/4 px-3">{t("preview.problems")}</HeaderCell>
        {columns.map(({ field, index, header }) => (
          <HeaderCell key={index} className="truncate px-3" title={header}>
            {t(`fields.${field}`)}
            <span className="block truncate font-normal tracking-normal text-slate-500 normal-case">{header}</span>
          </HeaderCell>
        ))}
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <tr
            key={row.rowNumber}
            role="row"
            className={row.problems.length ? "bg-red-50" : undefined}
            data-testid={`${testIdPrefix}-${row.rowNumber}`}
          >
            <Cell label={t("preview.row")} className="px-3 text-slate-500">
              {row.rowNumber}
            </Cell>
            <Cell label={t("preview.problems")} className="px-3 break-words">
              {row.problems.length === 0 ? (
                <span className="text-green-700">{t("preview.ok")}</span>
              ) : (
                <ul className="space-y-0.5 text-red-800">
                  {row.problems.map((problem) => (
                    <li key={problem}>{describeRowProblem(problem, { cells: row.cells, mapping }, words)}</li>
                  ))}
                </ul>
              )}
            </Cell>
            {columns.map(({ field, index }) => (
              <Cell
                key={index}
                label={t(`fields.${field}`)}
                className="px-3 break-words md:truncate"
                title={row.cells[index] ?? ""}
              >
                {row.cells[index] ?? ""}
              </Cell>
            ))}
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
