/**
 * Now as yyyymmddhhmmss, or one second after the newest migration if that sorts later (a migration
 * merged from a branch may carry a later stamp than this clock): migrations apply in name order,
 * and a new one must come after every one an installation may already have applied.
 */
export function nextMigrationStamp(now: Date, existing: string[]): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const newest = existing
    .map((name) => /^(\d{14})_/.exec(name)?.[1])
    .filter(Boolean)
    .sort()
    .at(-1);
  if (!newest || stamp > newest) return stamp;
  const next = new Date(
    Date.UTC(
      +newest.slice(0, 4),
      +newest.slice(4, 6) - 1,
      +newest.slice(6, 8),
      +newest.slice(8, 10),
      +newest.slice(10, 12),
      +newest.slice(12, 14) + 1,
    ),
  );
  return next.toISOString().replace(/\D/g, "").slice(0, 14);
}
