/**
 * The integrity rules the updater enforces before writing: each one catches the mistake it is for.
 */
import { describe, expect, test } from 'vitest';
import { checkIntegrity } from '../../../../scripts/data/integrity.js';
import type { DataSet, ReleaseRow, VulnRow } from '../../../../scripts/data/types.js';
import { realData, schemas } from './helpers.ts';

const data = realData();
const s = schemas();
const find = (d: DataSet, build: string) => d.releases.find((r) => r.build === build)!;
const cve = (d: DataSet, id: string) => d.vulnerabilities.vulnerabilities.find((v) => v.id === id)!;
const range = (v: VulnRow, product: string, line: string) =>
  v.ranges.find((r) => r.product === product && r.line === line)!;

test('the committed data breaks no rule', () => {
  expect(checkIntegrity(data, s)).toEqual([]);
});

describe('each rule catches its mistake', () => {
  test.each<[string, (d: DataSet) => void, RegExp]>([
    [
      'a schema violation',
      (d) => (find(d, '15.1.2176.9').confidence = 'sure'),
      /releases\.json: \/releases\/\d+\/confidence must be equal to one of the allowed values/,
    ],
    ['a duplicate build', (d) => d.releases.push({ ...find(d, '15.1.2176.9') }), /build 15\.1\.2176\.9 appears twice/],
    [
      'a duplicate release name',
      (d) =>
        d.releases.splice(d.releases.indexOf(find(d, '15.1.2176.9')) + 1, 0, {
          ...find(d, '15.1.2176.9'),
          build: '15.1.2176.10',
        }),
      /Exchange Server 2016 CU19 Mar21SU appears twice/,
    ],
    ['rows out of order', (d) => d.releases.reverse(), /is out of order/],
    [
      'a build of another product',
      (d) => (find(d, '15.1.2176.9').product = 'Exchange Server 2019'),
      /15\.1\.2176\.9 is not a Exchange Server 2019 build/,
    ],
    [
      'an Exchange 2010 build of another service pack',
      (d) => (find(d, '14.3.513.0').line = 'SP2'),
      /14\.3\.513\.0 is not an Exchange 2010 SP2 build/,
    ],
    ['a 2010 row without "rollup"', (d) => delete find(d, '14.3.513.0').rollup, /14\.3\.513\.0 lacks "rollup"/],
    ['an unknown source id', (d) => find(d, '15.1.2176.9').sources.push('blog'), /cites unknown source "blog"/],
    [
      'a variant of nothing',
      (d) => (find(d, '15.1.1415.8').variantOf = '15.1.9999.1'),
      /variant of 15\.1\.9999\.1, which is not a row of its line/,
    ],
    [
      'a date going back within a line',
      (d) => (find(d, '15.1.2176.14').date = '2020-01-01'),
      /CU19 May21SU \(2020-01-01\) is dated before/,
    ],
    [
      'a range for a line that does not exist',
      (d) =>
        cve(d, 'CVE-2024-21410').ranges.push({
          product: 'Exchange Server SE',
          line: 'CU9',
          events: [{ introduced: '0' }],
          listed: false,
        }),
      /CVE-2024-21410 Exchange Server SE CU9 names a line with no release/,
    ],
    [
      'two ranges for one line',
      (d) =>
        cve(d, 'CVE-2024-21410').ranges.push({ ...range(cve(d, 'CVE-2024-21410'), 'Exchange Server 2016', 'CU23') }),
      /Exchange Server 2016 CU23 has two ranges/,
    ],
    [
      'a range without "introduced" first',
      (d) => range(cve(d, 'CVE-2024-21410'), 'Exchange Server 2016', 'CU23').events.reverse(),
      /needs one "introduced" first/,
    ],
    [
      'a fixed build that is no release',
      (d) => (range(cve(d, 'CVE-2024-21410'), 'Exchange Server 2016', 'CU23').events[1] = { fixed: '15.1.2507.38' }),
      /fixed in 15\.1\.2507\.38, which is not a known release/,
    ],
    [
      'a fixed build of another line',
      (d) => (range(cve(d, 'CVE-2024-21410'), 'Exchange Server 2016', 'CU23').events[1] = { fixed: '15.1.2375.37' }),
      /fixed in 15\.1\.2375\.37, a build of another line/,
    ],
    [
      'a gap below the newest ranged line',
      (d) => {
        const v = cve(d, 'CVE-2024-21410');
        v.ranges = v.ranges.filter((r) => !(r.product === 'Exchange Server 2016' && r.line === 'CU10'));
      },
      /CVE-2024-21410 has no range for Exchange Server 2016 CU10 \(a gap below CU23\)/,
    ],
    [
      'a line above the ranged ones released before the fix',
      (d) => {
        const v = cve(d, 'CVE-2021-34473');
        v.ranges = v.ranges.filter((r) => !(r.product === 'Exchange Server 2019' && r.line === 'CU9'));
      },
      /CVE-2021-34473 has no range for Exchange Server 2019 CU9, released 2021-03-16 before the fix \(2021-04-13\)/,
    ],
    [
      'a changelog entry older than the one before',
      (d) => d.changelog.entries.push({ ...d.changelog.entries[0]!, date: '2026-01-01' }),
      /entry 2 \(2026-01-01\) is older than the one before/,
    ],
    [
      'a changelog entry citing an unknown source',
      (d) => d.changelog.entries[0]!.sources.push('rumour'),
      /entry 1 cites unknown source "rumour"/,
    ],
  ])('%s', (_why, spoil, message) => {
    const d = structuredClone(data);
    spoil(d);
    const problems = checkIntegrity(d, s);
    expect(
      problems.some((p) => message.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });
});

test('a new release in its place and a CVE ranged on it pass', () => {
  const d = structuredClone(data);
  const row: ReleaseRow = {
    product: 'Exchange Server SE',
    line: 'RTM',
    update: 'Nov26SU',
    build: '15.2.2562.60',
    date: '2026-11-10',
    kb: null,
    sources: ['ms-learn'],
    confidence: 'confirmed',
  };
  d.releases.push(row);
  d.vulnerabilities.vulnerabilities.push({
    ...structuredClone(cve(d, 'CVE-2026-42897')),
    id: 'CVE-2026-90001',
    ranges: [
      {
        product: 'Exchange Server SE',
        line: 'RTM',
        events: [{ introduced: '0' }, { fixed: '15.2.2562.60' }],
        listed: true,
      },
    ],
  });
  expect(checkIntegrity(d, s)).toEqual([]);
});
