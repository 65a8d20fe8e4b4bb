import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_INPUT_CHARS } from '../../../src/checker/index.ts';
import { decodeShare, encodeShare } from '../../../src/lib/share.ts';

async function deflateRaw(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  const out = new Uint8Array(await new Response(stream).arrayBuffer());
  return Buffer.from(out).toString('base64url');
}

describe('share links', () => {
  test('round-trips a PowerShell paste', async () => {
    const text =
      'ProductVersion   FileVersion\r\n15.01.2176.009   15.01.2176.009   C:\\Program Files\\ExSetup.exe   EX01\n— ä 😀';
    const fragment = await encodeShare(text);
    expect(fragment).toMatch(/^v1=[A-Za-z0-9_-]+$/);
    expect(await decodeShare(fragment)).toEqual({ ok: true, text });
    expect(await decodeShare(`#${fragment}`)).toEqual({ ok: true, text });
  });

  test('round-trips any string (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
        const decoded = await decodeShare(await encodeShare(text));
        expect(decoded).toEqual({ ok: true, text });
      }),
      { numRuns: 200 },
    );
  });

  test.each([
    ['', 'no prefix'],
    ['v2=abc', 'wrong version'],
    ['v1=', 'empty'],
    ['v1=!!!', 'not base64url'],
    ['v1=a', 'impossible length'],
    ['v1=AAAAAAAA', 'not deflate'],
    ['v1=%E2%82%AC', 'percent-encoded junk'],
  ])('%j (%s) gives a readable error and never throws', async (fragment) => {
    const result = await decodeShare(fragment);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/link/);
  });

  test('invalid UTF-8 is refused', async () => {
    const fragment = `v1=${await deflateRaw(new Uint8Array([0xff, 0xfe, 0xc3]))}`;
    expect(await decodeShare(fragment)).toEqual({ ok: false, error: expect.stringMatching(/UTF-8/) });
  });

  test('a decompression bomb is capped', async () => {
    const fragment = `v1=${await deflateRaw(new Uint8Array(MAX_INPUT_CHARS * 3 + 10).fill(0x61))}`;
    expect(fragment.length).toBeLessThan(20_000);
    const result = await decodeShare(fragment);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/more text/) });
  });

  test('random fragments never throw (fuzz)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (junk) => {
        const result = await decodeShare(`v1=${junk}`);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
