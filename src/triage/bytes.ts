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

/** Does buf[start, end) contain the (lower-case ASCII) needle, ignoring ASCII case? */
export function bytesIncludeCI(buf: Uint8Array, start: number, end: number, needle: Uint8Array): boolean {
  const n = needle.length;
  if (n === 0) return true;
  const first = needle[0]!;
  const last = end - n;
  outer: for (let i = start; i <= last; i++) {
    if (FOLD[buf[i]!] !== first) continue;
    for (let j = 1; j < n; j++) if (FOLD[buf[i + j]!] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Do the bytes at buf[start] begin with the lower-case ASCII prefix (ignoring case)? */
export function bytesStartCI(buf: Uint8Array, start: number, end: number, prefix: Uint8Array): boolean {
  if (end - start < prefix.length) return false;
  for (let j = 0; j < prefix.length; j++) if (FOLD[buf[start + j]!] !== prefix[j]) return false;
  return true;
}

const CHUNK = 4096;

/**
 * Decode buf[start, end) as UTF-8. Never throws: each byte that does not start or continue a valid
 * sequence becomes U+FFFD. Pure-ASCII runs take a fast path.
 */
export function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  let out = '';
  let i = start;
  const codes: number[] = [];
  while (i < end) {
    // ASCII run
    let j = i;
    while (j < end && buf[j]! < 0x80) j++;
    for (let k = i; k < j; k += CHUNK) {
      out += String.fromCharCode.apply(null, buf.subarray(k, Math.min(j, k + CHUNK)) as unknown as number[]);
    }
    i = j;
    if (i >= end) break;
    // non-ASCII run, decoded by hand
    codes.length = 0;
    while (i < end && buf[i]! >= 0x80) {
      const b0 = buf[i]!;
      let need: number;
      let cp: number;
      let min: number;
      if (b0 >= 0xc2 && b0 <= 0xdf) {
        need = 1;
        cp = b0 & 0x1f;
        min = 0x80;
      } else if (b0 >= 0xe0 && b0 <= 0xef) {
        need = 2;
        cp = b0 & 0x0f;
        min = 0x800;
      } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        need = 3;
        cp = b0 & 0x07;
        min = 0x10000;
      } else {
        codes.push(0xfffd);
        i++;
        continue;
      }
      let k = 1;
      for (; k <= need; k++) {
        const b = i + k < end ? buf[i + k]! : 0;
        if ((b & 0xc0) !== 0x80) break;
        cp = (cp << 6) | (b & 0x3f);
      }
      if (k <= need || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        codes.push(0xfffd);
        i++;
        continue;
      }
      if (cp >= 0x10000) {
        const v = cp - 0x10000;
        codes.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
      } else codes.push(cp);
      i += need + 1;
      if (codes.length >= CHUNK) {
        out += String.fromCharCode.apply(null, codes);
        codes.length = 0;
      }
    }
    if (codes.length) out += String.fromCharCode.apply(null, codes);
  }
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

/** Cut a string into UTF-8 chunks of about `chars` characters each, never splitting a surrogate pair. */
export function* utf8Slices(s: string, chars: number): Generator<Uint8Array> {
  let i = 0;
  while (i < s.length) {
    let end = Math.min(s.length, i + chars);
    const last = s.charCodeAt(end - 1);
    if (end < s.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield encodeUtf8(s, i, end);
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
