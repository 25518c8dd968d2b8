import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

// The one table look: a bordered white card that scrolls sideways on narrow screens, with a
// quiet header row. Plain elements, so server and client components both use it.

export function Table({ children }: { children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">{children}</table>
    </div>
  );
}

// The header row: pass one HeaderCell per column.
export function TableHead({ children }: { children: ReactNode }) {
  return (
    <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
      <tr>{children}</tr>
    </thead>
  );
}

export function HeaderCell({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`px-4 py-3 ${className}`} {...props} />;
}

export function TableBody({ className = "", children }: { className?: string; children: ReactNode }) {
  return <tbody className={`divide-y divide-slate-100 ${className}`}>{children}</tbody>;
}

export function Cell({ className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-4 py-3 ${className}`} {...props} />;
}

// The cell that names its row (for screen readers, the row's header).
export function RowHeaderCell({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="row" className={`px-4 py-3 text-left font-medium ${className}`} {...props} />;
}
