/**
 * Dates as the site writes them, with no locale APIs, so a date reads the same on the server, in
 * every browser and in the pure cores.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** `'2025-10-14'` → `'14 October 2025'`; `'2018-03'` → `'March 2018'`. */
export function humanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = MONTHS[Number(m) - 1] ?? '';
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
