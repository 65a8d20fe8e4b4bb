/**
 * Product names typed by people: "Exchange 2016 CU19", "Exchange Server 2019 CU12 Nov22SU",
 * "Exchange SE RTM", "Exchange 2010 SP3 RU31", "Exchange 2013 SP1" (CSS-Exchange calls it CU4), in any
 * case and spacing: "exchange  server 2016 cu7", "Exchange2016 CU23", "EX2019 CU12",
 * "Exchange Server 2016 Cumulative Update 23", "Exchange 2010 Service Pack 3 Update Rollup 31".
 * A name without a CU/SP/RTM is not reported: "we run Exchange 2016" proves nothing about updates.
 */
import { mustParse, type Build } from './compare-builds.ts';
import { getLine, RELEASES } from './releases.ts';
import type { Product, Release } from './types.ts';

export interface NamedVersion {
  product: Product;
  line: string;
  /** 2010 rollup (`'RU31'`) or 2013+ update (`'Nov22SU'`) as typed, normalised; null if none. */
  update: string | null;
  /** The exact release when the name identifies one. */
  release: Release | null;
  /** Representative build: the exact release, else the line's base build (3 parts). */
  build: Build;
  parts: 3 | 4;
  /** Characters consumed after "Exchange [Server] <version>". */
  length: number;
}

/**
 * "Exchange [Server] 2016", with runs of spaces or none ("exchange  server 2016", "Exchange2016") and the
 * short form "EX2019". Bounded runs of spaces and tabs; the caller reads the tail after it.
 */
export const PRODUCT = /\b(?:Exchange|EX)[ \t]{0,8}(?:Server[ \t]{0,8})?(2010|2013|2016|2019|SE)\b/gi;
// Bounded, anchored: at most a few words after the product name. Runs of spaces count as one.
const TAIL =
  /^(?:[ \t]{1,8}(SP[ \t]?[1-3]|Service[ \t]Pack[ \t][1-3]))?(?:[ \t]{1,8}(RTM|Preview|(?:CU|Cumulative[ \t]Update)[ \t]?\d{1,2}(?!\d)))?(?:[ \t]{1,8}(?:(?:RU|(?:Update[ \t])?Rollup)[ \t]?(\d{1,2})(?!\d)(?:[ \t]?v(\d))?|([A-Z][a-z]{2}\d{2}(?:SU|HU)(?:[ \t]?v\d)?)))?/i;
const PRODUCT_OF: Record<string, Product> = {
  '2010': 'Exchange Server 2010',
  '2013': 'Exchange Server 2013',
  '2016': 'Exchange Server 2016',
  '2019': 'Exchange Server 2019',
  se: 'Exchange Server SE',
};

const byName = new Map<string, Release>();
for (const r of RELEASES) if (!r.variantOf) byName.set(`${r.product}|${r.line}|${(r.update ?? r.cu).toLowerCase()}`, r);

const cap = (s: string) =>
  s.charAt(0).toUpperCase() +
  s.slice(1, 3).toLowerCase() +
  s
    .slice(3)
    .toUpperCase()
    .replace(/V(\d)$/, 'v$1');

/**
 * @example parseProductName('2016', ' CU19 and more')?.line // 'CU19'
 * @example parseProductName('2019', ' CU12 Nov22SU')?.release?.build // '15.2.1118.20'
 */
export function parseProductName(version: string, tail: string): NamedVersion | null {
  const product = PRODUCT_OF[version.toLowerCase()];
  const m = TAIL.exec(tail);
  if (!product || !m) return null;
  const sp = m[1] ? `SP${m[1].slice(-1)}` : undefined;
  const cuText = m[2]?.toUpperCase();
  const cuNumber = cuText ? /\d{1,2}$/.exec(cuText)?.[0] : undefined;
  const cu = cuNumber ? `CU${Number(cuNumber)}` : cuText; // "Cumulative Update 09" → CU9
  const upd = m[3] ? `RU${Number(m[3])}${m[4] ? `v${m[4]}` : ''}` : m[5]?.replace(/[ \t]/g, '');
  let line: string | undefined;
  if (product === 'Exchange Server 2010') line = sp ?? (cu === 'RTM' ? 'RTM' : undefined);
  else if (product === 'Exchange Server 2013' && (sp === 'SP1' || cu === 'CU4')) line = 'SP1';
  else if (cu === 'PREVIEW') line = 'Preview';
  else line = cu ?? (product === 'Exchange Server SE' && upd ? 'RTM' : undefined);
  if (!line) return null;
  const l = getLine(product, line);
  if (!l) return null;
  let update: string | null = null;
  let release: Release | null = null;
  if (upd) {
    update = /^ru/i.test(upd) ? upd.toUpperCase().replace(/V(\d)$/, ' v$1') : cap(upd);
    const key = product === 'Exchange Server 2010' ? `${line} ${update}` : update;
    release = byName.get(`${product}|${line}|${key.toLowerCase()}`) ?? null;
  }
  if (!upd && product === 'Exchange Server 2010') release = null;
  const build = release ? mustParse(release.build) : l.baseBuild;
  return { product, line, update, release, build, parts: release ? 4 : 3, length: m[0].length };
}
