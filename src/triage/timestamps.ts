/**
 * Timestamps to ISO 8601 with milliseconds, so that plain string comparison orders them.
 * Exchange and IIS write UTC (`…Z`); exported event logs carry the exporting machine's local time,
 * which we return without `Z`. A date we cannot read unambiguously gives `null`, never a guess.
 */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return y >= 1990 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 60;
}

function iso(y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string, utc: boolean) {
  if (!valid(y, mo, d, h, mi, s)) return null;
  const ms = (frac + '000').slice(0, 3);
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}.${ms}${utc ? 'Z' : ''}`;
}

// 2021-03-03T01:02:03.4567890Z, 2021-03-03 01:02:03, 2021-03-03T01:02:03+00:00
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]00:?00)?$/;
// 3/3/2021 1:02:03 AM, 03/03/2021 01:02:03, 3.3.2021 01:02:03
const DMY = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,7}))?\s*([AaPp][Mm])?$/;

/**
 * Read one timestamp. `utcHint` says the format is known to be UTC even without a `Z` (IIS).
 *
 * @example parseTimestamp('2021-03-03T01:02:03.456Z') // '2021-03-03T01:02:03.456Z'
 * @example parseTimestamp('3/4/2021 1:02:03 PM') // '2021-03-04T13:02:03.000' (AM/PM means US order)
 * @example parseTimestamp('03/04/2021 13:02:03') // null: 3 April or 4 March?
 */
export function parseTimestamp(raw: string, utcHint = false): string | null {
  const s = raw.trim().replace(/^"|"$/g, '');
  if (s.length > 40) return null;
  let m = ISO.exec(s);
  if (m) {
    return iso(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7] ?? '', utcHint || m[8] !== undefined);
  }
  m = DMY.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    let h = +m[4]!;
    const ampm = m[8]?.toLowerCase();
    if (ampm) {
      if (h < 1 || h > 12) return null;
      h = (h % 12) + (ampm === 'pm' ? 12 : 0);
    }
    let month: number;
    let day: number;
    if (ampm || b > 12)
      [month, day] = [a, b]; // AM/PM clocks are the US (month first) format
    else if (a > 12) [month, day] = [b, a];
    else if (a === b) [month, day] = [a, b];
    else return null;
    return iso(+m[3]!, month, day, h, +m[5]!, +(m[6] ?? 0), m[7] ?? '', utcHint);
  }
  return null;
}

/** Earliest and latest of a set of ISO strings from one file (same shape, so strings compare). */
export class Span {
  from: string | null = null;
  to: string | null = null;
  add(t: string | null): void {
    if (!t) return;
    if (this.from === null || t < this.from) this.from = t;
    if (this.to === null || t > this.to) this.to = t;
  }
}
