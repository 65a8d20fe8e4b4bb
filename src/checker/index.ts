/**
 * Public entry of the checker core. Pure TypeScript: no DOM, no network, no Svelte.
 * (First cut: signatures are final; implementation lands in the following commits.)
 */
import type { AnalyseOptions, CheckResult, Finding, LineInfo, ProductGroup, LifecycleResult, Product } from './types.ts';

export type * from './types.ts';

/** Largest paste we read, in characters (2 MB of text). */
export const MAX_INPUT_CHARS = 2_000_000;

/** ISO date of the newest release in the data. */
export const DATA_AS_OF: string = '2026-10-02';

/** `analyse('15.1.2176.9').findings[0].proxyLogon === 'patched'` */
export function analyse(text: string, options: AnalyseOptions = {}): CheckResult {
  void text;
  void options;
  return { status: 'none-found', message: 'Not implemented yet.', findings: [] };
}

/** `checkText('15.1.2176.9')` → one Finding. Same as `analyse(text).findings`. */
export function checkText(text: string): Finding[] {
  return analyse(text).findings;
}

export function allReleases(): ProductGroup[] {
  return [];
}

export function lines(): LineInfo[] {
  return [];
}

export function supportStatus(product: Product, isoDate: string): LifecycleResult | null {
  void product;
  void isoDate;
  return null;
}

/** `lineAnchor('Exchange Server 2016', 'CU19')` → `'exchange-2016-cu19'` */
export function lineAnchor(product: Product, cu: string): string {
  const p = product.replace('Exchange Server ', '').toLowerCase();
  const line = product === 'Exchange Server 2010' ? (cu.split(' ')[0] ?? cu) : cu;
  return `exchange-${p}-${line.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
