/**
 * Is the build data old? Microsoft ships Exchange updates most months, so data older than this
 * may miss an update that a verdict should name. Judged for the reader's date, never the build's.
 */

/** Days after `dataAsOf` from which pages say the data may be out of date. */
export const STALE_AFTER_DAYS = 60;

/** Microsoft's own list of Exchange builds, where a newer update would show first. */
export const MICROSOFT_BUILDS_URL =
  'https://learn.microsoft.com/en-us/exchange/new-features/build-numbers-and-release-dates';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function dayNumber(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(time) ? null : Math.round(time / DAY_MS);
}

/**
 * True when `today` is more than STALE_AFTER_DAYS days after `dataAsOf` (both YYYY-MM-DD). An
 * unreadable date counts as stale: saying "may be out of date" wrongly costs less than staying
 * silent wrongly.
 * @example dataIsStale('2026-10-02', '2026-12-01') // false (60 days)
 * @example dataIsStale('2026-10-02', '2026-12-02') // true (61 days)
 */
export function dataIsStale(dataAsOf: string, today: string): boolean {
  const from = dayNumber(dataAsOf);
  const to = dayNumber(today);
  if (from === null || to === null) return true;
  return to - from > STALE_AFTER_DAYS;
}
