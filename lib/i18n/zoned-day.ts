// Pure: where a calendar day starts in a time zone, so "from 1 March to 3 March" in the audit log
// means the viewer's days, not UTC's. Intl knows every zone's offsets (DST included); no library.

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function offsetMs(instant: number, timeZone: string): number {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormat.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const wallClock = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wallClock - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a day (YYYY-MM-DD) begins in the zone: the earliest of the candidate instants (from the
 * offsets before and after midnight, which differ on a DST day) whose local date is that day. Where
 * clocks jump over midnight, the day begins at the jump (01:00 local).
 */
export function startOfDayIn(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, date);
  const first = midnightUtc - offsetMs(midnightUtc, timeZone);
  const second = midnightUtc - offsetMs(first, timeZone);
  const isOnDay = (instant: number) => instant + offsetMs(instant, timeZone) >= midnightUtc;
  const candidates = [Math.min(first, second), Math.max(first, second)];
  return new Date(candidates.find(isOnDay) ?? first);
}

/** The day after (YYYY-MM-DD), for an end bound that includes the whole last day. */
export function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}
