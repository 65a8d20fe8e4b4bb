/**
 * The one order of statuses and a server's standing at a glance (`attention`): the worst of its
 * families combined with its support today.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyse } from '../../../src/checker/index.ts';
import {
  ATTENTION_ORDER,
  attention,
  attentionRank,
  STATUS_ORDER,
  statusRank,
  SUPPORT_ORDER,
  supportRank,
  worst,
} from '../../../src/checker/status.ts';
import type { Attention, FamilyStatus, LifecycleStatus } from '../../../src/checker/types.ts';

describe('attention', () => {
  const CASES: [FamilyStatus, LifecycleStatus | null, Attention, string][] = [
    ['vulnerable', 'supported', 'act', 'a known exploited bug is open'],
    ['vulnerable', 'modern', 'act', 'Exchange SE behind on updates is still open'],
    ['vulnerable', null, 'act', 'open, whatever the support'],
    ['patched', 'out-of-support', 'act', 'patched for every tracked bug, but no more security fixes'],
    ['unknown', 'out-of-support', 'act', "can't tell, and no more fixes either way"],
    ['not-affected', 'out-of-support', 'act', 'no tracked bug applies, but the product gets no fixes'],
    ['patched', 'extended-security-updates', 'check', 'protected only while paying for ESU'],
    ['unknown', 'supported', 'check', "some family can't be told from this input"],
    ['unknown', null, 'check', 'an unknown product fails closed'],
    ['patched', null, 'check', 'support unknown: never call it fine'],
    ['not-affected', 'extended-security-updates', 'check', 'paid updates only'],
    ['patched', 'supported', 'ok', 'patched and supported'],
    ['patched', 'modern', 'ok', 'Exchange SE, up to date'],
    ['not-affected', 'supported', 'ok', 'on-premises, no tracked bug applies, supported'],
    ['not-affected', null, 'not-affected', 'Exchange Online: Microsoft runs it'],
  ];
  test.each(CASES)('%s + %s → %s (%s)', (overall, support, expected) => {
    expect(attention(overall, support)).toBe(expected);
  });

  test('never better than the overall status or the support alone', () => {
    // Stated as an order: 'act' for the worst of either input, 'ok' only when both are good.
    for (const overall of STATUS_ORDER)
      for (const support of [...SUPPORT_ORDER, null]) {
        const a = attention(overall, support);
        if (overall === 'vulnerable' || support === 'out-of-support') expect(a).toBe('act');
        else if (a === 'ok') {
          expect(['patched', 'not-affected']).toContain(overall);
          expect(['supported', 'modern']).toContain(support);
        }
      }
  });

  test('ranks worst first', () => {
    expect(ATTENTION_ORDER.map(attentionRank)).toEqual([0, 1, 2, 3]);
    expect(attentionRank('act')).toBeLessThan(attentionRank('ok'));
  });
});

describe('findings carry their standing', () => {
  const one = (text: string, today = '2026-11-27') => {
    const f = analyse(text, { today }).findings[0];
    if (!f) throw new Error(`no finding for ${text}`);
    return f;
  };

  test('patched for ProxyLogon but open to later bugs: act, not green', () => {
    const f = one('15.1.2176.9');
    expect(f.proxyLogon).toBe('patched');
    expect(f.overall).toBe('vulnerable');
    expect(f.attention).toBe('act');
  });

  // The newest known build of Exchange 2016 CU23, read from the data rather than written here.
  const newest2016 = one('15.1.2507.6').newestOnLine?.build ?? '';

  test('every family patched, product out of support: act', () => {
    const f = one(newest2016);
    expect(f.overall).toBe('patched');
    expect(f.lifecycle?.status).toBe('out-of-support');
    expect(f.attention).toBe('act');
  });

  test('the same build during paid ESU: check', () => {
    const during = one(newest2016, '2026-01-05');
    expect(during.overall).toBe('patched');
    expect(during.lifecycle?.status).toBe('extended-security-updates');
    expect(during.attention).toBe('check');
  });

  test('Exchange Online is not affected; AdminDisplayVersion of a current SE build is check at worst', () => {
    expect(one('X-OWA-Version: 15.20.7452.28').attention).toBe('not-affected');
    expect(['check', 'ok']).toContain(one('Version 15.2 (Build 2562.17)').attention);
  });

  test('worst still orders family statuses', () => {
    expect(worst(['patched', 'unknown', 'not-affected'])).toBe('unknown');
  });
});

const status = fc.constantFrom<FamilyStatus>(...STATUS_ORDER);

describe('worst (properties)', () => {
  test.each([
    ['vulnerable beats everything', ['patched', 'vulnerable', 'unknown'], 'vulnerable'],
    ["can't tell beats patched", ['patched', 'unknown'], 'unknown'],
    ['patched beats not affected', ['not-affected', 'patched'], 'patched'],
    ['nothing to judge is not affected', [], 'not-affected'],
  ] as [string, FamilyStatus[], FamilyStatus][])('%s', (_why, statuses, expected) => {
    expect(worst(statuses)).toBe(expected);
  });

  test('is one of its inputs, ranks no better than any input, and ignores order', () => {
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 8 }), (list) => {
        const w = worst(list);
        expect(list).toContain(w);
        for (const s of list) expect(statusRank(w)).toBeLessThanOrEqual(statusRank(s));
        expect(worst([...list].reverse())).toBe(w);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('status and support ranks', () => {
  test('worst first, every status ranked once', () => {
    expect(STATUS_ORDER.map(statusRank)).toEqual([0, 1, 2, 3]);
    expect(SUPPORT_ORDER.map(supportRank)).toEqual([0, 1, 2, 3]);
    expect(statusRank('vulnerable')).toBeLessThan(statusRank('patched'));
    expect(supportRank('out-of-support')).toBeLessThan(supportRank('supported'));
  });

  test('an unknown support status sorts after every known one', () => {
    expect(supportRank(null)).toBeGreaterThan(Math.max(...SUPPORT_ORDER.map(supportRank)));
  });
});
