/**
 * Property-based fuzzing (fast-check): more than 100,000 random and mutated inputs in total.
 * Never throws; never reports a number that is not an Exchange build; every build in the data
 * round-trips in every format it can be written in.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import releases from '../../../src/data/releases.json';
import { checkText, compareBuilds } from '../../../src/checker/index.ts';
import { assertSane, buildish, digitsAndDots, mutated } from './fuzz-properties.ts';

describe('fuzz', () => {
  test('random unicode text: never throws, only real builds (40,000 runs)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (s) => assertSane(s)),
      { numRuns: 40_000 },
    );
  }, 120_000);
  test('digits, dots and spaces (20,000 runs)', () => {
    fc.assert(
      fc.property(digitsAndDots, (s) => assertSane(s)),
      { numRuns: 20_000 },
    );
  }, 120_000);
  test('mutated real pastes (25,000 runs)', () => {
    fc.assert(
      fc.property(mutated, (s) => assertSane(s)),
      { numRuns: 25_000 },
    );
  }, 120_000);
  test('random dotted numbers with prefixes (20,000 runs)', () => {
    fc.assert(
      fc.property(buildish, (s) => assertSane(s)),
      { numRuns: 20_000 },
    );
  }, 120_000);
  test('comparison is antisymmetric and transitive (5,000 runs)', () => {
    const build = fc.tuple(fc.nat(30), fc.nat(30), fc.nat(3000), fc.nat(100));
    fc.assert(
      fc.property(build, build, build, (a, b, c) => {
        expect(compareBuilds(a, b)).toBe(-compareBuilds(b, a));
        if (compareBuilds(a, b) <= 0 && compareBuilds(b, c) <= 0) expect(compareBuilds(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('round trip: every build in the data, in every format it can be written in', () => {
  const pad = (b: string) => {
    const [a, m, c, d] = b.split('.');
    return `${a}.${m!.padStart(2, '0')}.${c!.padStart(4, '0')}.${d!.padStart(3, '0')}`;
  };
  for (const r of releases.releases) {
    test(`${r.product} ${r.line} ${r.update ?? ('rollup' in r ? r.rollup : '') ?? ''} ${r.build}`, () => {
      const cu = 'rollup' in r && r.rollup ? `${r.line} ${r.rollup}` : r.line;
      const [a, m, c, d] = r.build.split('.');
      const forms: [string, string, string][] = [
        ['build', r.build, r.build],
        ['build-long', pad(r.build), r.build],
        [
          'exsetup',
          `${pad(r.build)}   ${pad(r.build)}   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe`,
          r.build,
        ],
        ['healthchecker', `        Build Number:                  ${r.build}`, r.build],
        ['owa-header', `X-OWA-Version: ${r.build}`, r.build],
        [
          'smtp-received',
          `Received: from a.contoso.com (10.0.0.1) by EX9.contoso.com with Microsoft SMTP Server id ${r.build}; Tue, 8 Nov 2022`,
          r.build,
        ],
        ['admin-display-version', `AdminDisplayVersion : Version ${a}.${m} (Build ${c}.${d})`, r.build],
      ];
      if (r.product !== 'Exchange Server 2010')
        forms.push(['owa-path', `/owa/auth/${a}.${m}.${c}/themes/`, `${a}.${m}.${c}`]);
      for (const [format, text, build] of forms) {
        const found = checkText(text);
        expect(found.length, `${format}: ${text}`).toBe(1);
        const f = found[0]!;
        expect(f.build, format).toBe(build);
        expect(f.product, format).toBe(r.product);
        expect(f.format, format).toBe(format);
        // a 3-part build of 2016 RTM/Preview is ambiguous; the highest line of the prefix wins
        if (format !== 'owa-path' || r.line !== 'Preview')
          expect(f.cu?.split(' ')[0], `${format}: ${text}`).toBe(
            format === 'owa-path' || format === 'admin-display-version' ? r.line : cu.split(' ')[0],
          );
      }
      if (
        !('variantOf' in r) &&
        (r.update === null || /^[A-Z][a-z]{2}\d{2}(SU|HU)/.test(r.update)) &&
        r.line !== 'Preview'
      ) {
        const name = `${r.product} ${cu}${r.update ? ' ' + r.update : ''}`;
        const found = checkText(name);
        expect(found.length, name).toBe(1);
        expect(found[0]!.product, name).toBe(r.product);
        expect(found[0]!.cu, name).toBe(
          r.product === 'Exchange Server 2010' && !('rollup' in r && r.rollup) ? r.line : cu,
        );
        if (r.update || ('rollup' in r && r.rollup)) expect(found[0]!.build, name).toBe(r.build);
      }
    });
  }
});
