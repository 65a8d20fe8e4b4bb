/**
 * The reader's local calendar date as YYYY-MM-DD. Browser code calls it from event handlers and
 * effects, never during a server render: support and data-age judgements are for the day the page
 * is read, not the day it was built.
 * @example localIsoDate(new Date(2026, 10, 29)) // '2026-11-29'
 */
export function localIsoDate(date: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
