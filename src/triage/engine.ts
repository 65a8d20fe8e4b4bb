/**
 * Rules compiled for one kind of file: one needle set for the byte prefilter, the map from a needle
 * to the rules it can start, and the turning of a match into a finding (level, excerpt, fields,
 * explanation, source).
 */
import { type ByteNeedle, asciiLower, byteNeedle, includesCI } from './bytes.ts';
import { type LineRecord, test } from './conditions.ts';
import { DISPLAY_FIELDS } from './formats.ts';
import { MAX_EXCERPT_CHARS } from './limits.ts';
import { NeedleSet } from './needles.ts';
import { RULES, type Rule } from './rules.ts';
import type { FileKind, TriageFinding } from './types.ts';

export interface CompiledRule {
  rule: Rule;
  /** Lower-case needle groups; the first (`anchor`) is the one the byte scan looks for. */
  groups: string[][];
  groupBytes: ByteNeedle[][];
  anchor: number;
}

export interface Compiled {
  kind: FileKind;
  lineRules: CompiledRule[];
  fileRules: CompiledRule[];
  /** Line rules with no needles: tried on every record. */
  everyLineRules: number[];
  needles: NeedleSet;
  /** Needle id → line rules it anchors. */
  anchorRules: number[][];
  /** Needle id → [file rule, group] pairs it satisfies. */
  fileHits: [number, number][][];
  /** Needle id → it is a context needle of the handler. */
  context: boolean[];
}

function compileRule(rule: Rule): CompiledRule {
  const groups = rule.needles.map((g) => g.map((n) => n.toLowerCase()));
  return { rule, groups, groupBytes: groups.map((g) => g.map(byteNeedle)), anchor: 0 };
}

const cache = new Map<string, Compiled>();

/** Compile (once) the rules that read `kind`, plus the handler's context needles. */
export function compileFor(kind: FileKind, contextNeedles: readonly string[]): Compiled {
  const key = `${kind}|${contextNeedles.join('|')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rules = RULES.filter((r) => r.kinds.includes(kind)).map(compileRule);
  const lineRules = rules.filter((r) => !r.rule.file);
  const fileRules = rules.filter((r) => r.rule.file);
  const ids = new Map<string, number>();
  const anchorRules: number[][] = [];
  const fileHits: [number, number][][] = [];
  const context: boolean[] = [];
  const idOf = (needle: string) => {
    let id = ids.get(needle);
    if (id === undefined) {
      id = ids.size;
      ids.set(needle, id);
      anchorRules.push([]);
      fileHits.push([]);
      context.push(false);
    }
    return id;
  };
  lineRules.forEach((r, i) => {
    if (r.groups.length === 0) return;
    for (const n of r.groups[r.anchor]!) anchorRules[idOf(n)]!.push(i);
  });
  fileRules.forEach((r, i) => r.groups.forEach((g, gi) => g.forEach((n) => fileHits[idOf(n)]!.push([i, gi]))));
  for (const n of contextNeedles) context[idOf(n.toLowerCase())] = true;
  const compiled: Compiled = {
    kind,
    lineRules,
    fileRules,
    everyLineRules: lineRules.flatMap((r, i) => (r.groups.length === 0 ? [i] : [])),
    needles: new NeedleSet([...ids.keys()]),
    anchorRules,
    fileHits,
    context,
  };
  cache.set(key, compiled);
  return compiled;
}

/** Do all needle groups of a rule occur in the line's bytes (the anchor group already did)? */
export function groupsInBytes(r: CompiledRule, line: Uint8Array): boolean {
  for (let g = 0; g < r.groupBytes.length; g++) {
    if (g === r.anchor) continue;
    if (!r.groupBytes[g]!.some((n) => includesCI(line, n))) return false;
  }
  return true;
}

/** The same test on decoded text (for lines whose record comes back later than the bytes). */
export function groupsInText(r: CompiledRule, lowerLine: string): boolean {
  return r.groups.every((g) => g.some((n) => lowerLine.includes(n)));
}

// Control characters (other than tab) would render as nothing or garble the page: shown as U+FFFD.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Up to MAX_EXCERPT_CHARS around `at`, as plain text; `…` marks a cut. */
export function excerpt(text: string, at: number): string {
  const clean = text.replace(/\r$/, '').replace(CONTROL, '\uFFFD');
  if (clean.length <= MAX_EXCERPT_CHARS) return clean;
  let start = Math.max(0, Math.min(at - 80, clean.length - (MAX_EXCERPT_CHARS - 2)));
  let end = Math.min(clean.length, start + MAX_EXCERPT_CHARS - 2);
  // never cut a surrogate pair in half
  if (start > 0 && /[\udc00-\udfff]/.test(clean[start]!)) start++;
  if (end < clean.length && /[\ud800-\udbff]/.test(clean[end - 1]!)) end--;
  return (start > 0 ? '…' : '') + clean.slice(start, end) + (end < clean.length ? '…' : '');
}

const cap = (v: string) => (v.length > MAX_EXCERPT_CHARS ? v.slice(0, MAX_EXCERPT_CHARS - 1) + '…' : v);

/** Named values of the record worth showing, with people's names for them. */
export function displayFields(rec: LineRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, label] of DISPLAY_FIELDS) {
    const v = rec[key]?.trim();
    if (v && v !== '-') out[label] = cap(v.replace(CONTROL, '\uFFFD'));
  }
  return out;
}

function fill(template: string, rec: LineRecord): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = rec[key]?.trim();
    return v ? cap(v.replace(CONTROL, '\uFFFD')).slice(0, 200) : '(not on this line)';
  });
}

/** Evaluate one rule on one record; returns the finding or null. */
export function evaluate(
  r: CompiledRule,
  rec: LineRecord,
  lineNo: number,
  lower: Map<string, string>,
): TriageFinding | null {
  const rule = r.rule;
  if (rule.match && !test(rule.match, rec, lower)) return null;
  let level = rule.level;
  let note = rule.otherwise ?? '';
  if (rule.escalate && test(rule.escalate.when, rec, lower)) {
    level = rule.escalate.level;
    note = rule.escalate.note;
  }
  const line = rec.line ?? '';
  let at = 0;
  if (r.groups.length) {
    const l = lower.get('line') ?? asciiLower(line);
    lower.set('line', l);
    for (const n of r.groups[r.anchor]!) {
      const i = l.indexOf(n);
      if (i >= 0) {
        at = i;
        break;
      }
    }
  }
  return {
    rule: rule.id,
    title: rule.title,
    family: rule.family,
    level,
    cves: [...rule.cves],
    line: lineNo,
    time: rec.time || null,
    excerpt: excerpt(line, at),
    fields: displayFields(rec),
    explanation: fill(note ? `${rule.description} ${note}` : rule.description, rec),
    source: { ...rule.source, ...(rule.secondary ? { title: `${rule.source.title} (read in a quoted copy)` } : {}) },
  };
}

/** Drop findings whose rule is superseded by another finding of the same set. */
export function supersede(findings: TriageFinding[]): TriageFinding[] {
  if (findings.length < 2) return findings;
  const ids = new Set(findings.map((f) => f.rule));
  return findings.filter((f) => !(RULE_SUPERSEDED.get(f.rule) ?? []).some((s) => ids.has(s)));
}
const RULE_SUPERSEDED = new Map(RULES.map((r) => [r.id, r.supersededBy ?? []]));
