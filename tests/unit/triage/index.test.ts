/** The public entry: scanText's contract. */
import { describe, expect, test } from 'vitest';
import * as triage from '../../../src/triage/index.ts';
import { hpSsrf, httpProxyLog, iis, iisLog } from './fixtures.ts';

describe('scanText', () => {
  test('the example in its documentation', () => {
    const r = triage.scanText(
      'u_ex210303.log',
      '#Fields: date time cs-method cs-uri-stem sc-status\n2021-03-03 01:02:03 POST /ecp/y.js 200',
    );
    expect(r.kind).toBe('iis');
    expect(r.findings.map((f) => [f.line, f.level])).toEqual([[2, 'compromise']]);
  });
  test('a report names the file and counts bytes and lines', () => {
    const text = httpProxyLog([hpSsrf()]);
    const r = triage.scanText('HttpProxy_x.LOG', text);
    expect(r).toMatchObject({
      fileName: 'HttpProxy_x.LOG',
      kind: 'httpproxy',
      lines: 6,
      bytes: new TextEncoder().encode(text).length,
    });
    expect(r.error).toBeUndefined();
  });
  test('never throws on values a JavaScript caller could pass', () => {
    for (const bad of [undefined, null, 42, { toString: () => 'x' }] as unknown[]) {
      expect(() => triage.scanText(bad as string, bad as string)).not.toThrow();
    }
  });
  test('exports the rule table and the limits', () => {
    expect(triage.RULES.length).toBeGreaterThan(50);
    expect(triage.MAX_LINE_BYTES).toBe(1 << 20);
    expect(typeof triage.createScanner).toBe('function');
    expect(Object.keys(triage.SOURCES).length).toBeGreaterThan(10);
  });
  test('findings are ordered by line, then by level', () => {
    const r = triage.scanText(
      'u_ex.log',
      iisLog([iis({ 'cs-method': 'POST', 'cs-uri-stem': '/ecp/y.js' }), iis({ 'c-ip': '5.254.43.18' })]),
    );
    const lines = r.findings.map((f) => f.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});
