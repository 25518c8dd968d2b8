"use client";

import dynamic from "next/dynamic";
import { useEffect, useId, useRef, useState } from "react";

import { useHydrated } from "@/components/ui/use-hydrated";
import type { Locale } from "@/lib/i18n/config";

// The panel (its form, the time zone list, the save action) loads on the first opening: this
// button is on every page, the panel is used now and then. Texts come finished from the server,
// so no i18n runtime loads either (lib/i18n/client-messages.ts).
const ProfilePanel = dynamic(() => import("./profile-panel").then((module) => module.ProfilePanel), { ssr: false });

export type ProfileMenuTexts = {
  button: string;
  signedInAs: string;
  role: string;
  heading: string;
  language: string;
  timeZone: string;
  timeZoneHint: string;
  timeZoneSearch: string;
  timeZoneNoMatch: string;
  /** Region names by IANA region ("Europe" → "Europa"). */
  timeZoneRegions: Record<string, string>;
  save: string;
  saving: string;
  signOut: string;
  // The account page: password, sessions.
  account: string;
  invalid: string;
  unauthenticated: string;
  unexpected: string;
};

type Props = { initials: string; name: string; locale: Locale; timeZone: string; texts: ProfileMenuTexts };

// The signed-in person's menu in the header: who they are, their language and time zone, sign out.
export function ProfileMenu({ initials, name, locale, timeZone, texts }: Props) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  return (
    <div
      ref={containerRef}
      className="relative"
      onKeyDown={(event) => {
        if (open && event.key === "Escape") {
          event.preventDefault();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={texts.button}
        disabled={!hydrated}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        {/* The initials are drawn by CSS, not written as text: they are a picture of the person,
            and as text they would be visible words missing from the button's name (WCAG 2.5.3). */}
        <span
          aria-hidden="true"
          data-initials={initials}
          className="inline-flex size-7 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-800 before:content-[attr(data-initials)]"
        />
        <span className="hidden max-w-40 truncate sm:inline">{name}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ProfilePanel id={panelId} locale={locale} timeZone={timeZone} texts={texts} onSaved={() => setOpen(false)} />
      )}
    </div>
  );
}
