/**
 * The compact form in which the browser receives the release and vulnerability tables.
 *
 * `src/data/releases.json` and `src/data/vulnerabilities.json` stay the one source of truth. For the
 * page's JavaScript the build encodes them (scripts/checker-data.ts) and the browser decodes them
 * back when the checker loads, so the checker code reads the same rows either way:
 *
 * - releases: every field, exactly; each run of rows of one CU line is one group whose rows drop
 *   the keys and the build prefix they share;
 * - vulnerabilities: only the fields the checker reads (`VulnerabilityData`). The prose and
 *   citations written for people (a CVE's `note` and `sources`, where a `notAffected` statement
 *   comes from, whether a range is `listed` in the CVE record) never reach a verdict; the JSON API
 *   and the server-rendered pages read them from the full file. Repeated range notes are stored once;
 * - lifecycle: only the dates and policy (`LifecycleData`), without the ESU note and citations;
 * - sources: only those a release or a source conflict cites, which are all the checker resolves.
 *
 * `decode(encode(x))` must give back exactly what the checker reads from `x`; the build checks that
 * for the real data, and tests/unit/checker/data-codec.test.ts proves the verdicts are the same.
 */
import type { RangeEvent } from './ranges.ts';

/** One row of `releases.json`, as the checker reads it. */
export interface ReleaseRow {
  product: string;
  line: string;
  rollup?: string | null;
  update: string | null;
  build: string;
  date: string;
  kb: string | null;
  sources: string[];
  confidence: string;
  variantOf?: string;
  note?: string;
}

export interface ReleaseData {
  releases: ReleaseRow[];
}

/** One CU line's range of a CVE, as the checker reads it. */
export interface RangeData {
  product: string;
  line: string;
  events: RangeEvent[];
  note?: string;
}

/** One CVE, as the checker reads it. */
export interface VulnerabilityRow {
  id: string;
  nickname: string;
  families: string[];
  summary: string;
  kev: boolean;
  kevDateAdded: string | null;
  published: string;
  fixInferred: boolean;
  notAffected?: { product: string }[];
  ranges: RangeData[];
}

export interface FamilyRow {
  id: string;
  label: string;
  name: string;
  summary: string;
}

/** What the checker reads from `vulnerabilities.json`. */
export interface VulnerabilityData {
  families: FamilyRow[];
  vulnerabilities: VulnerabilityRow[];
}

/** One product of `lifecycle.json`, as the checker reads it. */
export interface LifecycleRow {
  product: string;
  policy: string;
  released: string;
  endOfSupport: string | null;
  esuEnd: string | null;
}

export interface LifecycleData {
  products: LifecycleRow[];
}

/** The fields of `lifecycle.json` that the checker reads: all the page gets of it (no decoding). */
export function lifecycleFields(data: LifecycleData): LifecycleData {
  return {
    products: data.products.map(({ product, policy, released, endOfSupport, esuEnd }) => ({
      product,
      policy,
      released,
      endOfSupport,
      esuEnd,
    })),
  };
}

/** A cited source, as `sources.json` describes it. */
export interface SourceRow {
  title: string;
  url: string;
  state: string;
}

export interface SourceData {
  sources: Record<string, SourceRow>;
}

/** The sources among `cited`, in file order, each as it is: all the page gets of `sources.json`. */
export function sourceFields(data: SourceData, cited: Iterable<string>): SourceData {
  const keep = new Set(cited);
  return { sources: Object.fromEntries(Object.entries(data.sources).filter(([id]) => keep.has(id))) };
}

/** A key absent from the row (as opposed to present and `null`); no field of a row is a negative number. */
const ABSENT = -1;
type Slot = string | null | typeof ABSENT;

/**
 * Releases, compact: `products` and `sourceSets` are tables the groups point into; a group is
 * `[product index, line, build prefix, rows]`, a row
 * `[rollup, update, build after the prefix, date, kb, source set index, confidence, variantOf?, note?]`.
 */
export interface CompactReleases {
  products: string[];
  sourceSets: string[][];
  groups: [number, string, string, (Slot | number)[][]][];
}

/**
 * Vulnerabilities, compact: a CVE is `[id, nickname, families, summary, kev, kevDateAdded,
 * published, fixInferred, notAffected products (indexes) or null, ranges]`; a range is
 * `[product index, lines, note index (-1: none), ...events]`, where `lines` names one or more
 * consecutive lines of the product with the same note and events (space-separated: most CVEs list
 * dozens of older CUs that were never fixed), and an event is `+<build>` (introduced) or `<build>` /
 * `<build>:<disputedFrom>` (fixed).
 */
export interface CompactVulnerabilities {
  products: string[];
  families: FamilyRow[];
  notes: string[];
  vulnerabilities: [
    string,
    string,
    string[],
    string,
    boolean,
    string | null,
    string,
    boolean,
    number[] | null,
    (string | number)[][],
  ][];
}

const RELEASE_SLOTS = [
  'rollup',
  'update',
  'build',
  'date',
  'kb',
  'sources',
  'confidence',
  'variantOf',
  'note',
] as const;

/** Index of `value` in `table`, added when new. */
function intern<T>(table: T[], value: T, key: (x: T) => string = String): number {
  const k = key(value);
  const i = table.findIndex((x) => key(x) === k);
  if (i >= 0) return i;
  table.push(value);
  return table.length - 1;
}

/** The dotted parts that every build of the group shares, at most three (`15.1.2176`, `14.3`). */
function commonPrefix(builds: readonly string[]): string {
  const split = builds.map((b) => b.split('.'));
  const first = split[0] ?? [];
  let n = 0;
  while (n < 3 && n < first.length && split.every((parts) => parts[n] === first[n])) n += 1;
  return first.slice(0, n).join('.');
}

/** Encode `releases.json` (build time). Throws on a row it could not give back exactly. */
export function encodeReleases(data: ReleaseData): CompactReleases {
  const out: CompactReleases = { products: [], sourceSets: [], groups: [] };
  const runs: ReleaseRow[][] = [];
  for (const row of data.releases) {
    const run = runs.at(-1);
    const head = run?.[0];
    if (run && head && head.product === row.product && head.line === row.line) run.push(row);
    else runs.push([row]);
  }
  for (const run of runs) {
    const head = run[0] as ReleaseRow;
    const prefix = commonPrefix(run.map((r) => r.build));
    const rows = run.map((r) => {
      const slots: (Slot | number)[] = RELEASE_SLOTS.map((key): Slot | number => {
        if (!(key in r)) return ABSENT;
        if (key === 'sources') return intern(out.sourceSets, r.sources, (s) => s.join('\n'));
        if (key === 'build') return prefix ? r.build.slice(prefix.length + 1) : r.build;
        return r[key] ?? null;
      });
      while (slots.length > 0 && slots.at(-1) === ABSENT) slots.pop();
      return slots;
    });
    out.groups.push([intern(out.products, head.product), head.line, prefix, rows]);
  }
  return out;
}

/** Decode what `encodeReleases` wrote (in the browser, when the checker loads). */
export function decodeReleases(compact: CompactReleases): ReleaseData {
  const releases: ReleaseRow[] = [];
  for (const [product, line, prefix, rows] of compact.groups)
    for (const slots of rows) {
      const row: Record<string, unknown> = { product: compact.products[product], line };
      RELEASE_SLOTS.forEach((key, i) => {
        const value = i < slots.length ? slots[i] : ABSENT;
        if (value === ABSENT) return;
        if (key === 'sources') row[key] = [...(compact.sourceSets[value as number] ?? [])];
        else if (key === 'build') row[key] = prefix ? `${prefix}.${String(value)}` : value;
        else row[key] = value;
      });
      releases.push(row as unknown as ReleaseRow);
    }
  return { releases };
}

function encodeEvent(e: RangeEvent): string {
  if ('introduced' in e) return `+${e.introduced}`;
  return e.disputedFrom ? `${e.fixed}:${e.disputedFrom}` : e.fixed;
}

function decodeEvent(s: string): RangeEvent {
  if (s.startsWith('+')) return { introduced: s.slice(1) };
  const [fixed = '', disputedFrom] = s.split(':');
  return disputedFrom ? { fixed, disputedFrom } : { fixed };
}

/**
 * The fields of `vulnerabilities.json` that the checker reads, and nothing else: what the browser
 * gets back from `decodeVulnerabilities(encodeVulnerabilities(data))`.
 */
export function vulnerabilityFields(data: VulnerabilityData): VulnerabilityData {
  return {
    families: data.families.map(({ id, label, name, summary }) => ({ id, label, name, summary })),
    vulnerabilities: data.vulnerabilities.map((v) => ({
      id: v.id,
      nickname: v.nickname,
      families: v.families,
      summary: v.summary,
      kev: v.kev,
      kevDateAdded: v.kevDateAdded,
      published: v.published,
      fixInferred: v.fixInferred,
      ...(v.notAffected ? { notAffected: v.notAffected.map(({ product }) => ({ product })) } : {}),
      ranges: v.ranges.map((r) => ({
        product: r.product,
        line: r.line,
        events: r.events.map((e): RangeEvent =>
          'introduced' in e
            ? { introduced: e.introduced }
            : e.disputedFrom
              ? { fixed: e.fixed, disputedFrom: e.disputedFrom }
              : { fixed: e.fixed },
        ),
        ...(r.note === undefined ? {} : { note: r.note }),
      })),
    })),
  };
}

/** Encode the fields of `vulnerabilities.json` that the checker reads (build time). */
export function encodeVulnerabilities(data: VulnerabilityData): CompactVulnerabilities {
  const products: string[] = [];
  const notes: string[] = [];
  return {
    products,
    families: data.families.map(({ id, label, name, summary }) => ({ id, label, name, summary })),
    notes,
    vulnerabilities: data.vulnerabilities.map((v) => {
      const ranges: (string | number)[][] = [];
      for (const r of v.ranges) {
        if (r.line === '' || /\s/.test(r.line)) throw new Error(`line "${r.line}" of ${v.id}: empty or with a space`);
        const range = [
          intern(products, r.product),
          r.line,
          r.note === undefined ? -1 : intern(notes, r.note),
          ...r.events.map(encodeEvent),
        ];
        const last = ranges.at(-1);
        if (last && last[0] === range[0] && JSON.stringify(last.slice(2)) === JSON.stringify(range.slice(2)))
          last[1] = `${String(last[1])} ${r.line}`;
        else ranges.push(range);
      }
      return [
        v.id,
        v.nickname,
        v.families,
        v.summary,
        v.kev,
        v.kevDateAdded,
        v.published,
        v.fixInferred,
        v.notAffected ? v.notAffected.map((n) => intern(products, n.product)) : null,
        ranges,
      ];
    }),
  };
}

/** Decode what `encodeVulnerabilities` wrote (in the browser, when the checker loads). */
export function decodeVulnerabilities(compact: CompactVulnerabilities): VulnerabilityData {
  const product = (i: unknown): string => compact.products[i as number] ?? '';
  return {
    families: compact.families,
    vulnerabilities: compact.vulnerabilities.map(
      ([id, nickname, families, summary, kev, kevDateAdded, published, fixInferred, notAffected, ranges]) => ({
        id,
        nickname,
        families,
        summary,
        kev,
        kevDateAdded,
        published,
        fixInferred,
        ...(notAffected ? { notAffected: notAffected.map((i) => ({ product: product(i) })) } : {}),
        ranges: ranges.flatMap(([p, lines, note, ...events]) =>
          String(lines)
            .split(' ')
            .map((line) => ({
              product: product(p),
              line,
              events: events.map((e) => decodeEvent(String(e))),
              ...(note === -1 ? {} : { note: compact.notes[note as number] ?? '' }),
            })),
        ),
      }),
    ),
  };
}
