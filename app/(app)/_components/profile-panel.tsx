"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, useTransition, type FormEvent } from "react";

import { savePreferencesAction } from "@/app/(app)/actions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/config";
import { listTimeZones, timeZoneLabel } from "@/lib/i18n/time-zones";

import type { ProfileMenuTexts } from "./profile-menu";

type Props = { id: string; locale: Locale; timeZone: string; texts: ProfileMenuTexts; onSaved: () => void };

// Each zone with its offset right now ("Europe/Berlin (GMT+1)"), in the page's language, from the
// browser's own list; the server accepts the same list (lib/i18n/time-zones.ts).
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

// The profile menu's content, loaded when the menu first opens (it is not needed on most visits).
// Saving refreshes the page, which the server renders again in the new language and zone.
export function ProfilePanel({ id, locale, timeZone, texts, onSaved }: Props) {
  const router = useRouter();
  const fieldId = useId();
  const firstFieldRef = useRef<HTMLSelectElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const zones = useMemo(() => zoneOptions(locale, timeZone), [locale, timeZone]);

  useEffect(() => firstFieldRef.current?.focus(), []);

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFailure(null);
    startTransition(async () => {
      // The server checks both values again; the lists only offer valid ones.
      const input = { locale: form.get("locale") as Locale, timeZone: String(form.get("timeZone")) };
      const result = await savePreferencesAction(input).catch(() => undefined);
      if (result?.data) {
        onSaved();
        router.refresh();
        return;
      }
      const code = result?.serverError?.code;
      setFailure(
        result?.validationErrors
          ? texts.invalid
          : code === "unauthenticated"
            ? texts.unauthenticated
            : texts.unexpected,
      );
    });
  };

  const control = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";
  return (
    <div
      id={id}
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
            <label htmlFor={`${fieldId}-locale`} className="mb-1 block text-sm font-medium text-slate-700">
              {texts.language}
            </label>
            <select
              ref={firstFieldRef}
              id={`${fieldId}-locale`}
              name="locale"
              defaultValue={locale}
              className={control}
            >
              {LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LOCALE_NAMES[code]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${fieldId}-zone`} className="mb-1 block text-sm font-medium text-slate-700">
              {texts.timeZone}
            </label>
            <select
              id={`${fieldId}-zone`}
              name="timeZone"
              defaultValue={timeZone}
              aria-describedby={`${fieldId}-zone-hint`}
              className={control}
            >
              {zones.map(({ zone, label }) => (
                <option key={zone} value={zone}>
                  {label}
                </option>
              ))}
            </select>
            <p id={`${fieldId}-zone-hint`} className="mt-1 text-xs text-slate-500">
              {texts.timeZoneHint}
            </p>
          </div>
          <Button type="submit" aria-busy={pending || undefined}>
            {pending ? texts.saving : texts.save}
          </Button>
        </fieldset>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 pt-3">
        <Link href="/account" className="text-sm font-medium text-indigo-700 hover:underline">
          {texts.account}
        </Link>
        <SignOutButton label={texts.signOut} />
      </div>
    </div>
  );
}
