/**
 * Fuzzing of the share-link decoder with fast-check, 100,000+ runs in total. Whatever
 * arrives in the URL fragment, decodeShare resolves (never throws or rejects) to either
 * { ok: true, text } with text within MAX_INPUT_CHARS, or { ok: false, error } with a message.
 * tests/unit/lib/share.test.ts holds the behavioural examples; this file only hammers it.
 */
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_INPUT_CHARS } from '../../../src/checker/index.ts';
import { decodeShare, encodeShare } from '../../../src/lib/share.ts';

let runs = 0;

async function assertWellFormed(fragment: string): Promise<void> {
  runs += 1;
  const result = await decodeShare(fragment);
  if (result.ok) {
    expect(typeof result.text).toBe('string');
    expect(result.text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
  } else {
    expect(typeof result.error).toBe('string');
    expect(result.error.length).toBeGreaterThan(0);
  }
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const BASE64URL = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''));
const SEEDS = [
  '15.1.2176.9',
  'ProductVersion   FileVersion\r\n15.01.2176.009   15.01.2176.009   C:\\Program Files\\ExSetup.exe',
  '<script>alert(1)</script> 15.2.1118.7',
  'EX01\t15.1.2507.16\nEX02\t15.2.986.5\n'.repeat(20),
];
const T = 120_000;

describe('share-link decoder fuzz (fast-check, 100,000+ runs, never throws)', () => {
  test(
    'any string after "v1=" (30,000 runs)',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 300, unit: 'binary' }), (s) => assertWellFormed(`v1=${s}`)),
        { numRuns: 30_000 },
      );
    },
    T,
  );

  test(
    'base64url-alphabet junk, with and without "#" (25,000 runs)',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 400, unit: BASE64URL }), fc.boolean(), (s, hash) =>
          assertWellFormed(`${hash ? '#' : ''}v1=${s}`),
        ),
        { numRuns: 25_000 },
      );
    },
    T,
  );

  test(
    'valid deflate-raw of random bytes: non-UTF-8, control bytes, lone surrogates (20,000 runs)',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), (bytes) =>
          assertWellFormed(`v1=${b64url(deflateRawSync(bytes))}`),
        ),
        { numRuns: 20_000 },
      );
    },
    T,
  );

  test(
    'real share links with flipped, cut or inserted characters (20,000 runs)',
    async () => {
      const fragments = await Promise.all(SEEDS.map((s) => encodeShare(s)));
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...fragments),
          fc.nat(),
          fc.nat(40),
          fc.string({ maxLength: 8, unit: 'binary' }),
          (fragment, at, cut, insert) => {
            const i = at % (fragment.length + 1);
            return assertWellFormed(fragment.slice(0, i) + insert + fragment.slice(Math.min(fragment.length, i + cut)));
          },
        ),
        { numRuns: 20_000 },
      );
    },
    T,
  );

  test(
    'any whole fragment, any prefix (5,000 runs) and text round trips (1,000 runs)',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 200, unit: 'grapheme' }), (s) => assertWellFormed(s)),
        { numRuns: 5_000 },
      );
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 500, unit: 'binary' }), async (text) => {
          runs += 1;
          // Lone surrogates cannot survive UTF-8; everything else comes back exactly.
          const expected = new TextDecoder().decode(new TextEncoder().encode(text));
          expect(await decodeShare(await encodeShare(text))).toEqual({ ok: true, text: expected });
        }),
        { numRuns: 1_000 },
      );
    },
    T,
  );

  test('ran at least 100,000 inputs', () => {
    console.log(`share-link decoder fuzz: ${runs.toLocaleString('en')} runs`);
    expect(runs).toBeGreaterThanOrEqual(100_000);
  });
});
