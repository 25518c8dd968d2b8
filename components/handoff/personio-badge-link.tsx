"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";

type Props = {
  tooltipId: string;
  href: string | null;
  texts: { label: string; description: string; newTab: string };
  size: "sm" | "md";
};

// Gap between the badge and its tooltip, and the least distance the tooltip keeps from the edges.
const GAP = 4;
const MARGIN = 8;

// The Personio badge: one click opens the employee in Personio (a link, in a new tab), as
// Recruitee's does. A mouse hover or keyboard focus shows who sent it and when as a tooltip, which
// Escape, a click or leaving closes (WCAG 1.4.13). The tooltip sits in the top layer (a manual
// popover, placed under the badge), so no table's scroll box clips it and nothing covers it; and it
// is there only while hovered or focused. Texts come finished from the server: no i18n runtime.
export function PersonioBadgeLink({ tooltipId, href, texts, size }: Props) {
  const badgeRef = useRef<HTMLAnchorElement & HTMLSpanElement>(null);
  const tooltipRef = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);

  useLayoutEffect(() => {
    const tooltip = tooltipRef.current;
    const badge = badgeRef.current;
    if (!tooltip || !badge) return;
    const inTopLayer = typeof tooltip.showPopover === "function";
    if (!open) {
      if (inTopLayer && tooltip.matches(":popover-open")) tooltip.hidePopover();
      return;
    }
    if (inTopLayer) tooltip.showPopover();
    const box = badge.getBoundingClientRect();
    const { offsetWidth: width, offsetHeight: height } = tooltip;
    const below = box.bottom + GAP;
    const top = below + height + MARGIN > window.innerHeight ? box.top - GAP - height : below;
    tooltip.style.top = `${Math.max(MARGIN, top)}px`;
    tooltip.style.left = `${Math.max(MARGIN, Math.min(box.left, window.innerWidth - width - MARGIN))}px`;
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") close();
    };
    document.addEventListener("keydown", onKeyDown);
    // Placed once under the badge: a scroll would leave it behind, so it closes instead.
    window.addEventListener("scroll", close, { capture: true, passive: true });
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("scroll", close, { capture: true });
    };
  }, [open]);

  const shape = size === "sm" ? "px-1.5 py-0.5 text-xs" : "px-2.5 py-1 text-sm";
  // White on emerald-700 is 5.5:1 (WCAG AA for this small text); emerald-600 was 3.8:1.
  const look = `inline-flex items-center gap-1 rounded-full bg-emerald-700 font-semibold text-white ${shape}`;
  const events = {
    // A touch opens the link at once; only a mouse or a pen hovers.
    onPointerEnter: (event: React.PointerEvent) => {
      if (event.pointerType !== "touch") setOpen(true);
    },
    onPointerLeave: () => setOpen(false),
  };
  const content = (
    <>
      <span aria-hidden="true">✓</span>
      {texts.label}
    </>
  );

  return (
    <>
      {href ? (
        <a
          ref={badgeRef}
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          aria-describedby={tooltipId}
          {...events}
          onFocus={(event) => {
            if (event.currentTarget.matches(":focus-visible")) setOpen(true);
          }}
          onBlur={() => setOpen(false)}
          onClick={() => setOpen(false)}
          className={`${look} hover:bg-emerald-800`}
        >
          {content}
          <span className="sr-only"> {texts.newTab}</span>
        </a>
      ) : (
        // No link (a subdomain the link template cannot use): the mark, with who and when for
        // screen readers inside it.
        <span ref={badgeRef} {...events} className={look}>
          {content}
          <span className="sr-only">: {texts.description}</span>
        </span>
      )}
      <span
        ref={tooltipRef}
        id={tooltipId}
        role="tooltip"
        popover="manual"
        className={`pointer-events-none fixed inset-auto z-50 m-0 w-max max-w-xs rounded-md border-0 bg-slate-900 px-2.5 py-1.5 text-xs font-normal text-white shadow-lg ${open ? "" : "hidden"}`}
      >
        {texts.description}
      </span>
    </>
  );
}
