/**
 * The fuzzers' inputs and their one property, shared by fuzz.test.ts and by index.test.ts, which
 * proves the property fails when the checker fails.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { analyse as realAnalyse, compareBuilds, parseBuild } from '../../../src/checker/index.ts';
import { productOf } from '../../../src/checker/releases.ts';
import * as F from './fixtures.ts';

export const SEEDS = [
  F.EXSETUP_TABLE,
  F.EXSETUP_TABLE_REMOTE,
  F.EXSETUP_LIST,
  F.GES_LIST,
  F.GES_TABLE,
  F.GES_FULL,
  F.HEALTHCHECKER,
  F.OWA_HEADERS,
  F.OWA_HTML,
  F.ECP_PATH,
  F.RECEIVED,
  F.RECEIVED_EO,
  F.MIXED,
  F.GES_THEN_EXSETUP_LIST,
  F.GES_TABLE_THEN_REMOTE_EXSETUP,
  F.PROMPTS_NAMING_HOSTS,
  F.REMOTE_SESSION,
  F.EX2010_ADV_THEN_EXSETUP,
  F.HEALTHCHECKER_LAGGING_LABEL,
  F.NMAP_CANDIDATES,
  F.NMAP_THRESHOLD,
  F.SCANNER_FIXED_IN,
  F.PROSE_MISSING,
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FREE_FORMATS = ['build', 'build-long', 'build-3part', 'product-name'];

/**
 * Every finding must be a real Exchange build read from the text at its span; what it superseded lies in
 * the text, is not itself a finding and is folded into one finding only; dates and prose marks are well-formed.
 */
export function assertSane(text: string, analyse: typeof realAnalyse = realAnalyse): void {
  const r = analyse(text, { today: '2026-11-27' });
  // A fault must never pass: 'error' fails the property (tests/unit/checker/index.test.ts proves it).
  expect(r.status, r.detail).not.toBe('error');
  expect(['ok', 'empty', 'none-found', 'too-large']).toContain(r.status);
  const kept = new Set(r.findings.map((f) => f.span[0]));
  const folded = new Set<number>();
  for (const f of r.findings) {
    for (const s of f.superseded) {
      expect(s.span[0]).toBeGreaterThanOrEqual(0);
      expect(s.span[1]).toBeLessThanOrEqual(text.length);
      expect(kept.has(s.span[0])).toBe(false);
      expect(folded.has(s.span[0])).toBe(false);
      folded.add(s.span[0]);
    }
    expect(f.readingNotes.length).toBeGreaterThanOrEqual(f.superseded.length);
    if (f.asOf !== null) {
      expect(f.format).toBe('smtp-received');
      expect(f.asOf).toMatch(ISO_DATE);
    }
    if (f.fromProse) expect(FREE_FORMATS).toContain(f.format);
    const p = parseBuild(f.build);
    expect(p).not.toBeNull();
    if (f.product === null) expect(f.build.startsWith('15.20.')).toBe(true);
    else expect(productOf(p!.build)).toBe(f.product);
    expect(f.span[0]).toBeGreaterThanOrEqual(0);
    expect(f.span[1]).toBeLessThanOrEqual(text.length);
    expect(f.span[0]).toBeLessThan(f.span[1]);
    if (f.format !== 'product-name' && f.format !== 'admin-display-version') {
      // the digits of the build are literally in the text at the span (leading zeros allowed)
      const seen = parseBuild(text.slice(f.span[0], f.span[1]).replace(/^[vV]/, ''));
      expect(seen && compareBuilds(seen.build, p!.build)).toBe(0);
    }
  }
}

export const digitsAndDots = fc.stringMatching(/^[0-9.\s]{0,80}$/);
export const mutated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.nat(), fc.nat(), fc.string({ maxLength: 12, unit: 'binary' }))
  .map(([seed, a, b, junk]) => {
    const i = a % (seed.length + 1);
    const j = Math.min(seed.length, i + (b % 20));
    return seed.slice(0, i) + junk + seed.slice(j);
  });
export const buildish = fc
  .tuple(
    fc.integer({ min: 0, max: 20 }),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 99999 }),
    fc.integer({ min: 0, max: 99999 }),
    fc.constantFrom('', ' ', '/', '(', ':', 'v', 'IP ', '/owa/auth/', 'X-OWA-Version: ', 'id '),
  )
  .map(([a, b, c, d, pre]) => `${pre}${a}.${b}.${c}.${d}`);
