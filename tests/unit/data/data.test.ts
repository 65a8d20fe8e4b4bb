/**
 * Data integrity: schemas, duplicates, ordering, dates, sources, and that every build parses with the
 * checker's own parser and classifies back to its own product and CU.
 */
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
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
import { checkText, compareBuilds, parseBuild } from '../../../src/checker/index.ts';
import { getLine, lineOf, LINES, productOf } from '../../../src/checker/releases.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
const rows = releases.releases;
const b = (s: string) => parseBuild(s)!.build;

describe('schemas', () => {
  test.each([
    ['releases', releasesSchema, releases],
    ['vulnerabilities', vulnsSchema, vulns],
    ['lifecycle', lifecycleSchema, lifecycle],
    ['conflicts', conflictsSchema, conflicts],
    ['sources', sourcesSchema, sources],
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
    for (const line of LINES) {
      for (let i = 1; i < line.releases.length; i++) {
        const prev = line.releases[i - 1]!;
        const cur = line.releases[i]!;
        expect(compareBuilds(b(prev.build), b(cur.build)), `${cur.name}`).toBeLessThan(0);
        expect(
          cur.date >= prev.date.slice(0, cur.date.length) || prev.date.startsWith(cur.date),
          `${cur.name} ${cur.date} after ${prev.date}`,
        ).toBe(true);
      }
    }
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
    for (const r of rows) {
      const p = parseBuild(r.build);
      expect(p?.parts, r.build).toBe(4);
      expect(productOf(p!.build), r.build).toBe(r.product);
      expect(lineOf(p!.build)?.line, r.build).toBe(r.line);
      const [f, ...more] = checkText(r.build);
      expect(more, r.build).toEqual([]);
      expect(f?.product, r.build).toBe(r.product);
      const cu = 'rollup' in r && r.rollup ? `${r.line} ${r.rollup}` : r.line;
      expect(f?.cu, r.build).toBe(cu);
      expect(f?.build).toBe(r.build);
      if (!('variantOf' in r))
        expect(f?.update ?? null, r.build).toBe(r.product === 'Exchange Server 2010' ? null : r.update);
    }
  });

  test('build prefixes map to their product (15.2 < 2562 is 2019, >= 2562 is SE)', () => {
    for (const r of rows) expect(productOf(b(r.build))).toBe(r.product);
  });
});

describe('vulnerabilities', () => {
  test('every range refers to a line that exists, and fixed builds are on that line', () => {
    for (const v of vulns.vulnerabilities) {
      for (const r of v.ranges) {
        const line = getLine(r.product as never, r.line);
        expect(line, `${v.id} ${r.product} ${r.line}`).toBeDefined();
        for (const e of r.events) {
          if ('fixed' in e && e.fixed) {
            expect(lineOf(b(e.fixed))?.line, `${v.id} ${e.fixed}`).toBe(r.line);
            expect(
              rows.some((x) => x.build === e.fixed),
              `${v.id} fixed build ${e.fixed} is a known release`,
            ).toBe(true);
          }
        }
      }
    }
  });

  test('no gaps: every line of a ranged product up to its newest ranged line has a range', () => {
    for (const v of vulns.vulnerabilities) {
      const products = new Set(v.ranges.map((r) => r.product));
      for (const product of products) {
        const ranged = v.ranges.filter((r) => r.product === product).map((r) => getLine(r.product as never, r.line)!);
        const top = ranged.reduce((x, y) => (compareBuilds(y.baseBuild, x.baseBuild) > 0 ? y : x));
        for (const line of LINES.filter((l) => l.product === product && compareBuilds(l.baseBuild, top.baseBuild) <= 0))
          expect(ranged.includes(line), `${v.id}: ${product} ${line.line} has no range`).toBe(true);
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
