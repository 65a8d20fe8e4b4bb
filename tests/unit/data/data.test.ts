/**
 * Data integrity: schemas, duplicates, ordering, dates, sources, and that every build parses with the
 * checker's own parser and classifies back to its own product and CU.
 */
import { Ajv } from 'ajv';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import changelog from '../../../src/data/changelog.json';
import changelogSchema from '../../../src/data/changelog.schema.json';
import conflicts from '../../../src/data/conflicts.json';
import conflictsSchema from '../../../src/data/conflicts.schema.json';
import lifecycle from '../../../src/data/lifecycle.json';
import lifecycleSchema from '../../../src/data/lifecycle.schema.json';
import releases from '../../../src/data/releases.json';
import releasesSchema from '../../../src/data/releases.schema.json';
import sources from '../../../src/data/sources.json';
import sourcesSchema from '../../../src/data/sources.schema.json';
import vulns from '../../../src/data/vulnerabilities.json';
import vulnsSchema from '../../../src/data/vulnerabilities.schema.json';
import * as checkerIndex from '../../../src/checker/index.ts';
import { compareBuilds, DATA_AS_OF, parseBuild } from '../../../src/checker/index.ts';
import * as checkerReleases from '../../../src/checker/releases.ts';
import { getLine, LINES, productOf } from '../../../src/checker/releases.ts';
import { readData, readSchemas } from '../../../scripts/data/data-files.js';
import { checkIntegrity } from '../../../scripts/data/integrity.js';
import { gapProblems, lineOrderProblems, rangeLineProblems, roundTripProblems } from './checker-integrity.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
const rows = releases.releases;
const b = (s: string) => parseBuild(s)!.build;
const checker = { index: checkerIndex, releases: checkerReleases };
const DATA_DIR = fileURLToPath(new URL('../../../src/data/', import.meta.url));

describe('schemas', () => {
  test.each([
    ['releases', releasesSchema, releases],
    ['vulnerabilities', vulnsSchema, vulns],
    ['lifecycle', lifecycleSchema, lifecycle],
    ['conflicts', conflictsSchema, conflicts],
    ['sources', sourcesSchema, sources],
    ['changelog', changelogSchema, changelog],
  ])('%s.json matches its schema', (_name, schema, data) => {
    const validate = ajv.compile(schema);
    const ok = validate(data);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('releases', () => {
  test('no duplicate builds', () => {
    const seen = new Set<string>();
    for (const r of rows) {
      expect(seen.has(r.build), r.build).toBe(false);
      seen.add(r.build);
    }
  });

  test('no duplicate release names (except conflicting variants)', () => {
    const seen = new Set<string>();
    for (const r of rows) {
      if ('variantOf' in r) continue;
      const key = `${r.product}|${r.line}|${'rollup' in r ? r.rollup : ''}|${r.update}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  test('every row cites at least one known source', () => {
    for (const r of rows) {
      expect(r.sources.length).toBeGreaterThan(0);
      for (const s of r.sources) expect(Object.keys(sources.sources), `${r.build}: ${s}`).toContain(s);
    }
  });

  test('every source id used anywhere exists', () => {
    const ids = Object.keys(sources.sources);
    for (const c of conflicts.conflicts) for (const s of c.sources) expect(ids).toContain(s);
    for (const p of lifecycle.products) for (const s of p.sources) expect(ids).toContain(s);
  });

  test('builds ascend within each line, and so do dates (non-variant rows)', () => {
    expect(lineOrderProblems(checker)).toEqual([]);
  });

  test('dates are plausible: real calendar dates from 2009 up to the newest release', () => {
    for (const r of rows) {
      expect(r.date >= '2009-01').toBe(true);
      if (r.date.length === 10) expect(new Date(r.date + 'T00:00:00Z').toISOString().slice(0, 10)).toBe(r.date);
    }
  });

  test('variantOf points at an existing row of the same line', () => {
    for (const r of rows) {
      if (!('variantOf' in r) || !r.variantOf) continue;
      const other = rows.find((x) => x.build === r.variantOf);
      expect(other, r.build).toBeDefined();
      expect(other!.line).toBe(r.line);
    }
  });

  test('every build parses with the checker and classifies back to its own product and CU', () => {
    expect(roundTripProblems(rows, checker)).toEqual([]);
  });

  test('build prefixes map to their product (15.2 < 2562 is 2019, >= 2562 is SE)', () => {
    for (const r of rows) expect(productOf(b(r.build))).toBe(r.product);
  });
});

describe('vulnerabilities', () => {
  test('every range refers to a line that exists, and fixed builds are known releases on that line', () => {
    expect(rangeLineProblems(rows, vulns.vulnerabilities, checker)).toEqual([]);
  });

  test('no gaps: every line of a ranged product up to its newest ranged line has a range', () => {
    expect(gapProblems(vulns.vulnerabilities, checker)).toEqual([]);
  });

  test('no gaps above: a line newer than every ranged line (judged "shipped with the fix") came out after the fix', () => {
    for (const v of vulns.vulnerabilities)
      for (const product of new Set(v.ranges.map((r) => r.product))) {
        const ranges = v.ranges.filter((r) => r.product === product);
        const top = ranges
          .map((r) => getLine(product as never, r.line)!)
          .reduce((x, y) => (compareBuilds(y.baseBuild, x.baseBuild) > 0 ? y : x));
        const fixDates = ranges
          .flatMap((r) => r.events.map((e) => ('fixed' in e ? rows.find((x) => x.build === e.fixed)?.date : undefined)))
          .filter((d) => d !== undefined)
          .sort();
        const since = fixDates[0] ?? v.published;
        for (const line of LINES.filter((l) => l.product === product && compareBuilds(l.baseBuild, top.baseBuild) > 0))
          expect(line.base.date >= since.slice(0, line.base.date.length), `${v.id}: ${product} ${line.line}`).toBe(
            true,
          );
      }
  });

  test('at most one range per line, each with one "introduced" first and at most one "fixed" after it', () => {
    for (const v of vulns.vulnerabilities) {
      const keys = v.ranges.map((r) => `${r.product}|${r.line}`);
      expect(new Set(keys).size, v.id).toBe(keys.length);
      for (const r of v.ranges) {
        const [first, ...rest] = r.events;
        expect(first && 'introduced' in first, `${v.id} ${r.line}`).toBe(true);
        expect(rest.every((e) => 'fixed' in e) && rest.length <= 1, `${v.id} ${r.line}`).toBe(true);
      }
    }
  });

  test('families: the four ProxyLogon CVEs, three ProxyShell, two ProxyNotShell, OWASSRF', () => {
    const fam = (id: string) =>
      vulns.vulnerabilities
        .filter((v) => v.families.includes(id))
        .map((v) => v.id)
        .sort();
    expect(fam('proxylogon')).toEqual(['CVE-2021-26855', 'CVE-2021-26857', 'CVE-2021-26858', 'CVE-2021-27065']);
    expect(fam('proxyshell')).toEqual(['CVE-2021-31207', 'CVE-2021-34473', 'CVE-2021-34523']);
    expect(fam('proxynotshell')).toEqual(['CVE-2022-41040', 'CVE-2022-41082']);
    expect(fam('owassrf')).toEqual(['CVE-2022-41080', 'CVE-2022-41082']);
  });

  test('every CVE is in KEV with a date', () => {
    for (const v of vulns.vulnerabilities) {
      expect(v.kev).toBe(true);
      expect(v.kevDateAdded).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("the updater's rules (scripts/data/integrity.js)", () => {
  test('the committed data passes every rule npm run data:update enforces before writing', () => {
    expect(checkIntegrity(readData(DATA_DIR), readSchemas(DATA_DIR))).toEqual([]);
  });
});

describe('changelog', () => {
  test('entries ascend by date, none after today, each citing known sources', () => {
    const today = new Date().toISOString().slice(0, 10);
    changelog.entries.forEach((e, i) => {
      if (i > 0) expect(e.date >= changelog.entries[i - 1]!.date, e.date).toBe(true);
      expect(e.date <= today, e.date).toBe(true);
      for (const s of e.sources) expect(Object.keys(sources.sources), s).toContain(s);
    });
  });

  test('the first entry is the one-off import, and the data is not newer than the last entry', () => {
    expect(changelog.entries[0]!.by).toBe('import');
    expect(DATA_AS_OF <= changelog.entries.at(-1)!.date).toBe(true);
  });
});

describe('lifecycle and conflicts', () => {
  test('lifecycle dates ascend: released < end of support <= ESU end', () => {
    for (const p of lifecycle.products) {
      if (p.endOfSupport) expect(p.released < p.endOfSupport).toBe(true);
      if (p.esuEnd && p.endOfSupport) expect(p.endOfSupport < p.esuEnd).toBe(true);
    }
  });

  test('conflict ranges are ordered and in one product', () => {
    for (const c of conflicts.conflicts) {
      const [lo, hi] = c.range as [string, string];
      expect(compareBuilds(b(lo), b(hi))).toBeLessThanOrEqual(0);
      expect(productOf(b(lo))).toBe(c.product);
    }
  });
});
