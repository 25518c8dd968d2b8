"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, useTransition, type FormEvent } from "react";

import { savePreferencesAction } from "@/app/(app)/actions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/config";
import {
  canonicalTimeZone,
  listTimeZones,
  spokenTimeZoneName,
  TIME_ZONE_REGIONS,
  timeZoneCity,
  timeZoneLabel,
  timeZoneOffset,
  timeZoneRegion,
} from "@/lib/i18n/time-zones";

import type { ProfileMenuTexts } from "./profile-menu";

type Props = { id: string; locale: Locale; timeZone: string; texts: ProfileMenuTexts; onSaved: () => void };

type ZoneOption = { zone: string; region: string; label: string };

// Each zone with its offset right now ("Berlin (GMT+1)"), in the page's language, from the
// browser's own list (current IANA names; the server accepts the same list, lib/i18n/time-zones.ts),
// filed under its region as IANA files it.
function zoneOptions(locale: string, current: string, now: Date): ZoneOption[] {
  const zones = listTimeZones();
  if (!zones.includes(current)) zones.unshift(current);
  return zones.map((zone) => {
    const offset = timeZoneOffset(zone, locale, now);
    const place = zone === "UTC" ? spokenTimeZoneName(zone, locale, now) : timeZoneCity(zone);
    return { zone, region: timeZoneRegion(zone), label: offset ? `${place} (${offset})` : place };
  });
}

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

// What a search matches: the zone's name and place, its region, its offset, and what the language
// calls it ("Mitteleuropäische Zeit", "Japan (Ortszeit)"), so "MEZ", "Japan" or "+9" finds it.
// Built on the first search only: three formatters per zone are too many for every opening.
function searchTexts(options: ZoneOption[], locale: string, regions: Record<string, string>, now: Date) {
  return new Map(
    options.map(({ zone, region, label }) => {
      const names = (["longGeneric", "shortGeneric", "short"] as const).map(
        (style) =>
          new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
            .formatToParts(now)
            .find((part) => part.type === "timeZoneName")?.value ?? "",
      );
      return [zone, fold([zone, timeZoneLabel(zone), label, regions[region] ?? region, ...names].join(" "))];
    }),
  );
}

function matchZones(zones: ZoneOption[], index: Map<string, string> | null, query: string) {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0 || !index) return zones;
  return zones.filter((option) => words.every((word) => index.get(option.zone)?.includes(word)));
}

// The profile menu's content, loaded when the menu first opens (it is not needed on most visits).
// Saving refreshes the page, which the server renders again in the new language and zone.
export function ProfilePanel({ id, locale, timeZone, texts, onSaved }: Props) {
  const router = useRouter();
  const fieldId = useId();
  const firstFieldRef = useRef<HTMLSelectElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [now] = useState(() => new Date());
  // A zone saved under a name IANA has since replaced shows, and saves, under the current one.
  const chosen = canonicalTimeZone(timeZone) ?? timeZone;
  const zones = useMemo(() => zoneOptions(locale, chosen, now), [locale, chosen, now]);
  const [zone, setZone] = useState(chosen);
  const [query, setQuery] = useState("");
  const [searchIndex, setSearchIndex] = useState<Map<string, string> | null>(null);
  const matches = matchZones(zones, searchIndex, query);
  // The list never drops the chosen zone out of sight without choosing another: a search that
  // leaves it out chooses its first match; one that matches nothing shows the choice alone.
  const shown = matches.length > 0 ? matches : zones.filter((option) => option.zone === zone);
  const search = (value: string) => {
    const index = searchIndex ?? searchTexts(zones, locale, texts.timeZoneRegions, now);
    setSearchIndex(index);
    setQuery(value);
    const found = matchZones(zones, index, value);
    if (found.length > 0 && !found.some((option) => option.zone === zone)) setZone(found[0]!.zone);
  };
  const groups = [
    { region: "UTC", options: shown.filter((option) => option.region === "UTC") },
    ...TIME_ZONE_REGIONS.map((region) => ({ region, options: shown.filter((option) => option.region === region) })),
    {
      region: "other",
      options: shown.filter(
        (option) => option.region !== "UTC" && !(TIME_ZONE_REGIONS as readonly string[]).includes(option.region),
      ),
    },
  ].filter((group) => group.options.length > 0);

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
            <input
              type="search"
              aria-label={texts.timeZoneSearch}
              placeholder={texts.timeZoneSearch}
              aria-controls={`${fieldId}-zone`}
              value={query}
              onChange={(event) => search(event.target.value)}
              autoComplete="off"
              className={`${control} mb-2`}
            />
            <select
              id={`${fieldId}-zone`}
              name="timeZone"
              value={zone}
              onChange={(event) => setZone(event.target.value)}
              aria-describedby={`${fieldId}-zone-hint${matches.length === 0 ? ` ${fieldId}-zone-none` : ""}`}
              className={control}
            >
              {groups.map(({ region, options }) =>
                region === "UTC" || region === "other" ? (
                  options.map((option) => (
                    <option key={option.zone} value={option.zone}>
                      {option.label}
                    </option>
                  ))
                ) : (
                  <optgroup key={region} label={texts.timeZoneRegions[region] ?? region}>
                    {options.map((option) => (
                      <option key={option.zone} value={option.zone}>
                        {option.label}
                      </option>
                    ))}
                  </optgroup>
                ),
              )}
            </select>
            {matches.length === 0 && (
              <p id={`${fieldId}-zone-none`} role="status" className="mt-1 text-xs text-amber-800">
                {texts.timeZoneNoMatch}
              </p>
            )}
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
