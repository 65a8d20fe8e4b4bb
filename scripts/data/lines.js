// @ts-check
/**
 * CU lines of a release table, derived the way the checker derives them (src/checker/releases.ts): a
 * line's base is its lowest non-variant build, lines are ordered by product then base, and a build
 * belongs to the line with the highest base at or below it among the lines sharing its prefix.
 */
import { compareBuilds, linePrefix, parseBuild, productOfBuild } from './builds.js';

/** @typedef {import('./types.js').ReleaseRow} ReleaseRow */
/** @typedef {import('./types.js').Build} Build */

export const PRODUCTS = /** @type {const} */ ([
  'Exchange Server 2010',
  'Exchange Server 2013',
  'Exchange Server 2016',
  'Exchange Server 2019',
  'Exchange Server SE',
]);

/**
 * @typedef {object} LineEntry
 * @property {string} product
 * @property {string} line
 * @property {string} base lowest non-variant build
 * @property {Build} baseBuild
 * @property {Set<string>} prefixes
 */

/**
 * @typedef {object} LineIndex
 * @property {LineEntry[]} lines by product, then base build
 * @property {(product: string, line: string) => LineEntry | undefined} get
 * @property {(build: string) => LineEntry | null} lineOf
 * @property {(product: string) => LineEntry[]} linesOf
 */

/**
 * @param {readonly ReleaseRow[]} rows
 * @returns {LineIndex}
 */
export function indexLines(rows) {
  /** @type {Map<string, LineEntry>} */
  const map = new Map();
  for (const r of rows) {
    const b = parseBuild(r.build);
    if (!b) continue;
    const key = `${r.product}|${r.line}`;
    let entry = map.get(key);
    if (!entry) {
      entry = { product: r.product, line: r.line, base: r.build, baseBuild: b, prefixes: new Set() };
      map.set(key, entry);
    }
    entry.prefixes.add(linePrefix(b));
  }
  // Bases from non-variant rows only; a line made only of variants keeps its lowest build.
  for (const entry of map.values()) {
    const own = rows.filter((r) => r.product === entry.product && r.line === entry.line);
    const main = own.filter((r) => !r.variantOf);
    const sorted = (main.length > 0 ? main : own)
      .map((r) => ({ r, b: parseBuild(r.build) }))
      .filter((x) => x.b !== null)
      .sort((x, y) => compareBuilds(/** @type {Build} */ (x.b), /** @type {Build} */ (y.b)));
    const first = sorted[0];
    if (first?.b) {
      entry.base = first.r.build;
      entry.baseBuild = first.b;
    }
  }
  const lines = [...map.values()].sort(
    (a, b) =>
      PRODUCTS.indexOf(/** @type {any} */ (a.product)) - PRODUCTS.indexOf(/** @type {any} */ (b.product)) ||
      compareBuilds(a.baseBuild, b.baseBuild),
  );
  /** @type {Map<string, LineEntry[]>} */
  const byPrefix = new Map();
  for (const l of lines)
    for (const p of l.prefixes) {
      const list = byPrefix.get(p) ?? [];
      list.push(l);
      byPrefix.set(p, list);
    }
  return {
    lines,
    get: (product, line) => map.get(`${product}|${line}`),
    linesOf: (product) => lines.filter((l) => l.product === product),
    lineOf(build) {
      const b = parseBuild(build);
      if (!b) return null;
      const product = productOfBuild(b);
      const candidates = (byPrefix.get(linePrefix(b)) ?? []).filter((l) => l.product === product);
      if (candidates.length === 0) return null;
      /** @type {LineEntry | null} */
      let best = null;
      for (const c of candidates)
        if (compareBuilds(c.baseBuild, b) <= 0 && (!best || compareBuilds(c.baseBuild, best.baseBuild) > 0)) best = c;
      return best ?? candidates.reduce((x, y) => (compareBuilds(y.baseBuild, x.baseBuild) > 0 ? y : x));
    },
  };
}
