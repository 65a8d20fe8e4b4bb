/**
 * Property-based fuzzing (fast-check), 100,000 inputs in total: random text, mutated fixtures,
 * random bytes in random chunks, and shuffled lines of every format. The scanner must never
 * throw, and never report an internal error either (its top-level guard would set `error`).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_EXCERPT_CHARS, RULES, createScanner, scanText } from '../../../src/triage/index.ts';
import type { FileReport } from '../../../src/triage/types.ts';
import { NEGATIVES, POSITIVES } from './rule-cases.ts';

const KINDS = [
  'httpproxy',
  'ecp-server',
  'oab-generator',
  'rps-http',
  'iis',
  'event-log',
  'file-listing',
  'file-hashes',
  'file-content',
  'test-proxylogon',
  'unknown',
];
const LEVELS = ['compromise', 'attempt', 'suspicious', 'info'];
const FAMILIES = ['proxylogon', 'proxyshell', 'proxynotshell', 'owassrf', 'webshell', 'other'];
const RULE = new Map(RULES.map((r) => [r.id, r]));
const CASES = [...POSITIVES, ...NEGATIVES].filter((c) => typeof c.text === 'string') as {
  file: string;
  text: string;
}[];
const NAMES = [...new Set([...POSITIVES, ...NEGATIVES].map((c) => c.file)), 'x.bin', 'Application.evtx', ''];
const LINES = CASES.flatMap((c) => c.text.split(/\r?\n/)).filter((l) => l.trim() !== '');

/** Every invariant of a report; collected as plain checks and asserted once (expect() is slow in a loop). */
function problems(r: FileReport): string[] {
  const p: string[] = [];
  const must = (ok: boolean, what: string) => {
    if (!ok) p.push(what);
  };
  must(r.error === undefined, `internal error: ${r.error}`);
  must(KINDS.includes(r.kind), `kind ${r.kind}`);
  must(r.lines >= 0, 'negative line count');
  must((r.from === null) === (r.to === null), 'half a time span');
  if (r.from !== null && r.to !== null) must(r.from <= r.to, 'span backwards');
  for (const f of r.findings) {
    const rule = RULE.get(f.rule);
    must(rule !== undefined, `unknown rule ${f.rule}`);
    must(f.line >= 1 && f.line <= r.lines, `${f.rule}: line ${f.line} outside 1..${r.lines}`);
    must(f.source.title !== '' && /^https:\/\//.test(f.source.url), `${f.rule}: source`);
    must(LEVELS.includes(f.level) && FAMILIES.includes(f.family), `${f.rule}: level/family`);
    must(!!rule && (f.level === rule.level || f.level === rule.escalate?.level), `${f.rule}: level ${f.level}`);
    must(!!rule && rule.kinds.includes(r.kind), `${f.rule}: kind ${r.kind}`);
    must(f.excerpt.length <= MAX_EXCERPT_CHARS, `${f.rule}: excerpt length`);
    must(
      Object.values(f.fields).every((v) => v.length <= MAX_EXCERPT_CHARS),
      `${f.rule}: field length`,
    );
  }
  return p;
}
function assertSane(r: FileReport): void {
  expect(problems(r)).toEqual([]);
}

function streamed(name: string, bytes: Uint8Array, sizes: number[]): FileReport {
  const s = createScanner(name);
  let i = 0;
  let k = 0;
  while (i < bytes.length) {
    const n = sizes.length ? Math.max(1, sizes[k++ % sizes.length]!) : bytes.length;
    s.push(bytes.subarray(i, i + n));
    i += n;
  }
  return s.finish();
}

const name = fc.constantFrom(...NAMES);
const mutated = fc
  .tuple(fc.constantFrom(...CASES), fc.nat(), fc.nat(), fc.string({ maxLength: 16, unit: 'binary' }))
  .map(([c, a, b, junk]) => {
    const i = a % (c.text.length + 1);
    const j = Math.min(c.text.length, i + (b % 40));
    return { file: c.file, text: c.text.slice(0, i) + junk + c.text.slice(j) };
  });

describe('fuzz', () => {
  test('random text under fixture file names (45,000 runs)', () => {
    fc.assert(
      fc.property(name, fc.string({ maxLength: 200, unit: 'grapheme' }), (n, s) => assertSane(scanText(n, s))),
      { numRuns: 45_000 },
    );
  }, 60_000);
  test('mutated fixtures (20,000 runs)', () => {
    fc.assert(
      fc.property(mutated, ({ file, text }) => assertSane(scanText(file, text))),
      { numRuns: 20_000 },
    );
  }, 60_000);
  test('random bytes in random chunks (25,000 runs)', () => {
    fc.assert(
      fc.property(
        name,
        fc.uint8Array({ maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 6 }),
        (n, b, sizes) => assertSane(streamed(n, b, sizes)),
      ),
      { numRuns: 25_000 },
    );
  }, 60_000);
  test('lines of every format, shuffled together (10,000 runs)', () => {
    fc.assert(
      fc.property(
        name,
        fc.array(fc.constantFrom(...LINES), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        (n, lines, eol) => assertSane(scanText(n, lines.join(eol))),
      ),
      { numRuns: 10_000 },
    );
  }, 60_000);
});
