"use client";

import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";

// An item that cannot be chosen now stays in the menu, disabled, with the reason under its
// label (read with it by screen readers), so nobody wonders where it went.
export type MenuItem = { key: string; label: string; onSelect: () => void; disabledReason?: string };

// A menu button after the WAI-ARIA pattern: Enter/Space/ArrowDown open it, arrows move,
// Escape closes and returns focus to the button, a click outside closes it. `buttonRef` lets
// the owner return focus to the button after what an item opened (a dialog) closes.
export function DropdownMenu({
  label,
  items,
  emptyLabel,
  buttonRef: externalButtonRef,
}: {
  label: ReactNode;
  items: MenuItem[];
  emptyLabel: string;
  buttonRef?: RefObject<HTMLButtonElement | null>;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const ownButtonRef = useRef<HTMLButtonElement>(null);
  const buttonRef = externalButtonRef ?? ownButtonRef;
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    itemRefs.current[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: React.KeyboardEvent) => {
    const focusable = itemRefs.current.filter((item): item is HTMLButtonElement => item !== null);
    const index = focusable.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      focusable[(index + step + focusable.length) % focusable.length]?.focus();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  };

  return (
    <div
      ref={containerRef}
      className="relative inline-block text-left"
      onKeyDown={(event) => {
        if (open && event.key === "Escape") {
          event.preventDefault();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
          }
        }}
        className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
      >
        {label}
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          onKeyDown={onMenuKeyDown}
          className="absolute right-0 z-20 mt-2 min-w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {items.length === 0 ? (
            <p role="none" className="px-4 py-2 text-sm text-slate-500">
              {emptyLabel}
            </p>
          ) : (
            items.map((item, index) => (
              <button
                key={item.key}
                ref={(element) => {
                  itemRefs.current[index] = element;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                aria-disabled={item.disabledReason ? true : undefined}
                aria-describedby={item.disabledReason ? `${menuId}-${item.key}-reason` : undefined}
                onClick={() => {
                  if (item.disabledReason) return;
                  setOpen(false);
                  item.onSelect();
                }}
                className={`block w-full max-w-80 px-4 py-2 text-left text-sm focus:bg-slate-100 focus:outline-none ${
                  item.disabledReason ? "cursor-not-allowed text-slate-500" : "text-slate-800 hover:bg-slate-100"
                }`}
              >
                {item.label}
                {item.disabledReason && (
                  // Out of the item's name (it stays "Send to Personio"), read as its description.
                  <span
                    id={`${menuId}-${item.key}-reason`}
                    aria-hidden="true"
                    className="mt-0.5 block text-xs text-slate-600"
                  >
                    {item.disabledReason}
                  </span>
                )}
              </button>
            ))
          )}
        </div>
      )}
    </div>
  );
}
