/**
 * The compact data the page's checker loads (data-codec.ts): it decodes to exactly what the checker
 * reads from src/data, and the checker built on it gives the same answers as on the full files, for
 * every known build in every input format and for fuzzed input.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import {
  decodeReleases,
  decodeVulnerabilities,
  encodeReleases,
  encodeVulnerabilities,
  lifecycleFields,
  sourceFields,
  vulnerabilityFields,
  type LifecycleData,
  type ReleaseData,
  type SourceData,
  type ReleaseRow,
  type VulnerabilityData,
} from '../../../src/checker/data-codec.ts';
import type { RangeEvent } from '../../../src/checker/ranges.ts';
import { buildish, mutated, SEEDS } from './fuzz-properties.ts';

const dataDir = join(import.meta.dirname, '../../../src/data');
/** Read from disk, not imported, so no build step can have touched them. */
const readData = <T>(name: string): T => JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as T;
const RELEASES_FILE = readData<ReleaseData & { $schema: string }>('releases.json');
const VULNS_FILE = readData<VulnerabilityData & { $schema: string }>('vulnerabilities.json');
const LIFECYCLE_FILE = readData<LifecycleData & { $schema: string }>('lifecycle.json');
const SOURCES_FILE = readData<SourceData & { $schema: string }>('sources.json');
const CONFLICTS_FILE = readData<{ conflicts: { sources: string[] }[] }>('conflicts.json');
/** What the build keeps of sources.json (scripts/checker-data.ts): what releases and conflicts cite. */
const CITED = [...RELEASES_FILE.releases, ...CONFLICTS_FILE.conflicts].flatMap((row) => row.sources);

describe('releases: every field, exactly', () => {
  test('the real table decodes to itself', () => {
    const compact = encodeReleases(RELEASES_FILE);
    expect(decodeReleases(compact)).toStrictEqual({ releases: RELEASES_FILE.releases });
    // Not the same shape: the rows are grouped by line, and keys are not repeated.
    expect(compact.groups.length).toBeLessThan(RELEASES_FILE.releases.length / 2);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(RELEASES_FILE.releases).length / 2);
  });

  const part = fc.integer({ min: 0, max: 3000 }).map(String);
  const row: fc.Arbitrary<ReleaseRow> = fc
    .record(
      {
        product: fc.constantFrom('Exchange Server 2010', 'Exchange Server 2016'),
        line: fc.constantFrom('CU19', 'SP3', 'RTM'),
        rollup: fc.option(fc.constantFrom('RU1', 'RU31'), { nil: null }),
        update: fc.option(fc.constantFrom('Mar21SU', 'Nov22SU'), { nil: null }),
        build: fc.tuple(fc.constantFrom('14', '15'), fc.constantFrom('1', '2'), part, part).map((p) => p.join('.')),
        date: fc.constantFrom('2021-03-02', '2021-03'),
        kb: fc.option(fc.constantFrom('KB5000871', 'KB5000978 (v2)'), { nil: null }),
        sources: fc.subarray(['ms-learn', 'gebn', 'css-exchange'], { minLength: 1 }),
        confidence: fc.constantFrom('confirmed', 'third-party'),
        variantOf: fc.constantFrom('15.1.2176.9', ''),
        note: fc.string({ maxLength: 10 }),
      },
      {
        requiredKeys: ['product', 'line', 'update', 'build', 'date', 'kb', 'sources', 'confidence'],
        noNullPrototype: true,
      },
    )
    .map((r) => r as ReleaseRow);

  test(
    'any table decodes to itself: absent and null keys, shared and unshared build prefixes, row order',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(fc.array(row, { maxLength: 30 }), (releases) => {
          expect(decodeReleases(encodeReleases({ releases }))).toStrictEqual({ releases });
        }),
        { numRuns: 1_000 },
      );
    },
  );
});

describe('vulnerabilities: the fields the checker reads', () => {
  type Row = Record<string, unknown>;
  type FullData = Row & { vulnerabilities: (Row & { notAffected?: Row[]; ranges: Row[] })[] };
  /** What the page does not get (where, which key), and why no verdict needs it. */
  const DROPPED: [string, (d: FullData) => Row[], string][] = [
    ['the JSON Schema reference: for editors', (d) => [d], '$schema'],
    ["a CVE's note: research notes for people, served by the JSON API", (d) => d.vulnerabilities, 'note'],
    ["a CVE's sources: citations, served by the JSON API", (d) => d.vulnerabilities, 'sources'],
    [
      'where a "not affected" statement comes from: a citation',
      (d) => d.vulnerabilities.flatMap((v) => v.notAffected ?? []),
      'source',
    ],
    [
      "whether the CVE record lists a range's line: provenance; listed and inferred ranges are judged alike",
      (d) => d.vulnerabilities.flatMap((v) => v.ranges),
      'listed',
    ],
  ];

  test('exactly these fields are left out, each present in the data', () => {
    const expected = structuredClone(VULNS_FILE) as unknown as FullData;
    for (const [why, rows, key] of DROPPED) {
      expect(
        rows(expected).filter((row) => key in row),
        why,
      ).not.toHaveLength(0);
      for (const row of rows(expected)) delete row[key];
    }
    expect(vulnerabilityFields(VULNS_FILE)).toStrictEqual(expected);
  });

  test('the real table decodes to those fields', () => {
    const compact = encodeVulnerabilities(VULNS_FILE);
    expect(decodeVulnerabilities(compact)).toStrictEqual(vulnerabilityFields(VULNS_FILE));
    // Each distinct range note is stored once.
    const notes = VULNS_FILE.vulnerabilities.flatMap((v) => v.ranges.flatMap((r) => (r.note ? [r.note] : [])));
    expect(compact.notes).toHaveLength(new Set(notes).size);
    expect(compact.notes.length).toBeLessThan(notes.length);
    // Runs of lines with the same note and events are stored once.
    const ranges = VULNS_FILE.vulnerabilities.flatMap((v) => v.ranges);
    const stored = compact.vulnerabilities.flatMap((v) => v[9]);
    expect(stored.length).toBeLessThan(ranges.length / 2);
  });

  test('a line name the compact form cannot hold stops the build', () => {
    const bad = structuredClone(vulnerabilityFields(VULNS_FILE));
    bad.vulnerabilities[0]!.ranges[0]!.line = 'CU 19';
    expect(() => encodeVulnerabilities(bad)).toThrow(/line "CU 19" of CVE-\d+-\d+: empty or with a space/);
  });

  const build = fc
    .tuple(fc.nat(20), fc.nat(30), fc.nat(3000), fc.nat(999))
    .map((p) => p.join('.'))
    .filter((b) => b !== '0');
  const event: fc.Arbitrary<RangeEvent> = fc.oneof(
    fc.constantFrom('0').map((introduced) => ({ introduced })),
    build.map((introduced) => ({ introduced })),
    build.map((fixed) => ({ fixed })),
    fc.tuple(build, build).map(([fixed, disputedFrom]) => ({ fixed, disputedFrom })),
  );
  const product = fc.constantFrom('Exchange Server 2010', 'Exchange Server 2013', 'Exchange Server SE');
  const vuln = fc.record(
    {
      id: fc.constantFrom('CVE-2021-26855', 'CVE-2022-41082'),
      nickname: fc.string({ maxLength: 8 }),
      families: fc.subarray(['proxylogon', 'other-kev'], { minLength: 1 }),
      summary: fc.string({ maxLength: 8 }),
      kev: fc.boolean(),
      kevDateAdded: fc.option(fc.constant('2021-11-03'), { nil: null }),
      published: fc.constant('2021-03-02'),
      fixInferred: fc.boolean(),
      notAffected: fc.array(fc.record({ product, source: fc.string({ maxLength: 4 }) }), { maxLength: 2 }),
      note: fc.string({ maxLength: 8 }),
      sources: fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
      ranges: fc.array(
        fc.record(
          {
            product,
            line: fc.constantFrom('CU19', 'SP3', 'RTM'),
            listed: fc.boolean(),
            // Often the same as the range before: never fixed, the commonest range in the data.
            events: fc.oneof(
              fc.constant(0).map((): RangeEvent[] => [{ introduced: '0' }]),
              fc.array(event, { minLength: 1, maxLength: 4 }),
            ),
            note: fc.constantFrom('', 'Not listed.', 'Inferred: the February 2019 CUs.'),
          },
          { requiredKeys: ['product', 'line', 'listed', 'events'] },
        ),
        { maxLength: 6 },
      ),
    },
    {
      requiredKeys: ['id', 'nickname', 'families', 'summary', 'kev', 'kevDateAdded', 'published', 'fixInferred'],
    },
  );

  test(
    'any table decodes to its checker fields: events of every kind, notes repeated or empty, notAffected absent or empty',
    { timeout: 60_000 },
    () => {
      const families = VULNS_FILE.families;
      fc.assert(
        fc.property(fc.array(vuln, { maxLength: 6 }), (list) => {
          const data = { families, vulnerabilities: list.map((v) => ({ ranges: [], ...v })) };
          expect(decodeVulnerabilities(encodeVulnerabilities(data))).toStrictEqual(vulnerabilityFields(data));
        }),
        { numRuns: 1_000 },
      );
    },
  );
});

describe('lifecycle: the fields the checker reads', () => {
  test('the ESU note and the citations are left out, each present in the data; nothing else', () => {
    const expected = structuredClone(LIFECYCLE_FILE) as unknown as Record<string, unknown> & {
      products: Record<string, unknown>[];
    };
    delete expected.$schema;
    for (const key of ['esuNote', 'sources']) {
      expect(
        expected.products.filter((p) => key in p),
        key,
      ).not.toHaveLength(0);
      for (const p of expected.products) delete p[key];
    }
    expect(lifecycleFields(LIFECYCLE_FILE)).toStrictEqual(expected);
  });
});

describe('sources: those cited', () => {
  test('keeps exactly the cited ones, each as it is, in file order', () => {
    const all = {
      sources: {
        a: { title: 'A', url: 'https://a', state: '1' },
        b: { title: 'B', url: 'https://b', state: '2' },
        c: { title: 'C', url: 'https://c', state: '3' },
      },
    };
    expect(sourceFields(all, ['c', 'a', 'c', 'not-there'])).toStrictEqual({
      sources: { a: all.sources.a, c: all.sources.c },
    });
    expect(Object.keys(sourceFields(all, ['c', 'a']).sources)).toEqual(['a', 'c']);
    expect(sourceFields(all, [])).toStrictEqual({ sources: {} });
  });

  test('of the real list, the page gets fewer sources, and every one a release or conflict cites', () => {
    const kept = Object.keys(sourceFields(SOURCES_FILE, CITED).sources);
    expect(kept.length).toBeLessThan(Object.keys(SOURCES_FILE.sources).length);
    expect(new Set(kept)).toEqual(new Set(CITED));
  });
});

type Index = typeof import('../../../src/checker/index.ts');
interface Checker {
  index: Index;
  releases: typeof import('../../../src/checker/releases.ts');
  vulnerabilities: typeof import('../../../src/checker/vulnerabilities.ts');
}

/** A fresh checker core whose data imports give `releases`, `vulns`, `lifecycle` and `sources`. */
async function checkerOn(
  releases: unknown,
  vulns: unknown,
  lifecycle: unknown = LIFECYCLE_FILE,
  sources: unknown = SOURCES_FILE,
): Promise<Checker> {
  vi.resetModules();
  vi.doMock('../../../src/data/releases.json', () => ({ default: releases }));
  vi.doMock('../../../src/data/vulnerabilities.json', () => ({ default: vulns }));
  vi.doMock('../../../src/data/lifecycle.json', () => ({ default: lifecycle }));
  vi.doMock('../../../src/data/sources.json', () => ({ default: sources }));
  try {
    return {
      index: await import('../../../src/checker/index.ts'),
      releases: await import('../../../src/checker/releases.ts'),
      vulnerabilities: await import('../../../src/checker/vulnerabilities.ts'),
    };
  } finally {
    vi.doUnmock('../../../src/data/releases.json');
    vi.doUnmock('../../../src/data/vulnerabilities.json');
    vi.doUnmock('../../../src/data/lifecycle.json');
    vi.doUnmock('../../../src/data/sources.json');
    vi.resetModules();
  }
}

const TODAY = '2026-11-27';

/** Every known build as the inputs people paste, and the builds next to it. */
function knownBuildInputs(rows: readonly ReleaseRow[]): string[] {
  const inputs = new Set<string>();
  for (const r of rows) {
    const [a, b, c, d] = r.build.split('.').map(Number) as [number, number, number, number];
    const cu = r.rollup ? `${r.line} ${r.rollup}` : r.line;
    for (const x of [
      r.build,
      `${a}.${String(b).padStart(2, '0')}.${c}.${String(d).padStart(3, '0')}`,
      `${a}.${b}.${c}.${d + 1}`,
      `${a}.${b}.${c}.${Math.max(0, d - 1)}`,
      `${a}.${b}.${c + 1}.0`,
      `${a}.${b}.${c}`,
      `AdminDisplayVersion : Version ${a}.${b} (Build ${c}.${d})`,
      `X-OWA-Version: ${r.build}`,
      `/owa/auth/${a}.${b}.${c}/themes/resources/logon.css`,
      `${r.product} ${cu}${r.update ? ` ${r.update}` : ''}`,
      `Build Number: ${r.build}`,
    ])
      inputs.add(x);
  }
  return [...inputs];
}

/** The inputs on which two checkers answer differently (at most `limit`). */
function differences(one: Checker, other: Checker, inputs: readonly string[], limit = 5): string[] {
  const found: string[] = [];
  for (const text of inputs) {
    const a = one.index.analyse(text, { today: TODAY });
    const b = other.index.analyse(text, { today: TODAY });
    if (JSON.stringify(a) !== JSON.stringify(b)) found.push(text);
    if (found.length >= limit) break;
  }
  return found;
}

describe('the checker on the compact data answers as on the full files', async () => {
  const full = await checkerOn(RELEASES_FILE, VULNS_FILE);
  const compact = await checkerOn(
    decodeReleases(encodeReleases(RELEASES_FILE)),
    decodeVulnerabilities(encodeVulnerabilities(VULNS_FILE)),
    lifecycleFields(LIFECYCLE_FILE),
    sourceFields(SOURCES_FILE, CITED),
  );
  const inputs = knownBuildInputs(RELEASES_FILE.releases);

  test('two separate module instances (the comparison is not of one checker with itself)', () => {
    expect(compact.index).not.toBe(full.index);
    expect(compact.releases.RELEASES).not.toBe(full.releases.RELEASES);
  });

  test('the same tables: releases with their sources, lines, vulnerabilities with their compiled ranges, families, conflicts, data dates, support', () => {
    expect(compact.releases.RELEASES).toStrictEqual(full.releases.RELEASES);
    expect(compact.releases.LINES).toStrictEqual(full.releases.LINES);
    expect(compact.vulnerabilities.VULNERABILITIES).toStrictEqual(full.vulnerabilities.VULNERABILITIES);
    expect(compact.index.FAMILIES).toStrictEqual(full.index.FAMILIES);
    expect(compact.index.DATA_AS_OF).toBe(full.index.DATA_AS_OF);
    expect(compact.index.DATA_AS_OF_CONFIRMED).toBe(full.index.DATA_AS_OF_CONFIRMED);
    expect(compact.index.allReleases()).toStrictEqual(full.index.allReleases());
    expect(compact.index.allConflicts()).toStrictEqual(full.index.allConflicts());
    for (const product of full.releases.PRODUCTS)
      for (const day of [
        '2009-01-01',
        '2020-10-13',
        '2023-04-11',
        '2025-10-14',
        '2026-10-31',
        '2026-11-01',
        '2031-01-01',
      ])
        expect(compact.index.supportStatus(product, day), `${product} ${day}`).toStrictEqual(
          full.index.supportStatus(product, day),
        );
  });

  test(
    'the same result for every known build in every input format, and for the builds around it',
    { timeout: 60_000 },
    () => {
      expect(inputs.length).toBeGreaterThan(RELEASES_FILE.releases.length * 8);
      expect(differences(full, compact, inputs, Infinity)).toEqual([]);
      // Many servers in one paste: the folding of mentions sees the same data too.
      expect(differences(full, compact, [inputs.join('\n'), SEEDS.join('\n\n')])).toEqual([]);
    },
  );

  test('the same result for fuzzed builds and pastes', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(buildish, mutated), (text) => {
        expect(differences(full, compact, [text])).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });

  test('the comparison catches a compact form that loses a detail', { timeout: 60_000 }, async () => {
    // The one range note of 2016 CU8's March 2021 fix, and one fixed build moved by one.
    const vulns = vulnerabilityFields(VULNS_FILE);
    const ranges = vulns.vulnerabilities.flatMap((v) => v.ranges);
    const noted = ranges.find((r) => r.note && r.line === 'CU8' && r.product === 'Exchange Server 2016');
    expect(noted).toBeDefined();
    delete noted!.note;
    const lossy = await checkerOn(RELEASES_FILE, vulns);
    expect(differences(full, lossy, inputs)).not.toEqual([]);

    const moved = vulnerabilityFields(VULNS_FILE);
    const range = moved.vulnerabilities[0]!.ranges.find(
      (r) => r.line === 'CU19' && r.product === 'Exchange Server 2016',
    );
    range!.events = range!.events.map((e) => ('fixed' in e ? { fixed: '15.1.2176.12' } : e));
    const wrong = await checkerOn(RELEASES_FILE, moved);
    // .9 turns vulnerable, .4 is told to install .12; 2019 CU8's range is untouched.
    expect(differences(full, wrong, ['15.1.2176.4', '15.1.2176.9', '15.2.792.10'])).toEqual([
      '15.1.2176.4',
      '15.1.2176.9',
    ]);
  });
});
