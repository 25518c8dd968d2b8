"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, useTransition, type FormEvent } from "react";

import { savePreferencesAction } from "@/app/(app)/actions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/config";
import { listTimeZones, timeZoneLabel } from "@/lib/i18n/time-zones";

// Finished texts from the server: this menu is on every page and loads no i18n runtime.
export type ProfileMenuTexts = {
  button: string;
  signedInAs: string;
  role: string;
  heading: string;
  language: string;
  timeZone: string;
  timeZoneHint: string;
  save: string;
  saving: string;
  signOut: string;
  invalid: string;
  unauthenticated: string;
  unexpected: string;
};

type Props = {
  initials: string;
  name: string;
  locale: Locale;
  timeZone: string;
  texts: ProfileMenuTexts;
};

// "GMT+1" for a zone right now, in the page's language, to help pick among similar names.
function zoneOptions(locale: string, current: string) {
  const now = new Date();
  const zones = listTimeZones();
  if (!zones.includes(current)) zones.unshift(current);
  return zones.map((zone) => {
    const offset = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "shortOffset" })
      .formatToParts(now)
      .find((part) => part.type === "timeZoneName")?.value;
    return { zone, label: offset ? `${timeZoneLabel(zone)} (${offset})` : timeZoneLabel(zone) };
  });
}

// The signed-in person's menu in the header: who they are, their language and time zone, sign out.
// Saving refreshes the page, which the server renders again in the new language and zone.
export function ProfileMenu({ initials, name, locale, timeZone, texts }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const firstFieldRef = useRef<HTMLSelectElement>(null);
  // About 400 zones, listed from the browser's own data when the menu first opens.
  const zones = useMemo(() => (open ? zoneOptions(locale, timeZone) : []), [open, locale, timeZone]);

  useEffect(() => {
    if (!open) return;
    firstFieldRef.current?.focus();
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

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFailure(null);
    startTransition(async () => {
      // The server checks both values again; the lists only offer valid ones.
      const input = { locale: form.get("locale") as Locale, timeZone: String(form.get("timeZone")) };
      const result = await savePreferencesAction(input).catch(() => undefined);
      if (result?.data) {
        setOpen(false);
        router.refresh();
        return;
      }
      const code = result?.serverError?.code;
      setFailure(result?.validationErrors ? texts.invalid : code === "unauthenticated" ? texts.unauthenticated : texts.unexpected);
    });
  };

  const control = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";
  return (
    <div
      ref={containerRef}
      className="relative"
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
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={texts.button}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        <span aria-hidden="true" className="inline-flex size-7 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-800">
          {initials}
        </span>
        <span className="hidden max-w-40 truncate sm:inline">{name}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label={texts.heading}
          className="absolute right-0 z-30 mt-2 w-[min(22rem,calc(100vw-2rem))] space-y-4 rounded-md border border-slate-200 bg-white p-4 shadow-lg"
        >
          <div className="text-sm">
            <p className="font-medium">{texts.signedInAs}</p>
            <p className="text-slate-600">{texts.role}</p>
          </div>
          <form onSubmit={save} className="space-y-3 border-t border-slate-200 pt-3">
            <h2 className="text-sm font-semibold">{texts.heading}</h2>
            {failure && <Alert tone="error">{failure}</Alert>}
            <fieldset disabled={pending} className="space-y-3">
              <div>
                <label htmlFor={`${panelId}-locale`} className="mb-1 block text-sm font-medium text-slate-700">
                  {texts.language}
                </label>
                <select ref={firstFieldRef} id={`${panelId}-locale`} name="locale" defaultValue={locale} className={control}>
                  {LOCALES.map((code) => (
                    <option key={code} value={code} lang={code}>
                      {LOCALE_NAMES[code]}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`${panelId}-zone`} className="mb-1 block text-sm font-medium text-slate-700">
                  {texts.timeZone}
                </label>
                <select
                  id={`${panelId}-zone`}
                  name="timeZone"
                  defaultValue={timeZone}
                  aria-describedby={`${panelId}-zone-hint`}
                  className={control}
                >
                  {zones.map(({ zone, label }) => (
                    <option key={zone} value={zone}>
                      {label}
                    </option>
                  ))}
                </select>
                <p id={`${panelId}-zone-hint`} className="mt-1 text-xs text-slate-500">
                  {texts.timeZoneHint}
                </p>
              </div>
              <Button type="submit" aria-busy={pending || undefined}>
                {pending ? texts.saving : texts.save}
              </Button>
            </fieldset>
          </form>
          <div className="border-t border-slate-200 pt-3">
            <SignOutButton label={texts.signOut} />
          </div>
        </div>
      )}
    </div>
  );
}
