"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";

import { buttonClassName } from "@/components/ui/button";

export type QueueRow = {
  id: string;
  name: string;
  email: string;
  job: string;
  added: string;
  addedIso: string;
  state: "new" | "lastAttemptFailed" | "waitingForLink";
};

// The queue with a checkbox per candidate. A plain GET form: Review & send opens
// /to-send/review?ids=…, which works without this script too (the count and "select all" need it).
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
    <form action="/to-send/review" method="get" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label className="inline-flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="size-4 rounded border-slate-400"
            checked={allSelected}
            onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))}
          />
          {t("selectAll")}
        </label>
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
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label={t("title")}>
        {rows.map((row) => (
          <li key={row.id} className="flex items-start gap-3 px-4 py-3">
            <input
              type="checkbox"
              name="ids"
              value={row.id}
              id={`queue-${row.id}`}
              aria-label={t("select", { name: row.name })}
              checked={selected.has(row.id)}
              onChange={() => toggle(row.id)}
              className="mt-1 size-4 shrink-0 rounded border-slate-400"
            />
            <div className="grid min-w-0 flex-1 gap-x-4 gap-y-0.5 text-sm md:grid-cols-[minmax(0,2fr)_minmax(0,2fr)_minmax(0,1.5fr)_auto]">
              <Link href={`/candidates/${row.id}`} className="truncate font-medium text-indigo-700 hover:underline">
                {row.name}
              </Link>
              <span className="truncate text-slate-600">{row.email}</span>
              <span className="truncate text-slate-600">{row.job}</span>
              <span className="flex flex-wrap items-center gap-2 text-slate-600">
                <time dateTime={row.addedIso}>{row.added}</time>
                {row.state !== "new" && (
                  <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                    {t(row.state)}
                  </span>
                )}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </form>
  );
}
