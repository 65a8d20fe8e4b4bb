/** Formatting helpers shared by pages and islands. Dates are ISO strings (YYYY-MM-DD or YYYY-MM). */
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

/**
 * Formats an ISO date the same way on the server and in every browser (no locale surprises
 * between prerender and hydration).
 * @example formatDate('2021-03-02') // '2 March 2021'
 */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!match) return iso;
  const month = MONTHS[Number(match[2]) - 1] ?? '';
  return match[3] ? `${Number(match[3])} ${month} ${match[1]}` : `${month} ${match[1]}`;
}
