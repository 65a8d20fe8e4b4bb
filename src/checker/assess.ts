/**
 * Per-CVE and per-family verdicts for a build, or for a bounded range of possible builds when the
 * input cannot show the update level ("somewhere between CU base and anything later on this CU").
 * Never answers "fixed" unless every possible build is fixed.
 */
import { compareBuilds, formatBuild, mustParse, type Build } from './compare-builds.ts';
import { endOfSupportDate, releaseDate } from './lifecycle.ts';
import { evaluateRange, type RangeVerdict } from './ranges.ts';
import { releaseByBuild, type Line } from './releases.ts';
import type {
  CveReason,
  CveResult,
  CveStatus,
  FamilyId,
  FamilyResult,
  FamilyStatus,
  FixedIn,
  Product,
} from './types.ts';
import { FAMILIES, VULNERABILITIES, type CompiledRange, type Vulnerability } from './vulnerabilities.ts';
import { worst } from './status.ts';

/** What is known about the build: exactly `lo`, or anything from `lo` to `hi` on the same line. */
export interface BuildBounds {
  product: Product | null; // null: Exchange Online
  line: Line | null;
  lo: Build;
  hi: Build;
  /** True when the build is beyond every known line of a product that still gets new CUs (SE). */
  beyondData: boolean;
}

export interface Assessment {
  cves: CveResult[];
  families: FamilyResult[];
  proxyLogon: FamilyStatus;
  overall: FamilyStatus;
  /** Worst status of the families after ProxyLogon. */
  laterStatus: FamilyStatus;
  /** Names of the later families still open, e.g. `['ProxyNotShell']`. */
  laterVulnerable: string[];
  exposedFamilies: FamilyId[];
}

function fixedIn(build: string | null): FixedIn | null {
  if (!build) return null;
  const release = releaseByBuild(build) ?? null;
  return { build, update: release?.update ?? null, kb: release?.kb ?? null, kbUrl: release?.kbUrl ?? null, release };
}

function baseFix(line: Line): FixedIn {
  return { build: line.base.build, update: null, kb: line.base.kb, kbUrl: line.base.kbUrl, release: line.base };
}

type CveOutcome = {
  status: CveStatus;
  reason: CveReason;
  fixedIn: FixedIn | null;
  never: boolean;
  note: string | null;
  exposed: boolean;
};

function fromVerdict(v: RangeVerdict, fixed: string | null, line: Line): Pick<CveOutcome, 'status' | 'reason'> {
  if (v === 'disputed') return { status: 'unknown', reason: 'disputed-build' };
  if (v === 'affected') return { status: 'vulnerable', reason: fixed ? 'update-missing' : 'never-fixed-on-line' };
  return { status: 'fixed', reason: fixed === line.base.build ? 'shipped-with-fix' : 'fixed-by-update' };
}

const NO_FIX = { fixedIn: null, never: false, note: null };

/**
 * A CVE that does not list this product: a product released after the CVE shipped with the fix
 * (Exchange SE); one already out of support when the CVE came out was simply not assessed by Microsoft.
 */
function unlistedProduct(v: Vulnerability, product: Product, line: Line | null): CveOutcome {
  const released = releaseDate(product) ?? '';
  const eos = endOfSupportDate(product);
  if (released > v.published)
    return {
      ...NO_FIX,
      fixedIn: line ? baseFix(line) : null,
      status: 'fixed',
      reason: 'shipped-with-fix',
      exposed: false,
    };
  if (eos && eos < v.published)
    return {
      ...NO_FIX,
      status: 'unknown',
      reason: 'not-assessed',
      exposed: true,
      note: `${product} was already out of support when this was disclosed, so Microsoft did not assess it; treat it as likely vulnerable.`,
    };
  return { ...NO_FIX, status: 'not-affected', reason: 'product-not-affected', exposed: false };
}

/** A build on no line in our data: fixed only if it is newer than every CU with a fix range. */
function unknownLine(v: Vulnerability, product: Product, b: BuildBounds): CveOutcome {
  const newest = v.newestRangedBase.get(product);
  if (b.beyondData && newest && compareBuilds(b.lo, newest) > 0)
    return {
      ...NO_FIX,
      status: 'fixed',
      reason: 'shipped-with-fix',
      exposed: false,
      note: 'Judged by build order: this build is newer than every CU in our data, and CUs include all earlier fixes.',
    };
  return { ...NO_FIX, status: 'unknown', reason: 'line-unknown', exposed: true };
}

/** A known line the CVE gives no range for: a CU newer than every ranged one shipped with the fix. */
function lineWithoutRange(v: Vulnerability, product: Product, line: Line): CveOutcome {
  const newest = v.newestRangedBase.get(product);
  if (newest && compareBuilds(line.baseBuild, newest) > 0)
    return { ...NO_FIX, fixedIn: baseFix(line), status: 'fixed', reason: 'shipped-with-fix', exposed: false };
  return { ...NO_FIX, status: 'unknown', reason: 'line-unknown', exposed: true };
}

/** The range's verdict at both ends of what the build can be; when they differ, "unknown". */
function withinRange(range: CompiledRange, b: BuildBounds, line: Line): CveOutcome {
  const atLo = fromVerdict(evaluateRange(b.lo, range.events), range.fixed, line);
  const atHi =
    compareBuilds(b.lo, b.hi) === 0 ? atLo : fromVerdict(evaluateRange(b.hi, range.events), range.fixed, line);
  const same = atLo.status === atHi.status;
  const exposed = range.fixed === null || range.fixed !== line.base.build;
  return {
    status: same ? atLo.status : 'unknown',
    reason: same ? atLo.reason : 'update-level-unknown',
    fixedIn: fixedIn(range.fixed),
    never: range.fixed === null,
    note: range.note,
    exposed,
  };
}

/** The verdict for one CVE. */
function assessOne(v: Vulnerability, b: BuildBounds): CveOutcome {
  const { product, line } = b;
  if (product === null) return { ...NO_FIX, status: 'not-affected', reason: 'exchange-online', exposed: false };
  if (v.notAffected.has(product))
    return { ...NO_FIX, status: 'not-affected', reason: 'product-not-affected', exposed: false };
  if (!v.products.has(product)) return unlistedProduct(v, product, line);
  if (!line) return unknownLine(v, product, b);
  const range = v.ranges.get(`${product}|${line.line}`);
  if (!range) return lineWithoutRange(v, product, line);
  return withinRange(range, b, line);
}

const toFamily = (s: CveStatus): FamilyStatus => (s === 'fixed' ? 'patched' : s);

function maxFix(list: readonly CveResult[]): FixedIn | null {
  let best: FixedIn | null = null;
  for (const c of list) {
    if (!c.fixedIn) continue;
    if (!best || compareBuilds(mustParse(c.fixedIn.build), mustParse(best.build)) > 0) best = c.fixedIn;
  }
  return best;
}

const cache = new Map<string, Assessment>();

/**
 * Assess every CVE and family for what is known about a build.
 *
 * @example assess({ product: 'Exchange Server 2016', line: lineOf([15,1,2176,9]), lo: [15,1,2176,9], hi: [15,1,2176,9], beyondData: false }).proxyLogon // 'patched'
 */
export function assess(b: BuildBounds): Assessment {
  const key = `${b.product}|${b.line?.line}|${formatBuild(b.lo)}|${formatBuild(b.hi)}|${b.beyondData}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const exposedSet = new Set<FamilyId>();
  const cves: CveResult[] = VULNERABILITIES.map((v) => {
    const p = assessOne(v, b);
    if (p.exposed) for (const f of v.families) exposedSet.add(f);
    return {
      id: v.id,
      nickname: v.nickname,
      summary: v.summary,
      families: v.families,
      kev: v.kev,
      kevDateAdded: v.kevDateAdded,
      status: p.status,
      reason: p.reason,
      fixedIn: p.fixedIn,
      neverFixedOnLine: p.never,
      inferred: v.fixInferred,
      note: p.note,
      url: `https://msrc.microsoft.com/update-guide/vulnerability/${v.id}`,
    };
  });
  const families: FamilyResult[] = FAMILIES.map((f) => {
    const list = cves.filter((c) => c.families.includes(f.id));
    const never = list.some((c) => c.neverFixedOnLine && c.status !== 'not-affected');
    return {
      id: f.id,
      name: f.name,
      status: worst(list.map((c) => toFamily(c.status))),
      cves: list,
      fixedIn: never ? null : maxFix(list),
      neverFixedOnLine: never,
    };
  });
  const proxyLogon = families.find((f) => f.id === 'proxylogon')?.status ?? 'unknown';
  const later = families.filter((f) => f.id !== 'proxylogon');
  const result: Assessment = {
    cves,
    families,
    proxyLogon: b.product === null ? 'not-affected' : proxyLogon,
    overall: worst(families.map((f) => f.status)),
    laterStatus: worst(later.map((f) => f.status)),
    laterVulnerable: later.filter((f) => f.status === 'vulnerable').map((f) => f.name),
    exposedFamilies: FAMILIES.map((f) => f.id).filter((id) => exposedSet.has(id)),
  };
  if (cache.size > 10_000) cache.clear();
  cache.set(key, result);
  return result;
}
