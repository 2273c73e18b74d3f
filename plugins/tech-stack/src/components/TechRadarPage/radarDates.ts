/** Earliest day the date controls offer (the backend refuses years before 2000). */
export const MIN_DAY = '2000-01-01';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today as `YYYY-MM-DD` (UTC, as the backend reads dates). */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The day `days` before today, `YYYY-MM-DD` (UTC). */
export function daysAgo(days: number, now: Date = new Date()): string {
  return today(new Date(now.getTime() - days * DAY_MS));
}

/**
 * The value if it is a calendar day `YYYY-MM-DD` between {@link MIN_DAY} and
 * today, else `undefined` (a hand-edited URL falls back to the default).
 */
export function readDay(
  value: string | null,
  now: Date = new Date(),
): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const time = Date.parse(`${value}T00:00:00.000Z`);
  if (Number.isNaN(time) || !new Date(time).toISOString().startsWith(value)) {
    return undefined;
  }
  return value >= MIN_DAY && value <= today(now) ? value : undefined;
}
