/** Compiled rules and the making of a finding. */
import { describe, expect, test } from 'vitest';
import { compileFor, displayFields, evaluate, excerpt, supersede } from '../../../src/triage/engine.ts';
import { MAX_EXCERPT_CHARS } from '../../../src/triage/limits.ts';
import { RULES } from '../../../src/triage/rules.ts';
import type { TriageFinding } from '../../../src/triage/types.ts';

const compiledRule = (id: string) => {
  const c = compileFor('httpproxy', []);
  const r = c.lineRules.find((x) => x.rule.id === id);
  if (!r) throw new Error(id);
  return r;
};

describe('compileFor', () => {
  test('takes exactly the rules that read the kind, once', () => {
    const c = compileFor('iis', []);
    const want = RULES.filter((r) => r.kinds.includes('iis')).map((r) => r.id);
    expect([...c.lineRules, ...c.fileRules].map((r) => r.rule.id).sort()).toEqual(want.sort());
    expect(compileFor('iis', [])).toBe(c);
  });
  test('every anchor needle leads back to its rules; context needles are marked', () => {
    const c = compileFor('file-listing', ['directory']);
    const id = c.needles.needles.indexOf('directory');
    expect(c.context[id]).toBe(true);
    c.lineRules.forEach((r, i) => {
      for (const n of r.groups[0] ?? []) expect(c.anchorRules[c.needles.needles.indexOf(n)]).toContain(i);
    });
  });
  test('needle-less rules are tried on every line', () => {
    const c = compileFor('rps-http', []);
    expect(c.everyLineRules.map((i) => c.lineRules[i]!.rule.id)).toContain('crowdstrike-rps-clientinfo');
  });
});

describe('evaluate', () => {
  const rule = compiledRule('tpl-cve-2021-26855');
  const rec = {
    line: 'x,ServerInfo~a]@ex:444/ecp/y.js#~1,200',
    anchor: 'ServerInfo~a]@ex:444/ecp/y.js#~1',
    status: '200',
    time: '2021-03-03T02:00:00.000Z',
    ip: '198.51.100.7',
  };
  test('escalates on 200 and explains why', () => {
    const f = evaluate(rule, rec, 12, new Map())!;
    expect(f).toMatchObject({
      rule: 'tpl-cve-2021-26855',
      level: 'compromise',
      line: 12,
      time: '2021-03-03T02:00:00.000Z',
      cves: ['CVE-2021-26855'],
    });
    expect(f.explanation).toContain('ServerInfo~a]@ex:444/ecp/y.js#~1');
    expect(f.explanation).toContain('answered 200');
    expect(f.fields).toEqual({
      clientIp: '198.51.100.7',
      status: '200',
      anchorMailbox: 'ServerInfo~a]@ex:444/ecp/y.js#~1',
    });
    expect(f.source.url).toMatch(/^https:/);
  });
  test('stays an attempt otherwise, saying what the server answered', () => {
    const f = evaluate(rule, { ...rec, status: '500' }, 12, new Map())!;
    expect(f.level).toBe('attempt');
    expect(f.explanation).toContain('answered 500');
  });
  test('no match, no finding', () => {
    expect(evaluate(rule, { line: 'x', anchor: 'Sid~S-1' }, 1, new Map())).toBeNull();
  });
  test('secondary sources say so', () => {
    const f = evaluate(
      compiledRule('msblog-backendcookie'),
      { line: 'Server~a/b~1', cookie: 'Server~a/b~1' },
      1,
      new Map(),
    )!;
    expect(f.source.title).toMatch(/quoted copy/);
  });
  test('missing template fields read as not on this line', () => {
    const f = evaluate(compiledRule('tpl-cve-2021-26855'), { line: 'l', anchor: 'ServerInfo~a/b' }, 1, new Map())!;
    expect(f.explanation).toContain('(not on this line)');
  });
});

describe('excerpt and fields', () => {
  test('short lines whole; long ones cut around the evidence with … marks', () => {
    expect(excerpt('short line\r', 0)).toBe('short line');
    const long = 'a'.repeat(1000) + 'EVIDENCE' + 'b'.repeat(1000);
    const e = excerpt(long, 1000);
    expect(e.length).toBeLessThanOrEqual(MAX_EXCERPT_CHARS);
    expect(e).toContain('EVIDENCE');
    expect(e.startsWith('…') && e.endsWith('…')).toBe(true);
  });
  test('control characters are shown as U+FFFD, surrogate pairs never cut', () => {
    expect(excerpt('a\u0000b\u001bc\td', 0)).toBe('a\uFFFDb\uFFFDc\td');
    const emoji = '😀'.repeat(400);
    for (const at of [0, 1, 77, 400]) expect(excerpt(emoji, at)).not.toMatch(/^…?[\udc00-\udfff]|[\ud800-\udbff]…?$/);
  });
  test('displayFields skips empty values and dashes, caps long ones', () => {
    const f = displayFields({ ip: '1.2.3.4', user: '-', ua: '', uri: 'x'.repeat(1000) });
    expect(Object.keys(f)).toEqual(['clientIp', 'url']);
    expect(f.url!.length).toBe(MAX_EXCERPT_CHARS);
  });
});

describe('supersede', () => {
  const f = (rule: string, line = 1) => ({ rule, line }) as TriageFinding;
  test('drops a rule when a rule that supersedes it matched too', () => {
    expect(supersede([f('ecp-vdir-script-loose'), f('tpl-cve-2021-27065')]).map((x) => x.rule)).toEqual([
      'tpl-cve-2021-27065',
    ]);
    expect(supersede([f('ecp-vdir-script-loose')]).map((x) => x.rule)).toEqual(['ecp-vdir-script-loose']);
  });
});
