import Link from "next/link";
import type { ReactNode } from "react";

type Props = {
  title: ReactNode;
  // A sentence under the title.
  intro?: ReactNode;
  // Shown right beside the title (a status badge).
  beside?: ReactNode;
  // Shown at the far end of the header (a menu, a count).
  end?: ReactNode;
};

// Every page's title block: the page's one h1, optionally with a line under it.
export function PageHeader({ title, intro, beside, end }: Props) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-4">
      <div>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{title}</h1>
          {beside}
        </div>
        {intro && <p className="mt-1 max-w-prose text-slate-600">{intro}</p>}
      </div>
      {end}
    </header>
  );
}

// "← Back" above a page's header.
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-sm text-indigo-700 hover:underline">
      ← {children}
    </Link>
  );
}
