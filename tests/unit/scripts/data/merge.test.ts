/**
 * Merge rules: new rows are added in place, Microsoft's listing confirms rows, differing values are
 * conflicts, nothing is deleted, a second run changes nothing, and new KEV CVEs are added only with
 * enough data.
 */
import { describe, expect, test } from 'vitest';
import { indexLines } from '../../../../scripts/data/lines.js';
import { merge } from '../../../../scripts/data/merge.js';
import { cvePath, parseCveRecord } from '../../../../scripts/data/parse-cve.js';
import { parseKev } from '../../../../scripts/data/parse-kev.js';
import { parseLearnPage } from '../../../../scripts/data/parse-learn.js';
import { checkIntegrity } from '../../../../scripts/data/integrity.js';
import type { CveRecord, DataSet, KevCatalog, LearnRow } from '../../../../scripts/data/types.js';
import { fixture, fixtureJson, learnPage, realData, schemas } from './helpers.ts';

const today = '2026-11-29';
const data = realData();
const row = (d: DataSet, build: string) => d.releases.find((r) => r.build === build);
const learnFixture = (file = 'learn.html') => parseLearnPage(fixture(file), file);
const cveFixtures = (): CveRecord[] =>
  ['CVE-2026-69356', 'CVE-2026-96940', 'CVE-2024-21410', 'CVE-2021-26855', 'CVE-2021-42321', 'CVE-2026-99990'].map(
    (id) => parseCveRecord(fixtureJson(`cve/${cvePath(id)}`), id),
  );
const kevFixture = (file = 'kev.json') => parseKev(fixtureJson(file), file);
const everything = () => ({ learn: learnFixture(), cves: cveFixtures(), kev: kevFixture() });

/** A Microsoft CVE record with these per-line fixes. */
function record(
  id: string,
  fixes: [product: string, line: string, fixed: string | null][],
  microsoft = true,
): CveRecord {
  return {
    id,
    state: 'PUBLISHED',
    microsoft,
    published: '2026-11-10',
    title: 'Microsoft Exchange Server Remote Code Execution Vulnerability',
    fixes: fixes.map(([product, line, fixed]) => ({
      product: product as never,
      line,
      fixed,
      raw: fixed ?? 'publication',
      recordProduct: `${product} ${line}`,
    })),
    otherProducts: [],
    kevDateAdded: null,
    origin: id,
  };
}
function kev(...entries: { cveID: string; dateAdded?: string }[]): KevCatalog {
  return {
    catalogVersion: '2026.11.28',
    dateReleased: '2026-11-28',
    total: entries.length,
    exchange: entries.map((e) => ({
      vendorProject: 'Microsoft',
      product: 'Exchange Server',
      vulnerabilityName: 'Microsoft Exchange Server Remote Code Execution Vulnerability',
      dateAdded: '2026-11-12',
      shortDescription: 'Exchange Server lets an authenticated attacker run code on the server.',
      knownRansomwareCampaignUse: 'Unknown',
      ...e,
    })),
  };
}

describe('new releases', () => {
  test("a release on Microsoft's page that we lack is added after its line's last build, as confirmed", () => {
    const { data: next, report, changed } = merge(data, { learn: learnPage([{}]) }, { today });
    expect(changed).toBe(true);
    const at = next.releases.findIndex((r) => r.build === '15.2.2562.60');
    expect(next.releases[at - 1]?.build).toBe('15.2.2562.53');
    // Key order and values exactly as the file writes rows.
    expect(JSON.stringify(next.releases[at])).toBe(
      '{"product":"Exchange Server SE","line":"RTM","update":"Nov26SU","build":"15.2.2562.60","date":"2026-11-10","kb":"KB5999001","sources":["ms-learn"],"confidence":"confirmed"}',
    );
    expect(report.added).toEqual([
      {
        name: 'Exchange Server SE RTM Nov26SU',
        build: '15.2.2562.60',
        date: '2026-11-10',
        kb: 'KB5999001',
        sources: ["Microsoft's build-number page"],
      },
    ]);
    expect(next.releases).toHaveLength(data.releases.length + 1);
  });

  test('an Exchange 2010 row keeps the "rollup" key; a row in the middle of a product goes in build order', () => {
    const page = learnPage([
      {
        product: 'Exchange Server 2010',
        line: 'SP3',
        rollup: 'RU33',
        update: null,
        name: 'Update Rollup 33 for Exchange Server 2010 SP3',
        build: '14.3.520.0',
        date: '2026-11-10',
        kb: 'KB5999003',
      },
      {
        product: 'Exchange Server 2016',
        line: 'CU22',
        update: 'Nov26SU',
        name: 'Exchange Server 2016 CU22 Nov26SU',
        build: '15.1.2375.40',
        date: '2026-11-10',
        kb: null,
      },
    ]);
    const { data: next } = merge(data, { learn: page }, { today });
    const ru33 = next.releases.findIndex((r) => r.build === '14.3.520.0');
    expect(next.releases[ru33]).toEqual({
      product: 'Exchange Server 2010',
      line: 'SP3',
      rollup: 'RU33',
      update: null,
      build: '14.3.520.0',
      date: '2026-11-10',
      kb: 'KB5999003',
      sources: ['ms-learn'],
      confidence: 'confirmed',
    });
    expect(next.releases[ru33 - 1]?.build).toBe('14.3.513.0');
    expect(next.releases[ru33 + 1]?.product).toBe('Exchange Server 2013');
    const cu22 = next.releases.findIndex((r) => r.build === '15.1.2375.40');
    expect('rollup' in next.releases[cu22]!).toBe(false);
    expect(next.releases[cu22 + 1]?.line).toBe('CU23');
    expect(checkIntegrity(next, schemas())).toEqual([]);
  });

  test('a new CU line is accepted (learn-new-cu.html: Exchange SE CU1)', () => {
    const { data: next, report } = merge(data, { learn: learnFixture('learn-new-cu.html') }, { today });
    expect(report.errors).toEqual([]);
    expect(row(next, '15.2.2650.4')).toMatchObject({
      product: 'Exchange Server SE',
      line: 'CU1',
      update: null,
      kb: null,
    });
    expect(indexLines(next.releases).lineOf('15.2.2650.4')?.line).toBe('CU1');
    expect(checkIntegrity(next, schemas())).toEqual([]);
  });

  test.each<[string, Partial<LearnRow>, RegExp]>([
    [
      'a 2019 name on an SE build',
      { product: 'Exchange Server 2019', line: 'CU15', name: 'Exchange Server 2019 CU15 Nov26SU' },
      /belongs to Exchange Server SE/,
    ],
    [
      'a CU14 name on a CU15 build',
      { product: 'Exchange Server 2019', line: 'CU14', name: 'x', build: '15.2.1748.60' },
      /belongs to Exchange Server 2019 CU15/,
    ],
    [
      'an SP2 name on an SP3 build',
      { product: 'Exchange Server 2010', line: 'SP2', rollup: 'RU9', update: null, name: 'x', build: '14.3.520.0' },
      /must start 14\.2\./,
    ],
    ['a known line on a new build prefix', { line: 'RTM', build: '15.2.2600.1' }, /known with other build numbers/],
  ])('refuses %s', (_why, r, message) => {
    const { report, changed } = merge(data, { learn: learnPage([r]) }, { today });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(message);
    expect(changed).toBe(false);
  });
});

describe('confirmation by Microsoft', () => {
  const { data: next, report } = merge(data, everything(), { today });

  test.each([
    ['15.2.2562.49', ['pfister-2026-10', 'ms-learn', 'ms-cve'], 'SE Sep26SU: on the page and in CVE-2026-69356'],
    ['15.2.2562.53', ['pfister-2026-10', 'ms-learn', 'ms-cve'], 'SE Sep26SUv2: on the page and in CVE-2026-96940'],
    ['15.2.1748.51', ['pfister-2026-10', 'ms-cve'], '2019 CU15 Sep26SU: CVE record only'],
    ['15.2.1748.53', ['pfister-2026-10', 'ms-learn', 'ms-cve'], '2019 CU15 Sep26SUv2'],
    ['15.2.1544.46', ['pfister-2026-10', 'ms-cve'], '2019 CU14 Sep26SU'],
    ['15.2.1544.48', ['pfister-2026-10', 'ms-cve'], '2019 CU14 Sep26SUv2'],
    ['15.1.2507.73', ['pfister-2026-10', 'ms-learn', 'ms-cve'], '2016 CU23 Sep26SU'],
    ['15.1.2507.75', ['pfister-2026-10', 'ms-cve'], '2016 CU23 Sep26SUv2'],
  ])('%s becomes confirmed with sources %j (%s)', (build, sources, _why) => {
    expect(row(data, build)).toMatchObject({ confidence: 'third-party', sources: ['pfister-2026-10'] });
    expect(row(next, build)).toMatchObject({ confidence: 'confirmed', sources });
    expect(row(next, build)?.note).toMatch(/^Known first from a third-party report; confirmed by Microsoft's /);
    expect(report.changed.find((c) => c.build === build)?.changes).toContain('confidence third-party → confirmed');
  });

  test("a row confirmed only by a CVE record says the name, date and KB are still the report's", () => {
    expect(row(next, '15.1.2507.75')?.note).toMatch(
      /CVE-2026-96940, which gives the build number; the name, date and KB are still the report/,
    );
    expect(row(next, '15.2.2562.53')?.note).not.toMatch(/still the report/);
  });

  test('no row is left third-party, and the kept values (name, date, KB) did not move', () => {
    expect(next.releases.filter((r) => r.confidence === 'third-party')).toEqual([]);
    for (const r of data.releases.filter((x) => x.confidence === 'third-party'))
      expect(row(next, r.build)).toMatchObject({ update: r.update, date: r.date, kb: r.kb });
  });

  test('a single-source row listed on the page: KB filled in, month date refined, confirmed', () => {
    const page = learnPage([
      {
        product: 'Exchange Server 2019',
        line: 'CU1',
        update: 'Apr19SU',
        name: 'Exchange Server 2019 CU1 Apr19SU',
        build: '15.2.330.7',
        date: '2019-04-09',
        kb: 'KB4487563',
      },
    ]);
    const { data: out, report: r } = merge(data, { learn: page }, { today });
    expect(row(data, '15.2.330.7')).toMatchObject({ date: '2019-04', kb: null, confidence: 'single-source' });
    expect(row(out, '15.2.330.7')).toMatchObject({
      date: '2019-04-09',
      kb: 'KB4487563',
      confidence: 'confirmed',
      sources: ['css-exchange', 'ms-learn'],
    });
    expect(r.changed[0]?.changes).toEqual([
      'KB filled in: KB4487563',
      'date 2019-04 → 2019-04-09',
      "now also listed by Microsoft's build-number page",
      'confidence single-source → confirmed',
    ]);
  });

  test('a month-only date on the page for a row with a full date is not a conflict and changes nothing', () => {
    const page = learnPage([{ update: 'Aug26SU', name: 'x', build: '15.2.2562.46', date: '2026-08', kb: 'KB5121573' }]);
    const { report: r, changed } = merge(data, { learn: page }, { today });
    expect(r.conflicts).toEqual([]);
    expect(changed).toBe(false);
  });
});

describe('conflicts fail the run and change nothing', () => {
  test('learn-conflict.html: a different KB, build and date are each reported', () => {
    const { report } = merge(data, { learn: learnFixture('learn-conflict.html') }, { today });
    expect(report.conflicts).toEqual([
      "Exchange Server SE RTM Aug26SU (15.2.2562.46): KB KB5121999 on Microsoft's page, KB5121573 in our data.",
      "Exchange Server 2019 CU15 Aug26SU: build 15.2.1748.50 on Microsoft's page, 15.2.1748.49 in our data (same release, different build).",
      "Exchange Server 2016 CU23 Aug26SU (15.1.2507.72): released 2026-08-12 on Microsoft's page, 2026-08-11 in our data.",
    ]);
  });

  test.each<[string, Partial<LearnRow>[], RegExp]>([
    [
      'another name for a known build',
      [{ update: 'Jul26SU', name: 'x', build: '15.2.2562.46', date: '2026-08-11', kb: 'KB5121573' }],
      /calls it "Exchange Server SE RTM Jul26SU", our data "Exchange Server SE RTM Aug26SU"/,
    ],
    ['one build listed twice with different values', [{}, { kb: 'KB5999009' }], /lists 15\.2\.2562\.60 twice/],
    [
      'a third-party row whose KB Microsoft gives differently',
      [{ update: 'Sep26SU', build: '15.2.2562.49', date: '2026-09-08', kb: 'KB5121699' }],
      /KB KB5121699 on Microsoft's page, KB5121608 in our data/,
    ],
  ])('%s', (_why, rows, message) => {
    const { report, data: next } = merge(data, { learn: learnPage(rows) }, { today });
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]).toMatch(message);
    for (const r of data.releases) expect(row(next, r.build), r.build).toEqual(r);
  });

  test('a KEV date that differs from ours (kev-conflict.json)', () => {
    const { report } = merge(data, { kev: kevFixture('kev-conflict.json') }, { today });
    expect(report.conflicts).toEqual(['CVE-2021-26855: added to KEV on 2021-11-04 says CISA, 2021-11-03 in our data.']);
  });

  test("Microsoft's known misprint (2010 SP2 RU5 as 14.3.328.5) is skipped and listed, not a conflict", () => {
    const { report } = merge(data, { learn: learnFixture() }, { today });
    expect(report.conflicts).toEqual([]);
    expect(report.ignored).toEqual([
      expect.stringMatching(/^Exchange Server 2010 SP2 RU5 14\.3\.328\.5 on Microsoft's page: /),
    ]);
  });
});

describe('rows the page parser could not read', () => {
  test('with a build we know: a note; with a build we do not know: an error (a release could be missed)', () => {
    const page = learnPage(
      [],
      [
        {
          section: 'Exchange Server SE',
          name: 'Exchange Server SE RTM August SU',
          build: '15.2.2562.46',
          reason: 'release name not understood',
        },
        {
          section: 'Exchange Server SE',
          name: 'Exchange Server SE CU1 Nov26SU preview',
          build: '15.2.2650.9',
          reason: 'release name not understood',
        },
      ],
    );
    const { report } = merge(data, { learn: page }, { today });
    expect(report.notes).toEqual([expect.stringContaining('already known as Exchange Server SE RTM Aug26SU')]);
    expect(report.errors).toEqual([
      expect.stringContaining('Its build 15.2.2650.9 is not in our data, so a release could be missed.'),
    ]);
  });
});

describe('never deletes, never changes silently, and a second run changes nothing', () => {
  const first = merge(data, everything(), { today });

  test('every row and CVE of the data is still there; rows differ only where the report says so', () => {
    for (const r of data.releases) {
      const now = row(first.data, r.build);
      expect(now, r.build).toBeDefined();
      if (!first.report.changed.some((c) => c.build === r.build)) expect(now, r.build).toEqual(r);
    }
    for (const v of data.vulnerabilities.vulnerabilities)
      expect(first.data.vulnerabilities.vulnerabilities.find((x) => x.id === v.id)).toEqual(v);
  });

  test('a page listing only a few rows removes nothing', () => {
    const { data: next } = merge(data, { learn: learnPage([{}]) }, { today });
    expect(next.releases.filter((r) => r.build !== '15.2.2562.60')).toEqual(data.releases);
  });

  test('the input data is not modified', () => {
    const before = structuredClone(data);
    merge(data, everything(), { today });
    expect(data).toEqual(before);
  });

  test('merging the same sources again changes nothing and logs nothing', () => {
    const second = merge(first.data, everything(), { today: '2026-11-30' });
    expect(second.changed).toBe(false);
    expect(second.data).toEqual(first.data);
    expect(second.report.added).toEqual([]);
    expect(second.report.changed).toEqual([]);
    expect(second.report.vulnerabilitiesAdded).toEqual([]);
  });

  test('the merged data passes every integrity rule, and the changelog gains one dated entry', () => {
    expect(checkIntegrity(first.data, schemas())).toEqual([]);
    expect(first.data.changelog.entries).toHaveLength(data.changelog.entries.length + 1);
    expect(first.data.changelog.entries.at(-1)).toMatchObject({
      date: today,
      by: 'data-update',
      sources: ['ms-learn', 'ms-cve', 'cisa-kev'],
    });
  });
});

describe('exploited CVEs from the KEV catalog', () => {
  test('kev.json + its record: CVE-2026-99990 is added in the existing shape; CVE-2026-99991 (no record) needs a person', () => {
    const { data: next, report } = merge(data, everything(), { today });
    const added = next.vulnerabilities.vulnerabilities.at(-1)!;
    expect(added).toMatchObject({
      id: 'CVE-2026-99990',
      families: ['other-kev'],
      kev: true,
      kevDateAdded: '2026-11-12',
      published: '2026-11-10',
      fixInferred: false,
      ranges: [
        {
          product: 'Exchange Server SE',
          line: 'RTM',
          events: [{ introduced: '0' }, { fixed: '15.2.2562.60' }],
          listed: true,
        },
      ],
    });
    expect(Object.keys(added)).toEqual(
      Object.keys(data.vulnerabilities.vulnerabilities[0]!).filter((k) => k !== 'notAffected'),
    );
    expect(report.vulnerabilitiesAdded.map((v) => v.id)).toEqual(['CVE-2026-99990']);
    expect(report.attention).toEqual([
      expect.stringMatching(/^CVE-2026-99991 .* no CVE record was read for it\. Add it by hand\.$/),
    ]);
    expect(next.vulnerabilities.vulnerabilities.some((v) => v.id === 'CVE-2026-99991')).toBe(false);
  });

  test('ranges cover every older line of each listed product; a CU fixed only by moving on keeps "introduced" alone', () => {
    const rec = record('CVE-2026-90001', [
      ['Exchange Server 2016', 'CU23', '15.1.2507.75'],
      ['Exchange Server 2019', 'CU13', '15.2.1544.4'],
      ['Exchange Server 2019', 'CU14', '15.2.1544.48'],
      ['Exchange Server 2019', 'CU15', '15.2.1748.53'],
    ]);
    const { data: next, report } = merge(data, { kev: kev({ cveID: 'CVE-2026-90001' }), cves: [rec] }, { today });
    const v = next.vulnerabilities.vulnerabilities.find((x) => x.id === 'CVE-2026-90001')!;
    const lines = indexLines(data.releases);
    expect(v.ranges.map((r) => `${r.product} ${r.line}`)).toEqual([
      ...lines.linesOf('Exchange Server 2016').map((l) => `Exchange Server 2016 ${l.line}`),
      ...lines.linesOf('Exchange Server 2019').map((l) => `Exchange Server 2019 ${l.line}`),
    ]);
    const at = (p: string, l: string) => v.ranges.find((r) => r.product === p && r.line === l)!;
    expect(at('Exchange Server 2016', 'CU22')).toMatchObject({ events: [{ introduced: '0' }], listed: false });
    expect(at('Exchange Server 2019', 'CU13')).toMatchObject({ events: [{ introduced: '0' }], listed: true });
    expect(at('Exchange Server 2019', 'CU13').note).toMatch(/fixed only by moving to CU14/);
    expect(at('Exchange Server 2019', 'CU15')).toMatchObject({
      events: [{ introduced: '0' }, { fixed: '15.2.1748.53' }],
    });
    expect(report.vulnerabilitiesAdded[0]?.fixes).toContain('Exchange Server 2019 CU13: only by moving to CU14');
    expect(checkIntegrity(next, schemas())).toEqual([]);
  });

  test.each<[string, CveRecord | null, RegExp]>([
    ['no record', null, /no CVE record was read for it/],
    [
      'a record without builds',
      record('CVE-2026-90002', [['Exchange Server SE', 'RTM', null]]),
      /gives no fixed build/,
    ],
    [
      'a fixed build we have no release for',
      record('CVE-2026-90002', [['Exchange Server SE', 'RTM', '15.2.2562.61']]),
      /is not a release we know yet/,
    ],
    [
      'a record from another CNA',
      record('CVE-2026-90002', [['Exchange Server SE', 'RTM', '15.2.2562.53']], false),
      /CNA is not Microsoft/,
    ],
    [
      'a line we do not know',
      record('CVE-2026-90002', [['Exchange Server SE', 'CU1', '15.2.2650.4']]),
      /Exchange Server SE CU1 is not a line we know/,
    ],
  ])('is proposed, not added, with %s', (_why, rec, message) => {
    const {
      data: next,
      report,
      changed,
    } = merge(data, { kev: kev({ cveID: 'CVE-2026-90002' }), cves: rec ? [rec] : [] }, { today });
    expect(changed).toBe(false);
    expect(next.vulnerabilities).toEqual(data.vulnerabilities);
    // The KEV proposal; a fixed build we lack is also reported on its own.
    expect(report.attention.filter((a) => a.startsWith('CVE-2026-90002 '))).toEqual([expect.stringMatching(message)]);
  });
});

describe("Microsoft's records against our ranges and releases", () => {
  test("CVE-2021-42321: the record's 2019 CU10 slip is reported as a difference and not applied", () => {
    const { data: next, report } = merge(data, { cves: cveFixtures() }, { today });
    expect(report.differences).toEqual([
      'CVE-2021-42321 Exchange Server 2019 CU10: the record gives 15.2.792.19 (CU8), we have 15.2.922.19.',
    ]);
    expect(next.vulnerabilities).toEqual(data.vulnerabilities);
  });

  test('a fixed build we lack, or on no known line, needs a person (its name, date and KB are unknown)', () => {
    const rec = record('CVE-2026-90003', [
      ['Exchange Server SE', 'RTM', '15.2.2562.61'],
      ['Exchange Server SE', 'CU1', '15.2.2650.9'],
    ]);
    const { report, changed } = merge(data, { cves: [rec] }, { today });
    expect(changed).toBe(false);
    expect(report.attention).toEqual([
      expect.stringContaining(
        'gives 15.2.2562.61 as the fix for Exchange Server SE RTM, but no release has that build',
      ),
      expect.stringContaining('gives 15.2.2650.9 as the fix for Exchange Server SE CU1, a build on no CU line we know'),
    ]);
  });
});
