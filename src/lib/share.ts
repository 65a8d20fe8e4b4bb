/**
 * Share links: the pasted text travels only in the URL fragment (never sent to any server), as
 * `v1=` + base64url(deflate-raw(UTF-8 text)), using the browser's CompressionStream.
 */

import { MAX_INPUT_CHARS } from '../checker/limits.ts';

/** A share link never carries more than the checker reads. */
export const SHARE_MAX_CHARS = MAX_INPUT_CHARS;

export const SHARE_PREFIX = 'v1=';

export type DecodeResult = { ok: true; text: string } | { ok: false; error: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

async function collect(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** Compresses text into a fragment (without '#'). @example await encodeShare('15.1.2176.9') // 'v1=M7Q…' */
export async function encodeShare(text: string): Promise<string> {
  const compressed = streamOf(new TextEncoder().encode(text)).pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = await collect(compressed, Number.MAX_SAFE_INTEGER);
  return SHARE_PREFIX + toBase64Url(bytes ?? new Uint8Array());
}

/** Reads a fragment (with or without '#'). Never throws: malformed input gives `{ ok: false, error }`. */
export async function decodeShare(fragment: string): Promise<DecodeResult> {
  const bad = (error: string): DecodeResult => ({ ok: false, error });
  try {
    const raw = fragment.startsWith('#') ? fragment.slice(1) : fragment;
    if (!raw.startsWith(SHARE_PREFIX)) return bad('This link does not contain a shared check.');
    const bytes = fromBase64Url(raw.slice(SHARE_PREFIX.length));
    if (!bytes || bytes.length === 0) return bad('This share link is damaged: it is not valid base64url text.');
    // UTF-8 needs at most 3 bytes per UTF-16 code unit, so this bounds the text to SHARE_MAX_CHARS.
    const inflated = await collect(
      streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw')),
      SHARE_MAX_CHARS * 3,
    ).catch(() => undefined);
    if (inflated === undefined) return bad('This share link is damaged: its contents could not be decompressed.');
    if (inflated === null) return bad('This share link holds more text than the checker reads.');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
    } catch {
      return bad('This share link is damaged: its text is not valid UTF-8.');
    }
    if (text.length > SHARE_MAX_CHARS) return bad('This share link holds more text than the checker reads.');
    return { ok: true, text };
  } catch {
    return bad('This share link could not be read.');
  }
}
