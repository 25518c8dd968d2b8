"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type SettingsNavItem = { href: string; label: string };

// The admin area's sidebar: a column from the md breakpoint; above it on phones, one row that
// scrolls inside itself (so the page never gets wider than the screen). The current page is marked.
export function SettingsNav({ items, label }: { items: SettingsNavItem[]; label: string }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4 sm:-mx-6 sm:px-6 md:mx-0 md:overflow-visible md:px-0">
      <ul className="flex gap-1 border-b border-slate-200 pb-2 md:flex-col md:border-0 md:pb-0">
        {items.map((item) => {
          const current = isCurrent(item.href);
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${
                  current ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
