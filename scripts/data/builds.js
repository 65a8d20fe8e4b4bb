// @ts-check
/**
 * Build numbers for the data updater. The updater runs under plain Node (which cannot import the
 * checker's TypeScript), so it carries this small copy of the checker's parse/compare rules; a unit
 * test checks that both agree on every build in the data and on random input.
 */

/** @typedef {import('./types.js').Build} Build */
/** @typedef {import('./types.js').Product} Product */

const PART = /^\d{1,6}$/;

/**
 * Parse a 4-part dotted build, leading zeros allowed (`15.02.1748.053`). `null` for anything else.
 *
 * @param {string} text
 * @returns {Build | null}
 * @example parseBuild('15.02.1748.053') // [15, 2, 1748, 53]
 */
export function parseBuild(text) {
  const bits = text.trim().split('.');
  if (bits.length !== 4 || !bits.every((b) => PART.test(b))) return null;
  const [a = 0, b = 0, c = 0, d = 0] = bits.map(Number);
  return [a, b, c, d];
}

/**
 * Negative, zero or positive, like `Array.prototype.sort` expects.
 *
 * @param {Build} a
 * @param {Build} b
 * @returns {number}
 */
export function compareBuilds(a, b) {
  for (let i = 0; i < 4; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * @param {Build} b
 * @returns {string} the normalised form, no leading zeros
 */
export function formatBuild(b) {
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

/**
 * Normalised 4-part build or `null`: `'15.02.1748.053'` → `'15.2.1748.53'`.
 *
 * @param {string} text
 * @returns {string | null}
 */
export function normaliseBuild(text) {
  const b = parseBuild(text);
  return b ? formatBuild(b) : null;
}

/**
 * Compare two build strings known to be valid.
 *
 * @param {string} a
 * @param {string} b
 * @returns {number}
 */
export function compareBuildText(a, b) {
  const x = parseBuild(a);
  const y = parseBuild(b);
  if (!x || !y) throw new Error(`not a 4-part build: ${x ? b : a}`);
  return compareBuilds(x, y);
}

/**
 * Product of a build by its numbers alone, the checker's rule: 14.0–14.3 is 2010, 15.0 is 2013,
 * 15.1 is 2016, 15.2 below build 2562 is 2019 and from 2562 on Exchange SE (HealthChecker's cut).
 *
 * @param {Build} b
 * @returns {Product | null}
 */
export function productOfBuild(b) {
  if (b[0] === 14 && b[1] <= 3) return 'Exchange Server 2010';
  if (b[0] !== 15) return null;
  if (b[1] === 0) return 'Exchange Server 2013';
  if (b[1] === 1) return 'Exchange Server 2016';
  if (b[1] === 2) return b[2] >= 2562 ? 'Exchange Server SE' : 'Exchange Server 2019';
  return null;
}

/**
 * The part of a build that every build of one CU line shares: "major.minor.build" from Exchange 2013 on
 * (a CU keeps its third part), "major.minor" for 2010 (rollups change the third part).
 *
 * @param {Build} b
 * @returns {string}
 */
export function linePrefix(b) {
  return b[0] === 14 ? `${b[0]}.${b[1]}` : `${b[0]}.${b[1]}.${b[2]}`;
}
