/**
 * Is a dotted number an Exchange build? Plausibility rules that keep Windows, Office, .NET builds,
 * IP addresses and dates out (see README "What is not reported").
 */
import { parseBuild, type Build } from './compare-builds.ts';
import { productOf, RELEASES, releaseByBuild } from './releases.ts';

// Third parts seen in the data, per "major.minor" ("15.1" -> 2176, …): a 3-part number must name one.
const KNOWN_PREFIX3 = new Set(RELEASES.map((r) => r.build.split('.').slice(0, 3).join('.')));
const MAX_SE_CU = Math.max(
  ...RELEASES.filter((r) => r.product === 'Exchange Server SE').map((r) => Number(r.build.split('.')[2])),
);

// Plausible third part per major.minor. Office 2010/2013 (14.0.4xxx+, 15.0.4xxx+) and SharePoint sit above these.
const THIRD_RANGE: Record<string, [number, number]> = {
  '14.0': [100, 999],
  '14.1': [100, 999],
  '14.2': [100, 999],
  '14.3': [100, 999],
  '15.0': [400, 1999],
  '15.1': [200, 3999],
  '15.2': [150, 3999],
};

/** `key`: normalised build and part count, `'15.1.2176.9/4'` (3 parts: revision 0, `'/3'`), for de-duplication and caches. */
export type NumberKind = { kind: 'onprem' | 'online'; build: Build; parts: 3 | 4; long: boolean; key: string };

/**
 * Classify a dotted number found in text. `ipContext`: the text around it looks like an IP address.
 *
 * @example classifyNumber('15.01.2176.009', false) // { kind: 'onprem', build: [15,1,2176,9], parts: 4, long: true, key: '15.1.2176.9/4' }
 * @example classifyNumber('10.0.17763.1234', false) // null (Windows)
 * @example classifyNumber('15.1.2021', false) // null (a date, 15 January 2021: no such CU)
 */
export function classifyNumber(text: string, ipContext: boolean): NumberKind | null {
  // Pastes repeat the same numbers: memoise (bounded).
  const key = ipContext ? text + '!' : text;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const result = classify(text, ipContext);
  if (memo.size > 20_000) memo.clear();
  memo.set(key, result);
  return result;
}

const memo = new Map<string, NumberKind | null>();

function classify(text: string, ipContext: boolean): NumberKind | null {
  const parsed = parseBuild(text);
  if (!parsed) return null;
  const { build: b, parts } = parsed;
  const long = /(^|\.)0\d/.test(text);
  const key = `${b[0]}.${b[1]}.${b[2]}.${b[3]}/${parts}`;
  // Exchange Online: 15.20.x.y (community-documented, e.g. OfficeDocs-Exchange issue #1067).
  if (b[0] === 15 && b[1] === 20)
    return b[2] >= 1000 && b[3] <= 9999 && !ipContext ? { kind: 'online', build: b, parts, long, key } : null;
  if (!productOf(b)) return null;
  const range = THIRD_RANGE[`${b[0]}.${b[1]}`];
  if (!range || b[2] < range[0] || b[2] > range[1]) return null;
  if (parts === 3) {
    const prefix = `${b[0]}.${b[1]}.${b[2]}`;
    const futureSe = b[0] === 15 && b[1] === 2 && b[2] > MAX_SE_CU;
    return KNOWN_PREFIX3.has(prefix) || futureSe ? { kind: 'onprem', build: b, parts, long, key } : null;
  }
  if (b[3] > 999) return null;
  // Numbers that could be IPv4 addresses count only when they are a known build and nothing says "IP".
  const ipLike = !long && b.every((n) => n <= 255);
  if (ipLike && (ipContext || !releaseByBuild(`${b[0]}.${b[1]}.${b[2]}.${b[3]}`))) return null;
  // A 4-part build on no known line is still reported (verdict: unknown CU), since the range check passed.
  return { kind: 'onprem', build: b, parts, long, key };
}
