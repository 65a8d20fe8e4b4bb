/**
 * Microsoft's CVE records (CVE JSON 5): per-CU first fixed builds, old records without builds,
 * records of other CNAs, and input that is not a record.
 */
import { describe, expect, test } from 'vitest';
import { cvePath, lineOfRecordProduct, parseCveRecord } from '../../../../scripts/data/parse-cve.js';
import { SourceError } from '../../../../scripts/data/source-error.js';
import { fixtureJson } from './helpers.ts';

const record = (id: string) => parseCveRecord(fixtureJson(`cve/${cvePath(id)}`), id);

describe('fixture records', () => {
  test('CVE-2026-69356: the September 2026 update, one fixed build per CU line', () => {
    const r = record('CVE-2026-69356');
    expect(r).toMatchObject({
      id: 'CVE-2026-69356',
      state: 'PUBLISHED',
      microsoft: true,
      published: '2026-09-08',
      kevDateAdded: null,
    });
    expect(r.fixes.map((f) => [f.product, f.line, f.fixed])).toEqual([
      ['Exchange Server 2016', 'CU23', '15.1.2507.73'],
      ['Exchange Server 2019', 'CU14', '15.2.1544.46'],
      ['Exchange Server 2019', 'CU15', '15.2.1748.51'],
      ['Exchange Server SE', 'RTM', '15.2.2562.49'],
    ]);
    expect(r.otherProducts).toEqual([]);
  });

  test('CVE-2024-21410: unpadded "15.2.1544.004" is read, and the KEV date comes from the CISA-ADP container', () => {
    const r = record('CVE-2024-21410');
    expect(r.kevDateAdded).toBe('2024-02-15');
    expect(r.fixes.find((f) => f.line === 'CU13')).toMatchObject({ fixed: '15.2.1544.4', raw: '15.2.1544.004' });
  });

  test('CVE-2021-26855: "lessThan: publication" gives the lines but no fixed build', () => {
    const r = record('CVE-2021-26855');
    expect(r.fixes).toHaveLength(3);
    for (const f of r.fixes) expect(f).toMatchObject({ fixed: null, raw: 'publication' });
  });
});

describe('records that must not be trusted for builds', () => {
  type Editable = {
    cveMetadata: Record<string, unknown>;
    containers: { cna: { providerMetadata: Record<string, unknown>; affected: unknown[] } };
  };
  const base = fixtureJson('cve/cves/2026/69xxx/CVE-2026-69356.json') as Editable;

  test('another CNA: read, but marked as not Microsoft', () => {
    const other = structuredClone(base);
    other.cveMetadata.assignerShortName = 'mitre';
    other.containers.cna.providerMetadata.shortName = 'mitre';
    expect(parseCveRecord(other, 'x').microsoft).toBe(false);
  });

  test('a rejected record lists no fixes', () => {
    const rejected = structuredClone(base);
    rejected.cveMetadata.state = 'REJECTED';
    expect(parseCveRecord(rejected, 'x').fixes).toEqual([]);
  });

  test('an Exchange product name we cannot place is kept aside, not guessed', () => {
    const odd = structuredClone(base);
    odd.containers.cna.affected.push({ vendor: 'Microsoft', product: 'Microsoft Exchange Server 2019', versions: [] });
    odd.containers.cna.affected.push({ vendor: 'Microsoft', product: 'Microsoft Office', versions: [] });
    const r = parseCveRecord(odd, 'x');
    expect(r.otherProducts).toEqual(['Microsoft Exchange Server 2019']);
    expect(r.fixes).toHaveLength(4);
  });

  test.each([
    [null, /not a CVE JSON 5 record/],
    [{ dataType: 'CVE_RECORD' }, /not a CVE JSON 5 record/],
    [{ dataType: 'CVE_RECORD', cveMetadata: { cveId: 'CVE-26-1' }, containers: {} }, /is not a CVE id/],
  ])('%j throws a SourceError', (json, message) => {
    expect(() => parseCveRecord(json, 'file.json')).toThrow(SourceError);
    expect(() => parseCveRecord(json, 'file.json')).toThrow(message);
  });
});

test.each([
  ['CVE-2026-69356', 'cves/2026/69xxx/CVE-2026-69356.json'],
  ['CVE-2020-0688', 'cves/2020/0xxx/CVE-2020-0688.json'],
  ['CVE-2021-26855', 'cves/2021/26xxx/CVE-2021-26855.json'],
  ['CVE-2024-1234567', 'cves/2024/1234xxx/CVE-2024-1234567.json'],
])('cvePath(%j) is %j (cvelistV5 layout)', (id, path) => {
  expect(cvePath(id)).toBe(path);
});

test.each([
  ['Microsoft Exchange Server 2016 Cumulative Update 23', { product: 'Exchange Server 2016', line: 'CU23' }],
  ['Microsoft Exchange Server 2019 Cumulative Update 1', { product: 'Exchange Server 2019', line: 'CU1' }],
  ['Microsoft Exchange Server 2013 Cumulative Update 23', { product: 'Exchange Server 2013', line: 'CU23' }],
  ['Microsoft Exchange Server 2013 Service Pack 1', { product: 'Exchange Server 2013', line: 'SP1' }],
  ['Microsoft Exchange Server 2010 Service Pack 3', { product: 'Exchange Server 2010', line: 'SP3' }],
  ['Microsoft Exchange Server 2019 RTM', { product: 'Exchange Server 2019', line: 'RTM' }],
  ['Microsoft Exchange Server Subscription Edition RTM', { product: 'Exchange Server SE', line: 'RTM' }],
  [
    'Microsoft Exchange Server Subscription Edition Cumulative Update 1',
    { product: 'Exchange Server SE', line: 'CU1' },
  ],
  ['Microsoft Exchange Server 2019', null],
  ['Microsoft Exchange Online', null],
])('lineOfRecordProduct(%j)', (name, expected) => {
  expect(lineOfRecordProduct(name)).toEqual(expected);
});
