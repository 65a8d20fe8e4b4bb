import { describe, expect, test } from 'vitest';
import { analyse, DATA_AS_OF } from '../../../src/checker/index.ts';
import {
  describeVersion,
  findingsToText,
  headline,
  listWords,
  summaryLine,
  tally,
} from '../../../src/lib/verdict-text.ts';

const one = (text: string, today = '2026-11-27') => {
  const f = analyse(text, { today }).findings[0];
  if (!f) throw new Error(`no finding for ${text}`);
  return f;
};

describe('headline', () => {
  test('a CU without the March 2021 update is vulnerable, naming the update to install', () => {
    const h = headline(one('15.1.2176.2'));
    expect(h.tone).toBe('bad');
    expect(h.title).toMatch(/^Vulnerable to ProxyLogon — install Exchange Server 2016 CU\d+ \w+/);
  });
  test('AdminDisplayVersion cannot tell and says to run a command; the tone is the server’s standing', () => {
    // Exchange 2016 CU19 is out of support on this date, and open to later bugs never fixed on CU19.
    const old = headline(one('AdminDisplayVersion : Version 15.1 (Build 2176.2)'));
    expect(old).toMatchObject({ tone: 'bad', icon: 'cross' });
    expect(old.title).toBe("Can't tell from this text — run this command instead");
    expect(old.detail).toMatch(/But Exchange 2016 has been out of support since 14 October 2025/);
    // Exchange SE shipped with the ProxyLogon fix; for some later bugs its update level matters.
    const se = headline(one('AdminDisplayVersion : Version 15.2 (Build 2562.17)'));
    expect(se).toMatchObject({ tone: 'warn', icon: 'warning', title: 'Protected against ProxyLogon' });
    expect(se.detail).toBe("But for some later bugs we can't tell from this text.");
  });
  const newest2016 = one('15.1.2507.6').newestOnLine?.build ?? '';
  test('patched against everything but out of support: bad tone, a warning icon, and the detail says why', () => {
    const h = headline(one(newest2016));
    expect(h).toMatchObject({ tone: 'bad', icon: 'warning', title: 'Protected against ProxyLogon' });
    expect(h.detail).toMatch(
      /^And against every later exploited Exchange bug we track\. But Exchange 2016 has been out of support/,
    );
  });
  test('the same build during paid Extended Security Updates: warn', () => {
    const h = headline(one(newest2016, '2026-01-05'));
    expect(h).toMatchObject({ tone: 'warn', icon: 'warning' });
    expect(h.detail).toMatch(/Extended Security Update programme/);
  });
  test('patched and supported: ok, with a check mark and no support sentence', () => {
    const se = one('15.2.2562.17').newestOnLine?.build ?? '';
    const h = headline(one(se));
    expect(h).toMatchObject({ tone: 'ok', icon: 'check', title: 'Protected against ProxyLogon' });
    expect(h.detail).toBe('And against every later exploited Exchange bug we track.');
  });
  test('patched for ProxyLogon but missing later fixes is said in the detail, with a bad tone', () => {
    const h = headline(one('15.1.2176.9'));
    expect(h.title).toBe('Protected against ProxyLogon');
    expect(h.tone).toBe('bad');
    expect(h.icon).toBe('warning');
    expect(h.detail).toMatch(/^Still vulnerable to .*ProxyShell/);
  });
});

describe('summaries', () => {
  const findings = analyse('15.1.2176.2\n15.1.2176.9\nVersion 15.1 (Build 2176.2)\n15.20.4200.22', {
    today: '2026-11-27',
  }).findings;
  test('tally counts by ProxyLogon status', () => {
    expect(tally(findings)).toEqual({ total: 4, vulnerable: 1, unknown: 1, patched: 1, notAffected: 1 });
  });
  test('summary line', () => {
    expect(summaryLine(findings)).toBe(
      "1 of 4 vulnerable to ProxyLogon, 1 can't tell, 1 protected, 1 Exchange Online. 2 more miss fixes for later exploited bugs.",
    );
    expect(summaryLine([])).toBe('No Exchange version found.');
  });
  test('plain-text report names every server and both next steps', () => {
    const text = findingsToText(findings, DATA_AS_OF, '2026-11-27');
    expect(text).toContain(`data as of ${DATA_AS_OF}`);
    expect(text.match(/^ {2}Owner: /gm)).toHaveLength(4);
    expect(text.match(/^ {2}IT: /gm)).toHaveLength(4);
    expect(text).toContain('15.1.2176.2 — 15.1.2176.2 — Exchange Server 2016 CU19');
  });
  test('plain-text report carries the reading notes (what a row superseded)', () => {
    const merged = analyse('Name : EX01\nAdminDisplayVersion : Version 15.1 (Build 2176.2)\n\nEX01 15.1.2176.9', {
      today: '2026-11-27',
    }).findings;
    const text = findingsToText(merged, DATA_AS_OF, '2026-11-27');
    expect(text.match(/^ {2}Note: Superseded: .*Version 15\.1 \(Build 2176\.2\)/gm)).toHaveLength(1);
  });
  test('describeVersion and listWords', () => {
    expect(describeVersion(one('15.1.2176.9'))).toBe('Exchange Server 2016 CU19 Mar21SU');
    expect(listWords(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listWords(['A'])).toBe('A');
  });
});
