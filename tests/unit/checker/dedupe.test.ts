/** Repeated mentions collapse (dedupe.ts): per line, per listed server, then one server, one verdict. */
import { describe, expect, test } from 'vitest';
import { formatBuild } from '../../../src/checker/compare-builds.ts';
import { dedupe } from '../../../src/checker/dedupe.ts';
import { findVersions } from '../../../src/checker/parse-input.ts';
import * as F from './fixtures.ts';

const kept = (text: string) =>
  dedupe(findVersions(text)).map((f) => [f.serverName, formatBuild(f.build, f.parts), f.format]);

describe('dedupe', () => {
  test.each([
    [
      'ExSetup table: ProductVersion and FileVersion columns on one line',
      F.EXSETUP_TABLE,
      [[null, '15.1.2176.9', 'exsetup']],
    ],
    [
      'ExSetup list: ProductVersion and FileVersion lines of one server',
      F.EXSETUP_LIST,
      [['EX01', '15.2.1118.9', 'exsetup']],
    ],
    [
      'ExSetup lists of two servers (Format-List separates objects by a blank line) keep both',
      'ProductVersion : 15.02.1118.009\nFileVersion : 15.02.1118.009\nPSComputerName : EX01\n\nProductVersion : 15.02.1118.009\nFileVersion : 15.02.1118.009\nPSComputerName : EX02',
      [
        ['EX01', '15.2.1118.9', 'exsetup'],
        ['EX02', '15.2.1118.9', 'exsetup'],
      ],
    ],
    [
      'the same build in short and long form on one line',
      '15.1.2176.9 (15.01.2176.009)',
      [[null, '15.1.2176.9', 'build']],
    ],
    [
      'HealthChecker: Version label and Build Number are one server',
      F.HEALTHCHECKER_LAGGING_LABEL,
      [['MBX-7', '15.2.1118.20', 'healthchecker']],
    ],
    ['AdminDisplayVersion and ExSetup of one server', F.GES_THEN_EXSETUP_LIST, [['EX01', '15.1.2507.39', 'exsetup']]],
  ])('%s', (_why, text, expected) => {
    expect(kept(text)).toEqual(expected);
  });

  test('findings out of span order are sorted first (callers other than findVersions)', () => {
    const raw = findVersions('15.1.2176.9\n\n15.2.1118.20');
    const out = dedupe([...raw].reverse());
    expect(out.map((f) => f.span[0])).toEqual([0, 13]);
  });

  test('each kept finding carries what was folded into it, and nothing is both kept and folded', () => {
    const out = dedupe(findVersions(`${F.GES_TABLE_THEN_REMOTE_EXSETUP}\n\n${F.SCANNER_FIXED_IN}`));
    const keptSpans = new Set(out.map((f) => f.span[0]));
    const foldedSpans = out.flatMap((f) => f.superseded.map((s) => s.span[0]));
    expect(foldedSpans).toHaveLength(5);
    for (const s of foldedSpans) expect(keptSpans.has(s)).toBe(false);
    expect(new Set(foldedSpans).size).toBe(foldedSpans.length);
  });
});
