import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

// The one table look: a bordered white card with a quiet header row. Below the md breakpoint a
// table never widens the page: it scrolls sideways inside its own card, or, with `stackBelowMd`,
// each row becomes a card of its own (the header row is then only for screen readers, and each
// Cell given a `label` shows it above its value). Plain elements and CSS only, so server and
// client components both use it. The explicit roles keep the table's semantics for assistive
// technology when the rows are displayed as blocks (browsers drop them for display: block): a
// stacked table's rows say role="row" too.

const STACKED =
  "max-md:block max-md:[&>thead]:sr-only max-md:[&>tbody]:block max-md:[&>tbody]:space-y-3 max-md:[&>tbody]:divide-y-0 " +
  "max-md:[&>tbody>tr]:block max-md:[&>tbody>tr]:rounded-lg max-md:[&>tbody>tr]:border max-md:[&>tbody>tr]:border-slate-200 max-md:[&>tbody>tr]:bg-white max-md:[&>tbody>tr]:py-2 " +
  "max-md:[&>tbody>tr>*]:block max-md:[&>tbody>tr>*]:py-1.5 " +
  // A labelled cell shows its label above the value (from data-label). Said once here for the
  // whole table rather than on every labelled cell, which each carried the same 230 characters
  // of classes in the HTML and again in React's payload (a third of the candidate list page).
  "max-md:[&>tbody>tr>[data-label]]:before:mb-0.5 max-md:[&>tbody>tr>[data-label]]:before:block " +
  "max-md:[&>tbody>tr>[data-label]]:before:text-xs max-md:[&>tbody>tr>[data-label]]:before:font-semibold " +
  "max-md:[&>tbody>tr>[data-label]]:before:uppercase max-md:[&>tbody>tr>[data-label]]:before:tracking-wide " +
  "max-md:[&>tbody>tr>[data-label]]:before:text-slate-500 max-md:[&>tbody>tr>[data-label]]:before:content-[attr(data-label)]";

export function Table({
  children,
  stackBelowMd = false,
  fitWidth = false,
}: {
  children: ReactNode;
  stackBelowMd?: boolean;
  // From md up, the columns share the card's width (table-layout: fixed) instead of widening
  // it: for tables of a file's arbitrary columns, whose cells cut long values.
  fitWidth?: boolean;
}) {
  if (stackBelowMd) {
    return (
      <div className="relative md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white">
        <table
          role="table"
          className={`min-w-full divide-y divide-slate-200 text-sm ${fitWidth ? "md:w-full md:table-fixed" : ""} ${STACKED}`}
        >
          {children}
        </table>
      </div>
    );
  }
  // Focusable, so a keyboard can scroll it sideways too when its cells hold no link or button
  // (WCAG 2.1.1; axe's scrollable-region-focusable).
  return (
    <div
      tabIndex={0}
      className="relative max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">{children}</table>
    </div>
  );
}

// The header row: pass one HeaderCell per column.
export function TableHead({ children }: { children: ReactNode }) {
  return (
    <thead
      role="rowgroup"
      className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
    >
      <tr role="row">{children}</tr>
    </thead>
  );
}

export function HeaderCell({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" role="columnheader" className={`px-4 py-3 ${className}`} {...props} />;
}

export function TableBody({ className = "", children }: { className?: string; children: ReactNode }) {
  return (
    <tbody role="rowgroup" className={`divide-y divide-slate-100 ${className}`}>
      {children}
    </tbody>
  );
}

// The label shows only in a stacked table below md (before the value, styled by the table).
export function Cell({ className = "", label, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { label?: string }) {
  return <td role="cell" className={`px-4 py-3 ${className}`} data-label={label} {...props} />;
}

// The cell that names its row (for screen readers, the row's header).
export function RowHeaderCell({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="row" role="rowheader" className={`px-4 py-3 text-left font-medium ${className}`} {...props} />;
}
