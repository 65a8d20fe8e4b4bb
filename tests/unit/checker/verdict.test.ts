/**
 * toFinding fails closed: a build whose product the checker cannot name (the parser should never
 * emit one) is "can't tell" for every family, never "not affected".
 */
import { describe, expect, test } from 'vitest';
import type { RawFinding } from '../../../src/checker/parse-input.ts';
import { productOf } from '../../../src/checker/releases.ts';
import { toFinding } from '../../../src/checker/verdict.ts';

const raw = (build: [number, number, number, number]): RawFinding => ({
  input: build.join('.'),
  span: [0, build.join('.').length],
  build,
  parts: 4,
  format: 'build',
  serverName: 'EX99',
  named: null,
  lineNo: 0,
  block: 0,
  listLabel: false,
  key: `${build.join('.')}/4`,
  mention: 'tool',
  asOf: null,
  section: 0,
  superseded: [],
  readingNotes: [],
});

describe('a build of no known product', () => {
  const build: [number, number, number, number] = [15, 3, 100, 1];
  const finding = toFinding(raw(build), '2026-11-27');

  test('is really unknown to the data (the premise of this test)', () => {
    expect(productOf(build)).toBeNull();
  });

  test("answers can't tell for ProxyLogon, overall, later bugs and every family and CVE", () => {
    expect(finding.proxyLogon).toBe('unknown');
    expect(finding.overall).toBe('unknown');
    expect(finding.laterStatus).toBe('unknown');
    expect(finding.attention).toBe('check');
    expect(finding.families.map((f) => f.status)).toEqual(finding.families.map(() => 'unknown'));
    expect(finding.cves.every((c) => c.status === 'unknown' && c.reason === 'line-unknown')).toBe(true);
    expect(finding.cves.length).toBeGreaterThan(10);
  });

  test('keeps what the input said, says why, and asks for the exact build', () => {
    expect(finding.format).toBe('build');
    expect(finding.serverName).toBe('EX99');
    expect(finding.compromiseRisk).toBe(true);
    expect(finding.notes.join(' ')).toMatch(/cannot tell which Exchange product 15\.3\.100\.1/);
    expect(finding.nextStep.command).toMatch(/ExSetup/);
    expect(finding.nextStep.it).not.toMatch(/Nothing to install/);
  });
});

describe('Exchange Online stays not affected', () => {
  test('15.20.x.y', () => {
    const f = toFinding({ ...raw([15, 20, 4000, 10]), format: 'exchange-online' }, '2026-11-27');
    expect(f.proxyLogon).toBe('not-affected');
    expect(f.laterStatus).toBe('not-affected');
    expect(f.attention).toBe('not-affected');
  });
});
