/**
 * The open API: both documents match their own JSON Schemas, and every status in builds.json is what
 * the checker says for that build when someone pastes it.
 */
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { analyse, allReleases, DATA_AS_OF, DATA_AS_OF_CONFIRMED } from '../../../src/checker/index.ts';
import vulnJson from '../../../src/data/vulnerabilities.json';
import { buildApi, type BuildsDocument } from '../../../src/server/api.ts';

const api = buildApi();
const builds = api['api/v1/builds.json'];
const vulns = api['api/v1/vulnerabilities.json'];
const ajv = new Ajv({ allErrors: true, strict: true });

describe('schemas', () => {
  test.each([
    ['builds', api['api/v1/builds.schema.json'], builds],
    ['vulnerabilities', api['api/v1/vulnerabilities.schema.json'], vulns],
  ])('%s.json matches its schema', (_name, schema, doc) => {
    const validate = ajv.compile(schema);
    validate(doc);
    expect(validate.errors ?? []).toEqual([]);
  });

  const first = (d: BuildsDocument) => d.products[0]!.lines[0]!.releases[0]!;
  test.each<[string, (d: BuildsDocument) => void]>([
    ['an unknown status', (d) => Object.assign(first(d).families, { proxylogon: 'fine' })],
    ['a missing family', (d) => delete (first(d).families as Partial<Record<string, string>>)['other-kev']],
    ['a malformed build', (d) => (first(d).build = '15.1.2176')],
    ['an extra field', (d) => Object.assign(d.products[0]!.lines[0]!, { extra: true })],
    ['no dataAsOf', (d) => delete (d as Partial<BuildsDocument>).dataAsOf],
  ])('the builds schema rejects %s (it is strict enough to catch mistakes)', (_why, spoil) => {
    const doc = structuredClone(builds);
    spoil(doc);
    expect(ajv.compile(api['api/v1/builds.schema.json'])(doc)).toBe(false);
  });

  test('the vulnerabilities schema rejects a fixed build that is not a build', () => {
    const doc = structuredClone(vulns);
    doc.vulnerabilities[0]!.fixes[0]!.fixed = 'March 2021';
    expect(ajv.compile(api['api/v1/vulnerabilities.schema.json'])(doc)).toBe(false);
  });
});

describe('builds.json', () => {
  const releases = builds.products.flatMap((p) => p.lines.flatMap((l) => l.releases));

  test('carries the data dates the checker computes', () => {
    expect(builds.dataAsOf).toBe(DATA_AS_OF);
    expect(builds.dataAsOfConfirmed).toBe(DATA_AS_OF_CONFIRMED);
    expect(vulns.dataAsOf).toBe(DATA_AS_OF);
  });

  test('lists every release of allReleases(), in the same order', () => {
    const expected = allReleases().flatMap((g) => g.lines.flatMap((l) => l.releases.map((r) => r.build)));
    expect(releases.map((r) => r.build)).toEqual(expected);
    expect(releases.length).toBeGreaterThan(300);
  });

  test('every status is what analyse() says for that exact build', () => {
    const today = '2026-11-29';
    for (const r of releases) {
      const [finding, ...more] = analyse(r.build, { today }).findings;
      expect(more, r.build).toEqual([]);
      expect(finding, r.build).toBeDefined();
      const fromChecker = Object.fromEntries(finding!.families.map((f) => [f.id, f.status]));
      expect(r.families, r.build).toEqual(fromChecker);
      expect(r.overall, r.build).toBe(finding!.overall);
    }
  });

  test('every source id a release cites is described in the document', () => {
    for (const r of releases) for (const s of r.sources) expect(Object.keys(builds.sources), r.build).toContain(s);
  });

  test('is plain JSON (survives a round trip unchanged)', () => {
    expect(JSON.parse(JSON.stringify(builds))).toEqual(builds);
  });
});

describe('vulnerabilities.json', () => {
  test('lists every CVE of the data with one fix entry per range', () => {
    expect(vulns.vulnerabilities.map((v) => v.id)).toEqual(vulnJson.vulnerabilities.map((v) => v.id));
    vulnJson.vulnerabilities.forEach((v, i) => expect(vulns.vulnerabilities[i]!.fixes).toHaveLength(v.ranges.length));
  });

  test("fixed builds are the ranges' fixed events; never-fixed lines are null", () => {
    for (const v of vulnJson.vulnerabilities) {
      const out = vulns.vulnerabilities.find((x) => x.id === v.id)!;
      v.ranges.forEach((r, i) => {
        const fixed = r.events.find((e) => 'fixed' in e) as { fixed: string; disputedFrom?: string } | undefined;
        expect(out.fixes[i], `${v.id} ${r.product} ${r.line}`).toMatchObject({
          product: r.product,
          line: r.line,
          fixed: fixed?.fixed ?? null,
          disputedFrom: fixed?.disputedFrom ?? null,
          listed: r.listed,
        });
      });
    }
  });

  test('the ProxyLogon fix for Exchange 2016 CU19 is the March 2021 update, and CU8 keeps its disputed lower value', () => {
    const cve = vulns.vulnerabilities.find((v) => v.id === 'CVE-2021-26855')!;
    expect(cve.fixes.find((f) => f.product === 'Exchange Server 2016' && f.line === 'CU19')?.fixed).toBe('15.1.2176.9');
    expect(cve.fixes.find((f) => f.product === 'Exchange Server 2016' && f.line === 'CU8')).toMatchObject({
      fixed: '15.1.1415.10',
      disputedFrom: '15.1.1415.8',
    });
    expect(cve.notAffected).toEqual(['Exchange Server 2010']);
  });
});
