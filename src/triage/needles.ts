/**
 * Multi-needle search over bytes, ASCII case-insensitive: a Wu–Manber scan with two-byte blocks.
 * It reads one byte pair per step and skips up to (shortest needle − 1) bytes at a time, so it
 * looks at a fraction of the bytes of a log and never decodes them. Matches are reported by start
 * offset, in order. Needles are plain ASCII strings; they never contain a line break, so a match
 * never crosses a line.
 *
 * Each needle is looked for through one anchor: a stretch of it as long as the shortest needle. Given
 * a sample of the text (the first bytes of the file), the anchor is the stretch whose byte pairs are
 * rarest there:
 * `,/powershell` is then found by `wershell`, not by `,/powers`, whose pairs every request path
 * shares. Rare pairs mean long skips and few candidates to compare, whatever the file holds.
 */
import { FOLD, asciiBytesLower } from './bytes.ts';

/** How often each lower-cased byte pair occurs in `sample` (index: first byte << 8 | second). */
function pairCounts(sample: Uint8Array): Uint32Array {
  const counts = new Uint32Array(65536);
  for (let i = 1; i < sample.length; i++) counts[(FOLD[sample[i - 1]!]! << 8) | FOLD[sample[i]!]!]!++;
  return counts;
}

/**
 * The offset of the anchor (a stretch of `m` bytes of `p`) that costs least to look for: its last pair decides
 * how often the needle's bucket is checked (weighted most), its other pairs how often the scan
 * cannot skip far.
 */
function cheapestAnchor(p: Uint8Array, m: number, counts: Uint32Array): number {
  let best = 0;
  let bestCost = Infinity;
  for (let o = 0; o + m <= p.length; o++) {
    let cost = counts[(p[o + m - 2]! << 8) | p[o + m - 1]!]! * m;
    for (let q = 2; q < m; q++) cost += counts[(p[o + q - 2]! << 8) | p[o + q - 1]!]! / (m - q + 1);
    if (cost < bestCost) {
      bestCost = cost;
      best = o;
    }
  }
  return best;
}

export class NeedleSet {
  /** The needles, lower-cased, in the order given (a hit's id indexes this array). */
  readonly needles: readonly string[];
  private readonly pats: Uint8Array[];
  /** Per needle, where in it its anchor starts. */
  private readonly offsets: Int32Array;
  private readonly m: number;
  private readonly shift: Uint8Array;
  private readonly buckets: (Int32Array | undefined)[];

  /** `sample`, when given, is text like the text to be scanned: it picks each needle's anchor. */
  constructor(needles: readonly string[], sample?: Uint8Array) {
    if (needles.some((n) => n.length < 2 || /[^\x20-\x7e]/.test(n)))
      throw new Error('needles must be printable ASCII of two or more characters');
    this.needles = needles.map((n) => n.toLowerCase());
    this.pats = this.needles.map(asciiBytesLower);
    const m = (this.m = needles.length ? Math.min(255, ...needles.map((n) => n.length)) : 2);
    const counts = sample && sample.length > 1 ? pairCounts(sample) : null;
    this.offsets = Int32Array.from(this.pats, (p) => (counts ? cheapestAnchor(p, m, counts) : 0));
    this.shift = new Uint8Array(65536).fill(m - 1);
    const lists = new Map<number, number[]>();
    const variants = (c: number) => (c >= 97 && c <= 122 ? [c, c - 32] : [c]);
    this.pats.forEach((p, id) => {
      const o = this.offsets[id]!;
      for (let q = 2; q <= m; q++) {
        const s = m - q;
        for (const a of variants(p[o + q - 2]!))
          for (const b of variants(p[o + q - 1]!)) {
            const h = (a << 8) | b;
            if (s < this.shift[h]!) this.shift[h] = s;
          }
      }
      const key = (p[o + m - 2]! << 8) | p[o + m - 1]!;
      const list = lists.get(key) ?? [];
      list.push(id);
      lists.set(key, list);
    });
    this.buckets = new Array<Int32Array | undefined>(65536);
    for (const [key, list] of lists) this.buckets[key] = Int32Array.from(list);
  }

  get size(): number {
    return this.needles.length;
  }

  /**
   * Find every needle in buf[start, end). Pushes `offset, id` pairs onto `out` in ascending offset.
   *
   * A long range is cut in two at a line break and both halves are walked in the same loop: each
   * step of one walk waits on its own table lookup, so two independent walks run in about the time
   * of one.
   *
   * @example const s = new NeedleSet(['serverinfo~']); const out: number[] = [];
   *          s.scan(bytes('x,ServerInfo~a]@x'), 0, 16, out); // out = [2, 0]
   */
  scan(buf: Uint8Array, start: number, end: number, out: number[]): void {
    if (this.pats.length === 0) return;
    let cut = end - start >= TWO_WALKS_FROM ? buf.indexOf(10, (start + end) >>> 1) : -1;
    const first = out.length;
    if (cut < 0 || cut + 1 >= end) {
      if (!this.walkFrom(buf, start + this.m - 1, start, end, out, first)) sortPairs(out, first);
      return;
    }
    cut++;
    const second: number[] = [];
    const { m, shift } = this;
    let a = start + m - 1;
    let b = cut + m - 1;
    let ordered = true;
    while (a < cut && b < end) {
      const sa = shift[(buf[a - 1]! << 8) | buf[a]!]!;
      const sb = shift[(buf[b - 1]! << 8) | buf[b]!]!;
      if (sa !== 0) a += sa;
      else if (!this.check(buf, a++, start, cut, out, first)) ordered = false;
      if (sb !== 0) b += sb;
      else if (!this.check(buf, b++, cut, end, second, 0)) ordered = false;
    }
    if (a < cut) ordered = this.walkFrom(buf, a, start, cut, out, first) && ordered;
    if (b < end) ordered = this.walkFrom(buf, b, cut, end, second, 0) && ordered;
    for (let i = 0; i < second.length; i++) out.push(second[i]!);
    if (!ordered) sortPairs(out, first);
  }

  /** Walks buf[start, end) from anchor end `pos`; returns false if a hit came out of order. */
  private walkFrom(buf: Uint8Array, pos: number, start: number, end: number, out: number[], first: number): boolean {
    const shift = this.shift;
    let ordered = true;
    while (pos < end) {
      const s = shift[(buf[pos - 1]! << 8) | buf[pos]!]!;
      if (s !== 0) pos += s;
      else if (!this.check(buf, pos++, start, end, out, first)) ordered = false;
    }
    return ordered;
  }

  /**
   * Compares the needles whose anchor ends at `pos` and pushes those that match within
   * buf[start, end) onto out. Returns false if one starts before a hit already in out[first…]: a
   * needle found through an anchor further in can start before the last hit.
   */
  private check(buf: Uint8Array, pos: number, start: number, end: number, out: number[], first: number): boolean {
    const bucket = this.buckets[(FOLD[buf[pos - 1]!]! << 8) | FOLD[buf[pos]!]!];
    if (!bucket) return true;
    const { pats, offsets } = this;
    const anchorStart = pos - this.m + 1;
    let ordered = true;
    for (let k = 0; k < bucket.length; k++) {
      const id = bucket[k]!;
      const p = pats[id]!;
      const from = anchorStart - offsets[id]!;
      if (from < start || from + p.length > end) continue;
      let j = 0;
      while (j < p.length && FOLD[buf[from + j]!] === p[j]) j++;
      if (j < p.length) continue;
      if (out.length > first && from < out[out.length - 2]!) ordered = false;
      out.push(from, id);
    }
    return ordered;
  }
}

/** Ranges at least this long are walked as two halves at once. */
const TWO_WALKS_FROM = 4096;

/** Sorts the `offset, id` pairs of out[first…] by offset, then id. */
function sortPairs(out: number[], first: number): void {
  const pairs: [number, number][] = [];
  for (let i = first; i < out.length; i += 2) pairs.push([out[i]!, out[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  out.length = first;
  for (const [at, id] of pairs) out.push(at, id);
}
