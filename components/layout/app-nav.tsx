"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

export type NavItem = {
  href: string;
  label: string;
  count?: { value: number; shown: string; label: string };
  // A decorative sign before the label.
  icon?: string;
  // Marked current on every page under these paths (Settings: the whole admin area), not only under href.
  currentFor?: string[];
  // Set apart at the bar's far end (Settings, beside the profile menu).
  end?: boolean;
};

// The main navigation: inline from the md breakpoint, behind a Menu button below it (so no
// page is wider than a phone). The current page is marked (aria-current and a visible style).
export function AppNav({ items, menuLabel, navLabel }: { items: NavItem[]; menuLabel: string; navLabel: string }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [shownFor, setShownFor] = useState(pathname);
  // Following a link closes the menu.
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  const isUnder = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const isCurrent = (item: NavItem) => (item.currentFor ?? [item.href]).some(isUnder);

  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="app-nav-panel"
        onClick={() => setOpen((value) => !value)}
        className="ml-auto inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 md:hidden"
      >
        <span aria-hidden="true">{open ? "✕" : "☰"}</span>
        {menuLabel}
      </button>
      <div
        id="app-nav-panel"
        className={`${open ? "flex" : "hidden"} order-last w-full flex-col border-t border-slate-200 pt-3 md:order-none md:flex md:w-auto md:flex-1 md:flex-row md:items-center md:border-0 md:pt-0`}
      >
        <nav aria-label={navLabel} className="flex flex-col gap-1 md:flex-1 md:flex-row">
          {items.map((item) => {
            const current = isCurrent(item);
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${
                  item.end ? "md:ml-auto" : ""
                } ${current ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {item.icon && <span aria-hidden="true">{item.icon}</span>}
                {item.label}
                {item.count && item.count.value > 0 && (
                  <span className="rounded-full bg-indigo-700 px-2 py-0.5 text-xs font-semibold text-white">
                    <span aria-hidden="true">{item.count.shown}</span>
                    <span className="sr-only">{item.count.label}</span>
                  </span>
                )}
              </Link>
            );
          })}
        </nav>
      </div>
    </>
  );
}
