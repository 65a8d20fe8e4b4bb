/**
 * The vulnerability table (src/data/vulnerabilities.json), compiled once at module load. Only the
 * fields in `VulnerabilityData` are read: in the page they are all the data holds (data-codec.ts).
 */
import vulnJson from '../data/vulnerabilities.json' with { type: 'json' };
import { compareBuilds, mustParse, type Build } from './compare-builds.ts';
import type { VulnerabilityData, VulnerabilityRow } from './data-codec.ts';
import { compileRange, type CompiledEvent } from './ranges.ts';
import { getLine } from './releases.ts';
import type { FamilyId, Product } from './types.ts';

export interface CompiledRange {
  events: CompiledEvent[];
  /** First fixed build on the line, or null when never fixed there. */
  fixed: string | null;
  note: string | null;
}

export interface Vulnerability {
  id: string;
  nickname: string;
  families: FamilyId[];
  summary: string;
  kev: boolean;
  kevDateAdded: string | null;
  published: string;
  fixInferred: boolean;
  notAffected: ReadonlySet<Product>;
  /** Products with at least one range. */
  products: ReadonlySet<Product>;
  /** Per product, the base build of the newest line that has a range: newer lines shipped with the fix. */
  newestRangedBase: ReadonlyMap<Product, Build>;
  /** Key `${product}|${line}`. */
  ranges: ReadonlyMap<string, CompiledRange>;
}

export interface Family {
  id: FamilyId;
  /** Short name for table columns and CSV headers: `'Other exploited bugs'`. */
  label: string;
  name: string;
  summary: string;
}

const DATA: VulnerabilityData = vulnJson;

export const FAMILIES: readonly Family[] = DATA.families as Family[];

function compile(v: VulnerabilityRow): Vulnerability {
  const ranges = new Map<string, CompiledRange>();
  const products = new Set<Product>();
  const newestRangedBase = new Map<Product, Build>();
  for (const r of v.ranges) {
    const product = r.product as Product;
    products.add(product);
    const fixedEvent = r.events.find((e): e is { fixed: string } => 'fixed' in e);
    ranges.set(`${product}|${r.line}`, {
      events: compileRange(r.events),
      fixed: fixedEvent?.fixed ?? null,
      note: r.note ?? null,
    });
    const line = getLine(product, r.line);
    const base = line ? line.baseBuild : mustParse('0.0.0.0');
    const prev = newestRangedBase.get(product);
    if (!prev || compareBuilds(base, prev) > 0) newestRangedBase.set(product, base);
  }
  return {
    id: v.id,
    nickname: v.nickname,
    families: v.families as FamilyId[],
    summary: v.summary,
    kev: v.kev,
    kevDateAdded: v.kevDateAdded,
    published: v.published,
    fixInferred: v.fixInferred,
    notAffected: new Set((v.notAffected ?? []).map((n) => n.product as Product)),
    products,
    newestRangedBase,
    ranges,
  };
}

/** All vulnerabilities, in data order. */
export const VULNERABILITIES: readonly Vulnerability[] = DATA.vulnerabilities.map(compile);
