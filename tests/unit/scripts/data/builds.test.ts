/**
 * The updater's copy of the build rules must agree with the checker's: on every build in the data
 * and on random input.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as js from '../../../../scripts/data/builds.js';
import { compareBuilds, parseBuild } from '../../../../src/checker/index.ts';
import { productOf } from '../../../../src/checker/releases.ts';
import { realData } from './helpers.ts';

const sign = (n: number) => Math.sign(n);

describe('builds.js agrees with the checker', () => {
  test('on every build in the data: same numbers, same product', () => {
    for (const r of realData().releases) {
      const mine = js.parseBuild(r.build);
      expect(mine, r.build).toEqual(parseBuild(r.build)?.build);
      expect(js.productOfBuild(mine!), r.build).toBe(productOf(mine!));
    }
  });

  test('on random dotted numbers: a 4-part parse matches, anything else is null', () => {
    const part = fc.oneof(fc.nat({ max: 99999 }).map(String), fc.constantFrom('', 'x', '00012', '1234567', '-1'));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.join('.');
        const theirs = parseBuild(text);
        const mine = js.parseBuild(text);
        expect(mine).toEqual(theirs && theirs.parts === 4 ? theirs.build : null);
      }),
      { numRuns: 3000 },
    );
  });

  test('on random pairs: same order', () => {
    const build = fc.tuple(fc.nat(20), fc.nat(3), fc.nat(3000), fc.nat(100));
    fc.assert(
      fc.property(build, build, (a, b) => {
        expect(sign(js.compareBuilds(a, b))).toBe(sign(compareBuilds(a, b)));
      }),
      { numRuns: 3000 },
    );
  });
});

test.each([
  ['15.02.1748.053', '15.2.1748.53', 'long format from the Learn table and CVE records'],
  [' 15.1.2176.9 ', '15.1.2176.9', 'surrounding spaces from a table cell'],
  ['14.03.0513.000', '14.3.513.0', 'Exchange 2010, all zero-padded'],
  ['15.2.1748', null, 'three parts name no release'],
  ['15.2.1748.53.1', null, 'five parts'],
  ['publication', null, 'what old CVE records write instead of a build'],
  ['15.2.1748.1234567', null, 'a part longer than six digits'],
])('normaliseBuild(%j) is %j (%s)', (text, expected, _why) => {
  expect(js.normaliseBuild(text)).toBe(expected);
});

test('compareBuildText refuses a malformed build rather than guessing', () => {
  expect(() => js.compareBuildText('15.1.2176.9', '15.1.2176')).toThrow(/not a 4-part build/);
  expect(js.compareBuildText('15.1.2176.10', '15.1.2176.9')).toBeGreaterThan(0);
});
