"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";

import { buttonClassName } from "@/components/ui/button";
import { Cell, HeaderCell, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";

export type QueueRow = {
  id: string;
  name: string;
  email: string;
  job: string;
  added: string;
  addedIso: string;
  state: "new" | "lastAttemptFailed" | "waitingForLink";
  /** What a person must decide before it can be sent ("Office “Berlin HQ” has no Personio value"). */
  blocker: string | null;
};

const STATE_CHIP: Record<QueueRow["state"], string> = {
  new: "bg-slate-100 text-slate-700",
  lastAttemptFailed: "bg-red-100 text-red-800",
  waitingForLink: "bg-amber-100 text-amber-900",
};

// The queue as a table with a checkbox per candidate (a card per candidate on phones). A plain
// GET form: Review & send opens /to-send/review?ids=…, which works without this script too (the
// count and "select all" need it). The Review & send bar comes after the table in the page, so
// on phones it can stick to the bottom of the screen; from md on it is shown above the table.
export function QueueList({ rows }: { rows: QueueRow[] }) {
  const t = useTranslations("toSend");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const allSelected = selected.size === rows.length;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <form action="/to-send/review" method="get" className="flex flex-col gap-4">
      <label className="inline-flex items-center gap-2 self-start text-sm text-slate-700">
        <input
          type="checkbox"
          className="size-4 rounded border-slate-400"
          checked={allSelected}
          onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))}
        />
        {t("selectAll")}
      </label>
      <Table stackBelowMd>
        <caption className="sr-only">{t("title")}</caption>
        <TableHead>
          <HeaderCell className="w-10">
            <span className="sr-only">{t("columns.select")}</span>
          </HeaderCell>
          <HeaderCell>{t("columns.name")}</HeaderCell>
          <HeaderCell>{t("columns.email")}</HeaderCell>
          <HeaderCell>{t("columns.job")}</HeaderCell>
          <HeaderCell aria-sort="descending">
            {t("columns.added")} <span aria-hidden="true">↓</span>
          </HeaderCell>
          <HeaderCell>{t("columns.state")}</HeaderCell>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            // On phones the checkbox sits in the card's top right corner, beside the name.
            <tr key={row.id} role="row" className="relative hover:bg-slate-50 max-md:pr-10">
              <Cell className="max-md:absolute max-md:right-1 max-md:top-1">
                {/* A larger tap target than the box itself. */}
                <label className="-m-2 inline-flex p-2">
                  <input
                    type="checkbox"
                    name="ids"
                    value={row.id}
                    aria-label={t("select", { name: row.name })}
                    checked={selected.has(row.id)}
                    onChange={() => toggle(row.id)}
                    className="size-4 rounded border-slate-400"
                  />
                </label>
              </Cell>
              <RowHeaderCell>
                <Link href={`/candidates/${row.id}`} className="text-indigo-700 hover:underline">
                  {row.name}
                </Link>
              </RowHeaderCell>
              {/* On phones a compact card: email and job need no label, the date and the state
                  share a line (the columns' names stay in the table's header for screen readers). */}
              <Cell className="break-all text-slate-600 max-md:py-0.5!">{row.email}</Cell>
              <Cell className="max-md:py-0.5!">{row.job}</Cell>
              <Cell className="whitespace-nowrap text-slate-600 max-md:inline-block! max-md:pr-2">
                <time dateTime={row.addedIso}>{row.added}</time>
              </Cell>
              <Cell className="max-md:inline-block! max-md:px-0">
                <span
                  className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${STATE_CHIP[row.state]}`}
                >
                  {t(row.state)}
                </span>
                {row.blocker && (
                  <span className="mt-1 block text-xs text-amber-900" data-testid="queue-blocker">
                    {row.blocker}
                  </span>
                )}
              </Cell>
            </tr>
          ))}
        </TableBody>
      </Table>
      <div className="sticky bottom-0 z-10 -mx-4 flex items-center justify-between gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-2px_6px_rgba(15,23,42,0.06)] md:static md:order-first md:mx-0 md:justify-end md:border-0 md:bg-transparent md:p-0 md:shadow-none">
        <p className="text-sm text-slate-600 md:hidden" aria-hidden="true">
          {t("selectedCount", { count: selected.size })}
        </p>
        <button
          type="submit"
          disabled={selected.size === 0}
          className={buttonClassName("primary")}
          aria-describedby={selected.size === 0 ? "queue-review-hint" : undefined}
        >
          {t("reviewSelected", { count: selected.size })}
        </button>
        {selected.size === 0 && (
          <p id="queue-review-hint" className="sr-only">
            {t("reviewHint")}
          </p>
        )}
      </div>
    </form>
  );
}
