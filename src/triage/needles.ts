/**
 * Multi-needle search over bytes, ASCII case-insensitive: a Wu–Manber scan with two-byte blocks.
 * It reads one byte pair per window and skips up to (shortest needle − 1) bytes at a time, so it
 * looks at a fraction of the bytes of a log and never decodes them. Matches are reported by start
 * offset, in order. Needles are plain ASCII strings; they never contain a line break, so a match
 * never crosses a line.
 */
import { FOLD, asciiBytesLower } from './bytes.ts';

export class NeedleSet {
  /** The needles, lower-cased, in the order given (a hit's id indexes this array). */
  readonly needles: readonly string[];
  private readonly pats: Uint8Array[];
  private readonly m: number;
  private readonly shift: Uint8Array;
  private readonly buckets: (Int32Array | undefined)[];

  constructor(needles: readonly string[]) {
    if (needles.some((n) => n.length < 2 || /[^\x20-\x7e]/.test(n)))
      throw new Error('needles must be printable ASCII of two or more characters');
    this.needles = needles.map((n) => n.toLowerCase());
    this.pats = this.needles.map(asciiBytesLower);
    this.m = needles.length ? Math.min(255, ...needles.map((n) => n.length)) : 2;
    this.shift = new Uint8Array(65536).fill(this.m - 1);
    const lists = new Map<number, number[]>();
    const variants = (c: number) => (c >= 97 && c <= 122 ? [c, c - 32] : [c]);
    this.pats.forEach((p, id) => {
      for (let q = 2; q <= this.m; q++) {
        const s = this.m - q;
        for (const a of variants(p[q - 2]!))
          for (const b of variants(p[q - 1]!)) {
            const h = (a << 8) | b;
            if (s < this.shift[h]!) this.shift[h] = s;
          }
      }
      const key = (p[this.m - 2]! << 8) | p[this.m - 1]!;
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
   * @example const s = new NeedleSet(['serverinfo~']); const out: number[] = [];
   *          s.scan(bytes('x,ServerInfo~a]@x'), 0, 16, out); // out = [2, 0]
   */
  scan(buf: Uint8Array, start: number, end: number, out: number[]): void {
    if (this.pats.length === 0) return;
    const { m, shift, buckets, pats } = this;
    let pos = start + m - 1;
    while (pos < end) {
      const s = shift[(buf[pos - 1]! << 8) | buf[pos]!]!;
      if (s !== 0) {
        pos += s;
        continue;
      }
      const bucket = buckets[(FOLD[buf[pos - 1]!]! << 8) | FOLD[buf[pos]!]!];
      if (bucket) {
        const from = pos - m + 1;
        for (let k = 0; k < bucket.length; k++) {
          const id = bucket[k]!;
          const p = pats[id]!;
          const len = p.length;
          if (from + len > end) continue;
          let j = 0;
          while (j < len && FOLD[buf[from + j]!] === p[j]) j++;
          if (j === len) out.push(from, id);
        }
      }
      pos++;
    }
  }
}
