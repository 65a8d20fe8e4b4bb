/**
 * Byte helpers: UTF-8 decoding of single lines, UTF-8 encoding of strings (for scanText), UTF-16 to
 * UTF-8 conversion, and ASCII case-insensitive search. Hand-written because the core uses only
 * ES2022 (no TextDecoder in its type library), and because we only ever decode the few lines that
 * can matter.
 */

/** ASCII lower-casing table for bytes: A–Z become a–z, every other byte stays itself. */
export const FOLD: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = c >= 65 && c <= 90 ? c + 32 : c;
  return t;
})();

/** The bytes of an ASCII string, lower-cased. Callers only pass ASCII (rule needles). */
export function asciiBytesLower(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = FOLD[s.charCodeAt(i) & 0xff]!;
  return out;
}

/** Lower-case A–Z only, so indexes stay the same as in the original (toLowerCase can change lengths). */
export function asciiLower(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
}

/**
 * A needle prepared for fast case-insensitive search in a line: the engine's native `indexOf`
 * looks for its rarest byte (in both cases for a letter), and only those spots are compared.
 */
export interface ByteNeedle {
  bytes: Uint8Array; // lower case
  pos: number; // offset of the probe byte in the needle
  probe: number;
  probeUpper: number; // -1 unless the probe is a letter
}

// How common a byte is in logs, lower is rarer: punctuation logs seldom use, other punctuation,
// uncommon letters, then digits (timestamps, GUIDs, addresses) with the common letters, and last
// the separators every line is full of.
const RANK: Uint8Array = (() => {
  const r = new Uint8Array(256).fill(3);
  for (const c of '~@%&!<>[]{}$#*|?;\'"()^`+') r[c.charCodeAt(0)] = 0;
  for (const c of '=-_:') r[c.charCodeAt(0)] = 2;
  for (const c of 'qzjxkvwyb') r[c.charCodeAt(0)] = 3;
  for (const c of '0123456789acdefghilmnoprstu') r[c.charCodeAt(0)] = 4;
  for (const c of '/., \t') r[c.charCodeAt(0)] = 5;
  return r;
})();

export function byteNeedle(needle: string): ByteNeedle {
  const bytes = asciiBytesLower(needle);
  let pos = 0;
  for (let i = 1; i < bytes.length; i++) if (RANK[bytes[i]!]! < RANK[bytes[pos]!]!) pos = i;
  const probe = bytes[pos] ?? 0;
  return { bytes, pos, probe, probeUpper: probe >= 97 && probe <= 122 ? probe - 32 : -1 };
}

function matchAt(view: Uint8Array, at: number, bytes: Uint8Array): boolean {
  if (at < 0 || at + bytes.length > view.length) return false;
  for (let j = 0; j < bytes.length; j++) if (FOLD[view[at + j]!] !== bytes[j]) return false;
  return true;
}

/** Does `view` (one line) contain the needle, ignoring ASCII case? */
export function includesCI(view: Uint8Array, n: ByteNeedle): boolean {
  if (n.bytes.length === 0) return true;
  for (let i = view.indexOf(n.probe, n.pos); i >= 0; i = view.indexOf(n.probe, i + 1))
    if (matchAt(view, i - n.pos, n.bytes)) return true;
  if (n.probeUpper >= 0)
    for (let i = view.indexOf(n.probeUpper, n.pos); i >= 0; i = view.indexOf(n.probeUpper, i + 1))
      if (matchAt(view, i - n.pos, n.bytes)) return true;
  return false;
}

const CHUNK = 4096;

/**
 * Decode buf[start, end) as UTF-8 exactly as TextDecoder does (WHATWG): each maximal invalid
 * subsequence becomes one U+FFFD. Never throws. Pure-ASCII runs take a fast path.
 */
export function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  let out = '';
  const codes: number[] = [];
  let needed = 0;
  let seen = 0;
  let cp = 0;
  let lower = 0x80;
  let upper = 0xbf;
  const flush = () => {
    if (codes.length) {
      out += String.fromCharCode.apply(null, codes);
      codes.length = 0;
    }
  };
  const emit = (c: number) => {
    if (c >= 0x10000) {
      const v = c - 0x10000;
      codes.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else codes.push(c);
    if (codes.length >= CHUNK) flush();
  };
  let i = start;
  while (i < end) {
    if (needed === 0) {
      // ASCII run
      let j = i;
      while (j < end && buf[j]! < 0x80) j++;
      if (j > i) {
        flush();
        for (let k = i; k < j; k += CHUNK)
          out += String.fromCharCode.apply(null, buf.subarray(k, Math.min(j, k + CHUNK)) as unknown as number[]);
        i = j;
        continue;
      }
      const b = buf[i++]!;
      if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
        cp = b & 0x0f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
        cp = b & 0x07;
      } else emit(0xfffd);
      continue;
    }
    const b = buf[i]!;
    if (b < lower || b > upper) {
      // the sequence ends here; this byte is read again as a new start
      needed = seen = cp = 0;
      lower = 0x80;
      upper = 0xbf;
      emit(0xfffd);
      continue;
    }
    i++;
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (++seen === needed) {
      emit(cp);
      needed = seen = cp = 0;
    }
  }
  if (needed) emit(0xfffd);
  flush();
  return out;
}

/** Worst-case UTF-8 size of `chars` UTF-16 code units. */
const maxUtf8 = (chars: number) => chars * 3;

/**
 * Encode s[start, end) as UTF-8. A lone surrogate becomes U+FFFD (EF BF BD), as TextEncoder does.
 * The caller must not cut a surrogate pair: `utf8Slices` takes care of that.
 */
export function encodeUtf8(s: string, start: number, end: number): Uint8Array {
  const out = new Uint8Array(maxUtf8(end - start));
  let o = 0;
  for (let i = start; i < end; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
      continue;
    }
    if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < end ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        out[o++] = 0xf0 | (cp >> 18);
        out[o++] = 0x80 | ((cp >> 12) & 0x3f);
        out[o++] = 0x80 | ((cp >> 6) & 0x3f);
        out[o++] = 0x80 | (cp & 0x3f);
        i++;
        continue;
      }
      c = 0xfffd;
    }
    out[o++] = 0xe0 | (c >> 12);
    out[o++] = 0x80 | ((c >> 6) & 0x3f);
    out[o++] = 0x80 | (c & 0x3f);
  }
  return out.subarray(0, o);
}

/**
 * The platform's TextEncoder when there is one (browsers, workers and Node all have it; the ES2022
 * library this core is typed against does not). It gives the same bytes as encodeUtf8, faster.
 */
interface Encoder {
  encode(s: string): Uint8Array;
}
const nativeEncoder: Encoder | null = (() => {
  const E = (globalThis as { TextEncoder?: new () => Encoder }).TextEncoder;
  return typeof E === 'function' ? new E() : null;
})();

/** Cut a string into UTF-8 chunks of about `chars` characters each, never splitting a surrogate pair. */
export function* utf8Slices(s: string, chars: number, encoder: Encoder | null = nativeEncoder): Generator<Uint8Array> {
  let i = 0;
  while (i < s.length) {
    let end = Math.min(s.length, i + chars);
    const last = s.charCodeAt(end - 1);
    if (end < s.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield encoder ? encoder.encode(s.slice(i, end)) : encodeUtf8(s, i, end);
    i = end;
  }
}

/**
 * Streaming UTF-16 (little- or big-endian) to UTF-8 conversion. Handles chunks that split a code
 * unit or a surrogate pair; an unpaired surrogate becomes U+FFFD.
 */
export class Utf16ToUtf8 {
  private odd = -1; // a byte left over from the previous chunk
  private high = 0; // a high surrogate waiting for its pair
  constructor(private readonly bigEndian: boolean) {}

  push(chunk: Uint8Array): Uint8Array {
    const out = new Uint8Array(((chunk.length >> 1) + 2) * 3 + 4);
    let o = 0;
    let i = 0;
    const unit = (a: number, b: number) => (this.bigEndian ? (a << 8) | b : (b << 8) | a);
    const emit = (cp: number) => {
      if (cp < 0x80) out[o++] = cp;
      else if (cp < 0x800) {
        out[o++] = 0xc0 | (cp >> 6);
        out[o++] = 0x80 | (cp & 0x3f);
      } else if (cp < 0x10000) {
        out[o++] = 0xe0 | (cp >> 12);
        out[o++] = 0x80 | ((cp >> 6) & 0x3f);
        out[o++] = 0x80 | (cp & 0x3f);
      } else {
        out[o++] = 0xf0 | (cp >> 18);
        out[o++] = 0x80 | ((cp >> 12) & 0x3f);
        out[o++] = 0x80 | ((cp >> 6) & 0x3f);
        out[o++] = 0x80 | (cp & 0x3f);
      }
    };
    const take = (u: number) => {
      if (this.high) {
        if (u >= 0xdc00 && u <= 0xdfff) {
          emit(0x10000 + ((this.high - 0xd800) << 10) + (u - 0xdc00));
          this.high = 0;
          return;
        }
        emit(0xfffd);
        this.high = 0;
      }
      if (u >= 0xd800 && u <= 0xdbff) this.high = u;
      else if (u >= 0xdc00 && u <= 0xdfff) emit(0xfffd);
      else emit(u);
    };
    if (this.odd >= 0 && chunk.length > 0) {
      take(unit(this.odd, chunk[0]!));
      this.odd = -1;
      i = 1;
    }
    for (; i + 1 < chunk.length; i += 2) {
      const u = unit(chunk[i]!, chunk[i + 1]!);
      if (u < 0x80 && !this.high) out[o++] = u;
      else take(u);
    }
    if (i < chunk.length) this.odd = chunk[i]!;
    return out.subarray(0, o);
  }

  /** Bytes still pending at the end of the file (a lone byte or surrogate) as U+FFFD. */
  end(): Uint8Array {
    const pending = (this.odd >= 0 ? 1 : 0) + (this.high ? 1 : 0);
    this.odd = -1;
    this.high = 0;
    const out = new Uint8Array(pending * 3);
    for (let k = 0; k < pending; k++) out.set([0xef, 0xbf, 0xbd], k * 3);
    return out;
  }
}
