/**
 * Support status of a product on a given date. The date is always a parameter: the site is built
 * once and read for years, so "today" must come from the reader's browser, never the build.
 * Dates: src/data/lifecycle.json (endoflife.date, Microsoft's ESU announcements).
 */
import lifecycleJson from '../data/lifecycle.json' with { type: 'json' };
import { humanDate } from '../shared/dates.ts';
import type { LifecycleData, LifecycleRow } from './data-codec.ts';
import { shortProductName } from './short-name.ts';
import type { LifecycleResult, Product } from './types.ts';

/** Only the fields in `LifecycleData` are read: in the page they are all the data holds (data-codec.ts). */
const DATA: LifecycleData = lifecycleJson;
const ROWS = new Map<string, LifecycleRow>(DATA.products.map((p) => [p.product, p]));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `'2025-10-14'` → `'14 October 2025'`: the site's one date format (src/shared/dates.ts). */
export { humanDate };

/** The product's release date (ISO), or `null` when not in the data. */
export function releaseDate(product: Product): string | null {
  return ROWS.get(product)?.released ?? null;
}

/** The product's end of mainstream support (ISO), or `null` under the Modern Lifecycle Policy. */
export function endOfSupportDate(product: Product): string | null {
  return ROWS.get(product)?.endOfSupport ?? null;
}

/** Today's date as ISO `YYYY-MM-DD` (UTC), read at call time. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Support status for a product on `isoDate` (YYYY-MM-DD). Returns `null` for an invalid date.
 *
 * @example supportStatus('Exchange Server 2016', '2026-01-05')?.status // 'extended-security-updates'
 * @example supportStatus('Exchange Server 2013', '2026-01-05')?.status // 'out-of-support'
 */
export function supportStatus(product: Product, isoDate: string): LifecycleResult | null {
  const row = ROWS.get(product);
  if (!row || !ISO_DATE.test(isoDate)) return null;
  const short = shortProductName(product);
  const base = { released: row.released, endOfSupport: row.endOfSupport, esuEnd: row.esuEnd, asOf: isoDate };
  if (row.policy === 'modern' || row.endOfSupport === null)
    return {
      ...base,
      status: 'modern',
      message: `${short} follows Microsoft's Modern Lifecycle Policy: it stays supported only while you install every new cumulative and security update.`,
    };
  if (isoDate < row.endOfSupport)
    return { ...base, status: 'supported', message: `${short} is supported until ${humanDate(row.endOfSupport)}.` };
  if (row.esuEnd && isoDate <= row.esuEnd)
    return {
      ...base,
      status: 'extended-security-updates',
      message: `${short} has been out of support since ${humanDate(row.endOfSupport)}. Only organisations in Microsoft's paid Extended Security Update programme get security updates, and only until ${humanDate(row.esuEnd).replace(/^\d+ /, '')}.`,
    };
  return {
    ...base,
    status: 'out-of-support',
    message: `${short} has been out of support since ${humanDate(row.endOfSupport)} and gets no security updates: move to Exchange Server SE or Exchange Online.`,
  };
}
