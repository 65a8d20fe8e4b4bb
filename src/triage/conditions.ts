/**
 * The small condition language rules are written in. A record is the set of named values read from
 * one line (`line` is always the whole line). Every comparison ignores ASCII case, as PowerShell's
 * `-like`, Sigma's modifiers and `Select-String` do. Everything here is linear in the line length
 * times the (short) pattern length; regexes in rules must be bounded.
 */
import { asciiLower } from './bytes.ts';

/** Named values of one line; missing fields read as the empty string. */
export type LineRecord = Record<string, string>;

export type Cond =
  | { all: readonly Cond[] }
  | { any: readonly Cond[] }
  | { not: Cond }
  /** the field contains one of the strings */
  | { f: string; has: string | readonly string[] }
  /** the field contains every one of the strings */
  | { f: string; hasAll: readonly string[] }
  /** the field equals one of the strings */
  | { f: string; is: string | readonly string[] }
  | { f: string; starts: string | readonly string[] }
  | { f: string; ends: string | readonly string[] }
  /** PowerShell `-like`: `*` any run, `?` one character, the whole value must match */
  | { f: string; like: string | readonly string[] }
  /** a bounded regular expression (tested against the original case; give it the `i` flag) */
  | { f: string; re: RegExp }
  /** a named check written in code, for what patterns cannot say */
  | { f: string; check: (value: string) => boolean; name: string };

const list = (v: string | readonly string[]): readonly string[] => (typeof v === 'string' ? [v] : v);

/**
 * PowerShell `-like` (case-insensitive wildcard match of the whole value). Greedy with one
 * backtrack point per `*`, so O(value × pattern) at worst; patterns are short.
 *
 * @example like('ServerInfo~a]@ex01:444/ecp/y.js#', 'serverinfo~*') // true
 */
export function like(value: string, pattern: string): boolean {
  const v = asciiLower(value);
  const p = asciiLower(pattern);
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (i < v.length) {
    if (j < p.length && (p[j] === '?' || p[j] === v[i])) {
      i++;
      j++;
    } else if (j < p.length && p[j] === '*') {
      star = j++;
      mark = i;
    } else if (star >= 0) {
      j = star + 1;
      i = ++mark;
    } else return false;
  }
  while (j < p.length && p[j] === '*') j++;
  return j === p.length;
}

/** Evaluate a condition. `lower` caches lower-cased field values for this record. */
export function test(cond: Cond, rec: LineRecord, lower: Map<string, string> = new Map()): boolean {
  if ('all' in cond) return cond.all.every((c) => test(c, rec, lower));
  if ('any' in cond) return cond.any.some((c) => test(c, rec, lower));
  if ('not' in cond) return !test(cond.not, rec, lower);
  const raw = rec[cond.f] ?? '';
  if ('re' in cond) return cond.re.test(raw);
  if ('check' in cond) return cond.check(raw);
  if ('like' in cond) return list(cond.like).some((p) => like(raw, p));
  let v = lower.get(cond.f);
  if (v === undefined) {
    v = asciiLower(raw);
    lower.set(cond.f, v);
  }
  const value = v;
  if ('has' in cond) return list(cond.has).some((s) => value.includes(asciiLower(s)));
  if ('hasAll' in cond) return cond.hasAll.every((s) => value.includes(asciiLower(s)));
  if ('is' in cond) return list(cond.is).some((s) => value === asciiLower(s));
  if ('starts' in cond) return list(cond.starts).some((s) => value.startsWith(asciiLower(s)));
  return list(cond.ends).some((s) => value.endsWith(asciiLower(s)));
}

/** Every regex inside a condition (tests check they are bounded). */
export function regexesOf(cond: Cond): RegExp[] {
  if ('all' in cond) return cond.all.flatMap(regexesOf);
  if ('any' in cond) return cond.any.flatMap(regexesOf);
  if ('not' in cond) return regexesOf(cond.not);
  return 're' in cond ? [cond.re] : [];
}
