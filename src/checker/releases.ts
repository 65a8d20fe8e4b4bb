/**
 * The release table (src/data/releases.json) as typed, indexed objects, built once at module load.
 * Derived facts (line base, newest update per line and product, "data as of") are computed here,
 * never stored, so a new Microsoft update is a one-row data change.
 */
import releasesJson from '../data/releases.json' with { type: 'json' };
import sourcesJson from '../data/sources.json' with { type: 'json' };
import { compareBuilds, mustParse, type Build } from './compare-builds.ts';
import type { ReleaseData, ReleaseRow, SourceData } from './data-codec.ts';
import type { Confidence, Product, Release, Source } from './types.ts';

/** A CU line with its releases in build order. */
export interface Line {
  product: Product;
  line: string;
  anchor: string;
  /** Lowest non-variant build of the line: the CU itself. */
  base: Release;
  baseBuild: Build;
  /** Non-variant releases, ascending. */
  releases: Release[];
  newest: Release;
  newestBuild: Build;
  /** Received the product's most recent update. */
  serviced: boolean;
}

export const PRODUCTS: readonly Product[] = [
  'Exchange Server 2010',
  'Exchange Server 2013',
  'Exchange Server 2016',
  'Exchange Server 2019',
  'Exchange Server SE',
];

/** In the page, only the sources that releases and source conflicts cite (data-codec.ts). */
const SOURCE_DATA: SourceData = sourcesJson;
const SOURCES: Record<string, Source> = {};
for (const [id, s] of Object.entries(SOURCE_DATA.sources)) SOURCES[id] = { id, ...s };

/**
 * Resolve source ids from the data. An unknown id is a data error: it throws when the data loads
 * (as a bad build does in `mustParse`), so a row can never show up with an empty source link.
 */
export function resolveSources(ids: readonly string[]): Source[] {
  return ids.map((id) => {
    const source = SOURCES[id];
    if (!source) throw new Error(`Unknown source id "${id}" in src/data (not in sources.json)`);
    return source;
  });
}

/**
 * Stable anchor of a CU line on the /builds/ page. For Exchange 2010 the rollup is dropped.
 *
 * @example lineAnchor('Exchange Server 2016', 'CU19') // 'exchange-2016-cu19'
 * @example lineAnchor('Exchange Server 2010', 'SP3 RU31') // 'exchange-2010-sp3'
 */
export function lineAnchor(product: Product, cu: string): string {
  const p = product.replace('Exchange Server ', '').toLowerCase();
  const line = product === 'Exchange Server 2010' ? (cu.split(' ')[0] ?? cu) : cu;
  return `exchange-${p}-${line.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

function toRelease(r: ReleaseRow): Release {
  const product = r.product as Product;
  const cu = r.rollup ? `${r.line} ${r.rollup}` : r.line;
  const kbNumber = r.kb ? /^KB(\d+)/.exec(r.kb)?.[1] : undefined;
  return {
    product,
    line: r.line,
    cu,
    update: r.update,
    name: `${product} ${cu}${r.update ? ' ' + r.update : ''}`,
    build: r.build,
    date: r.date,
    kb: r.kb,
    kbUrl: kbNumber ? `https://support.microsoft.com/help/${kbNumber}` : null,
    sources: resolveSources(r.sources),
    confidence: r.confidence as Confidence,
    variantOf: r.variantOf ?? null,
    note: r.note ?? null,
  };
}

/** Every release row, in data order (product, then build). */
const DATA: ReleaseData = releasesJson;
export const RELEASES: readonly Release[] = DATA.releases.map(toRelease);

const byBuild = new Map<string, Release>();
for (const r of RELEASES) if (!byBuild.has(r.build)) byBuild.set(r.build, r);

/** The release with exactly this normalised 4-part build, or `undefined`. */
export function releaseByBuild(build: string): Release | undefined {
  return byBuild.get(build);
}

const lineMap = new Map<string, Line>();
for (const r of RELEASES) {
  const key = `${r.product}|${r.line}`;
  let line = lineMap.get(key);
  if (!line) {
    line = {
      product: r.product,
      line: r.line,
      anchor: lineAnchor(r.product, r.line),
      base: r,
      baseBuild: mustParse(r.build),
      releases: [],
      newest: r,
      newestBuild: mustParse(r.build),
      serviced: false,
    };
    lineMap.set(key, line);
  }
  if (r.variantOf) continue;
  line.releases.push(r);
}
for (const line of lineMap.values()) {
  line.releases.sort((a, b) => compareBuilds(mustParse(a.build), mustParse(b.build)));
  const first = line.releases[0];
  const last = line.releases.at(-1);
  if (first) {
    line.base = first;
    line.baseBuild = mustParse(first.build);
  }
  if (last) {
    line.newest = last;
    line.newestBuild = mustParse(last.build);
  }
}

/** All lines, by product then base build. */
export const LINES: readonly Line[] = [...lineMap.values()].sort(
  (a, b) => PRODUCTS.indexOf(a.product) - PRODUCTS.indexOf(b.product) || compareBuilds(a.baseBuild, b.baseBuild),
);

/** Look up a line by product and line name (`'CU19'`, `'SP3'`). */
export function getLine(product: Product, line: string): Line | undefined {
  return lineMap.get(`${product}|${line}`);
}

/** Newest release per product: latest date, then highest build (2019 CU15 beats CU14 on the same day). */
export const NEWEST_BY_PRODUCT = new Map<Product, Release>();
for (const line of LINES) {
  const cur = NEWEST_BY_PRODUCT.get(line.product);
  if (
    !cur ||
    line.newest.date > cur.date ||
    (line.newest.date === cur.date && compareBuilds(line.newestBuild, mustParse(cur.build)) > 0)
  )
    NEWEST_BY_PRODUCT.set(line.product, line.newest);
}
for (const line of LINES) line.serviced = line.newest.date === NEWEST_BY_PRODUCT.get(line.product)?.date;

/** ISO date of the newest release in the data (third-party rows included; see README). */
export const DATA_AS_OF: string = RELEASES.reduce((max, r) => (r.date > max ? r.date : max), '');
/** ISO date of the newest release confirmed by a Microsoft-maintained source (published in the API). */
export const DATA_AS_OF_CONFIRMED: string = RELEASES.filter((r) => r.confidence !== 'third-party').reduce(
  (max, r) => (r.date > max ? r.date : max),
  '',
);

// Index lines by build prefix: "major.minor.build" for 2013+ (a CU keeps its third part),
// "major.minor" for 2010 (rollups change the third part). A prefix can hold two lines
// (2016 Preview and RTM are both 15.1.225.x); a line can have two prefixes (2019 Preview).
const byPrefix = new Map<string, Line[]>();
for (const line of LINES) {
  for (const r of RELEASES) {
    if (r.product !== line.product || r.line !== line.line) continue;
    const b = mustParse(r.build);
    const key = b[0] === 14 ? `${b[0]}.${b[1]}` : `${b[0]}.${b[1]}.${b[2]}`;
    const list = byPrefix.get(key) ?? [];
    if (!list.includes(line)) list.push(line);
    byPrefix.set(key, list);
  }
}

/** Product of a build by its numbers alone (null: not an on-premises Exchange build we know). */
export function productOf(b: Build): Product | null {
  if (b[0] === 14 && b[1] <= 3) return 'Exchange Server 2010';
  if (b[0] !== 15) return null;
  if (b[1] === 0) return 'Exchange Server 2013';
  if (b[1] === 1) return 'Exchange Server 2016';
  // Exchange SE continues 15.2; HealthChecker treats build >= 2562 as SE.
  if (b[1] === 2) return b[2] >= 2562 ? 'Exchange Server SE' : 'Exchange Server 2019';
  return null;
}

/**
 * The CU line a build belongs to, or `null` when no known line matches (a gap, or a future CU).
 * With two candidates (2016 Preview/RTM) the one with the highest base at or below the build wins.
 *
 * @example lineOf([15, 1, 2176, 9])?.line // 'CU19'
 */
export function lineOf(b: Build): Line | null {
  const key = b[0] === 14 ? `${b[0]}.${b[1]}` : `${b[0]}.${b[1]}.${b[2]}`;
  const candidates = byPrefix.get(key);
  if (!candidates || candidates.length === 0) return null;
  let best: Line | null = null;
  for (const c of candidates)
    if (compareBuilds(c.baseBuild, b) <= 0 && (!best || compareBuilds(c.baseBuild, best.baseBuild) > 0)) best = c;
  // Below every base (e.g. 15.2.858.2 under CU9's 858.5, or a 3-part build): take the highest line of the prefix.
  return best ?? candidates.reduce((x, y) => (compareBuilds(y.baseBuild, x.baseBuild) > 0 ? y : x));
}

/**
 * The newest release of a line at or below a build (its lower neighbour when the build is not in the
 * data), or null below the line's base. Exchange 2010 builds between rollups read as the lower rollup.
 *
 * @example rollupAtOrBelow(getLine('Exchange Server 2010', 'SP3')!, [14, 3, 439, 0])?.cu // 'SP3 RU25'
 */
export function rollupAtOrBelow(line: Line, b: Build): Release | null {
  let found: Release | null = null;
  for (const r of line.releases) if (compareBuilds(mustParse(r.build), b) <= 0) found = r;
  return found;
}

/** Lines of one product, ascending. */
export function linesOf(product: Product): Line[] {
  return LINES.filter((l) => l.product === product);
}
