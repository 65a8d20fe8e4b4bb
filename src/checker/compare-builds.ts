/**
 * The one comparison primitive. A build is four integers, never a string compared with `<`.
 */

/** `[major, minor, build, revision]`. */
export type Build = readonly [number, number, number, number];

/** Stands for "any revision" / "any build" in an upper bound (larger than any real part). */
export const ANY = 2 ** 31;

const PART = /^\d{1,6}$/;

/**
 * Parse a 3- or 4-part dotted build, leading zeros allowed. Returns `null` rather than throwing.
 * A 3-part build gets revision 0; `parts` tells how many parts were given.
 *
 * @example parseBuild('15.01.2176.009') // { build: [15, 1, 2176, 9], parts: 4 }
 * @example parseBuild('15.1') // null
 */
export function parseBuild(text: string): { build: Build; parts: 3 | 4 } | null {
  const bits = text.split('.');
  if (bits.length !== 3 && bits.length !== 4) return null;
  const nums: number[] = [];
  for (const bit of bits) {
    if (!PART.test(bit)) return null;
    nums.push(Number(bit));
  }
  const [a = 0, b = 0, c = 0, d = 0] = nums;
  return { build: [a, b, c, d], parts: bits.length === 3 ? 3 : 4 };
}

/**
 * Total order on builds: negative, zero or positive like `Array.prototype.sort` expects.
 *
 * @example compareBuilds([15, 1, 2176, 9], [15, 1, 2176, 12]) < 0 // true
 */
export function compareBuilds(a: Build, b: Build): number {
  for (let i = 0; i < 4; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * Normalised text form, no leading zeros.
 *
 * @example formatBuild([15, 1, 2176, 9]) // '15.1.2176.9'
 * @example formatBuild([15, 1, 2176, 0], 3) // '15.1.2176'
 */
export function formatBuild(b: Build, parts: 3 | 4 = 4): string {
  return parts === 3 ? `${b[0]}.${b[1]}.${b[2]}` : `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

/** Parse a build known to be valid (from our own data); throws on a data error at module load. */
export function mustParse(text: string): Build {
  const p = parseBuild(text);
  if (!p || p.parts !== 4) throw new Error(`invalid build in data: ${text}`);
  return p.build;
}
