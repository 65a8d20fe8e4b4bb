/** The rule condition language. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Cond, like, regexesOf, test as check } from '../../../src/triage/conditions.ts';

/** -like as a regex, for comparison on short strings. */
const likeRegex = (p: string) =>
  new RegExp(
    '^' +
      p
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^]*')
        .replace(/\?/g, '[^]') +
      '$',
    'i',
  );

describe('like (PowerShell -like)', () => {
  test.each([
    ['ServerInfo~a]@ex01:444/ecp/y.js#~1', 'ServerInfo~*/*', true],
    ['ServerInfo~a]@ex01:444/autodiscover/x', 'ServerInfo~*/autodiscover*', true],
    ['serverinfo~LOCALHOST/ews', 'ServerInfo~localhost*/*', true],
    ['ServerInfo~ex01', 'ServerInfo~*/*', false],
    ['Server~x/y~1', 'Server~*/*~*', true],
    ['Server~x~1', 'Server~*/*~*', false],
    ['', '*', true],
    ['a', '?', true],
    ['ab', '?', false],
  ])('like(%j, %j) = %s', (v, p, want) => {
    expect(like(v, p)).toBe(want);
  });
  test('agrees with a regex translation (5,000 runs)', () => {
    const ch = fc.constantFrom('a', 'b', '/', '~');
    fc.assert(
      fc.property(
        fc.array(ch, { maxLength: 12 }),
        fc.array(fc.constantFrom('a', 'b', '/', '~', '*', '?'), { maxLength: 8 }),
        (v, p) => {
          const value = v.join('');
          const pattern = p.join('');
          return like(value, pattern) === likeRegex(pattern).test(value);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('test', () => {
  const rec = { line: 'POST /ECP/y.js 200', method: 'POST', status: '200', uri: '/ecp/y.js', ua: '' };
  test.each<[string, Cond, boolean]>([
    ['has ignores case', { f: 'line', has: '/ecp/' }, true],
    ['has any of', { f: 'uri', has: ['/owa/', '.js'] }, true],
    ['hasAll needs all', { f: 'uri', hasAll: ['/ecp/', '.css'] }, false],
    ['is', { f: 'method', is: 'post' }, true],
    ['is any of', { f: 'status', is: ['401', '500'] }, false],
    ['starts', { f: 'uri', starts: '/ecp' }, true],
    ['ends', { f: 'uri', ends: ['.css', '.JS'] }, true],
    ['like', { f: 'uri', like: '/ecp/*.js' }, true],
    ['re', { f: 'line', re: /y\.js/ }, true],
    ['check', { f: 'status', check: (v) => v === '200', name: 'ok' }, true],
    ['a missing field is empty', { f: 'user', is: '' }, true],
    [
      'all',
      {
        all: [
          { f: 'method', is: 'POST' },
          { f: 'status', is: '404' },
        ],
      },
      false,
    ],
    [
      'any',
      {
        any: [
          { f: 'method', is: 'GET' },
          { f: 'status', is: '200' },
        ],
      },
      true,
    ],
    ['not', { not: { f: 'method', is: 'GET' } }, true],
  ])('%s', (_, cond, want) => {
    expect(check(cond, rec)).toBe(want);
  });
  test('regexesOf collects nested regexes', () => {
    const a = /a/;
    const b = /b/;
    expect(regexesOf({ all: [{ f: 'x', re: a }, { not: { any: [{ f: 'y', re: b }] } }] })).toEqual([a, b]);
  });
});
