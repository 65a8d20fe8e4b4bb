/** Byte helpers against the platform's TextEncoder/TextDecoder and naive search. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  Utf16ToUtf8,
  asciiLower,
  byteNeedle,
  decodeUtf8,
  encodeUtf8,
  includesCI,
  utf8Slices,
} from '../../../src/triage/bytes.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();

describe('decodeUtf8', () => {
  test('agrees with TextDecoder on any bytes (5,000 runs), including broken sequences', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => decodeUtf8(b, 0, b.length) === dec.decode(b)),
      { numRuns: 5000 },
    );
  }, 30_000);
  test('agrees on valid text of every plane', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (s) => {
        const b = enc.encode(s);
        return decodeUtf8(b, 0, b.length) === s;
      }),
      { numRuns: 2000 },
    );
  }, 30_000);
  test('decodes a sub-range only', () => {
    const b = enc.encode('abc€def');
    expect(decodeUtf8(b, 3, 6)).toBe('€');
  });
  test('long ASCII runs', () => {
    const s = 'x'.repeat(20_000) + 'é' + 'y'.repeat(9000);
    const b = enc.encode(s);
    expect(decodeUtf8(b, 0, b.length)).toBe(s);
  });
});

describe('encodeUtf8 and utf8Slices', () => {
  test('encodeUtf8 agrees with TextEncoder, lone surrogates included (5,000 runs)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect([...encodeUtf8(s, 0, s.length)]).toEqual([...enc.encode(s)]);
      }),
      { numRuns: 5000 },
    );
  }, 30_000);
  test('slices never split a surrogate pair, with and without the native encoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (s, n) => {
        for (const encoder of [null, enc]) {
          const parts = [...utf8Slices(s, n, encoder)];
          const joined = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
          let o = 0;
          for (const p of parts) {
            joined.set(p, o);
            o += p.length;
          }
          expect([...joined]).toEqual([...enc.encode(s)]);
        }
      }),
      { numRuns: 2000 },
    );
  }, 30_000);
});

describe('Utf16ToUtf8', () => {
  const utf16 = (s: string, bigEndian: boolean) => {
    const b = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      b[2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
      b[2 * i + (bigEndian ? 0 : 1)] = c >> 8;
    }
    return b;
  };
  test('any text, any chunking, both byte orders (3,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 }),
        fc.boolean(),
        (s, cuts, be) => {
          const bytes = utf16(s, be);
          const t = new Utf16ToUtf8(be);
          const out: number[] = [];
          let i = 0;
          for (const c of cuts) {
            out.push(...t.push(bytes.subarray(i, i + c)));
            i += c;
          }
          out.push(...t.push(bytes.subarray(i)), ...t.end());
          // TextEncoder turns lone surrogates into U+FFFD exactly as the converter must
          expect(out).toEqual([...enc.encode(s)]);
        },
      ),
      { numRuns: 3000 },
    );
  }, 30_000);
  test('an odd trailing byte becomes U+FFFD', () => {
    const t = new Utf16ToUtf8(false);
    expect([...t.push(new Uint8Array([0x41, 0x00, 0x42]))]).toEqual([0x41]);
    expect(dec.decode(t.end())).toBe('\uFFFD');
  });
});

describe('case-insensitive search', () => {
  const naive = (hay: string, needle: string) => hay.toLowerCase().includes(needle.toLowerCase());
  test('includesCI agrees with lower-cased includes (5,000 runs)', () => {
    const alphabet = fc.constantFrom('a', 'B', 'c', '~', '/', '.', ' ', '1', 'é');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }),
        fc.array(
          alphabet.filter((c) => c !== 'é'),
          { minLength: 1, maxLength: 4 },
        ),
        (h, n) => {
          const hay = h.join('');
          const needle = n.join('');
          return includesCI(enc.encode(hay), byteNeedle(needle)) === naive(hay, needle);
        },
      ),
      { numRuns: 5000 },
    );
  }, 30_000);
  test('the probe is a rare byte of the needle', () => {
    expect(byteNeedle('serverinfo~').probe).toBe('~'.charCodeAt(0));
    expect(byteNeedle('post').probeUpper).toBeGreaterThan(0);
  });
  test('asciiLower keeps length and non-ASCII', () => {
    expect(asciiLower('AbÇ İ')).toBe('abÇ İ');
    expect(asciiLower('İ'.repeat(3)).length).toBe(3);
  });
});
