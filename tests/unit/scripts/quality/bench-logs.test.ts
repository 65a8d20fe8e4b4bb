import { expect, test } from 'vitest';
import { logChunks, parseOptions } from '../../../../scripts/quality/bench-logs.js';
import { scanText } from '../../../../src/triage/index.ts';

const MIB = 1024 * 1024;

test('the generated chunks are about 1 MiB of whole lines; only the first holds the attack', () => {
  const { first, rest } = logChunks();
  for (const chunk of [first, rest]) {
    expect(chunk.length).toBeGreaterThan(MIB - 4096);
    expect(chunk.length).toBeLessThanOrEqual(MIB + 4096);
    expect(chunk.endsWith('\r\n')).toBe(true);
  }
  expect(first).toContain('ServerInfo~');
  expect(rest).not.toContain('ServerInfo~');
  expect(rest.startsWith('#')).toBe(false);
  // The repeated log reads as an HttpProxy log with the attack found once.
  const report = scanText('HttpProxy_2021030302-1.LOG', first + rest + rest);
  expect(report.kind).toBe('httpproxy');
  expect(report.findings.filter((f) => f.level === 'compromise').length).toBeGreaterThan(0);
  expect(new Set(report.findings.map((f) => f.line)).size).toBe(2);
});

test.each([
  ['defaults', [], { mb: 600, runs: 3, build: true }],
  ['size, runs, no build', ['--mb', '50', '--runs', '1', '--no-build'], { mb: 50, runs: 1, build: false }],
])('parseOptions: %s', (_why, argv, expected) => {
  expect(parseOptions(argv)).toMatchObject(expected);
});

test.each([
  ['zero', ['--mb', '0']],
  ['not a number', ['--runs', 'many']],
  ['unknown option', ['--fast']],
])('parseOptions rejects %s', (_why, argv) => {
  expect(() => parseOptions(argv)).toThrow();
});
