/**
 * Turn one raw mention into a full Finding: product and CU, what the input can prove, per-CVE and
 * per-family status, currency, lifecycle, conflicts and the next step.
 */
import conflictsJson from '../data/conflicts.json' with { type: 'json' };
import { assess, type BuildBounds } from './assess.ts';
import { ANY, compareBuilds, formatBuild, mustParse, type Build } from './compare-builds.ts';
import { supportStatus } from './lifecycle.ts';
import { attention } from './status.ts';
import { EXSETUP_COMMAND, nextStep } from './next-step.ts';
import type { RawFinding } from './parse-input.ts';
import {
  DATA_AS_OF,
  getLine,
  lineOf,
  NEWEST_BY_PRODUCT,
  productOf,
  releaseByBuild,
  resolveSources,
  rollupAtOrBelow,
  type Line,
} from './releases.ts';
import type { Conflict, Finding, InputFormat, Product, Release } from './types.ts';

const CONFLICTS = conflictsJson.conflicts.map((c) => ({
  product: c.product as Product,
  lo: mustParse(c.range[0] ?? '0.0.0.0'),
  hi: mustParse(c.range[1] ?? '0.0.0.0'),
  conflict: { id: c.id, message: c.message, builds: c.builds, sources: resolveSources(c.sources) } satisfies Conflict,
}));

/** Every source conflict recorded in the data, with its sources resolved (for the About page). */
export function allConflicts(): Conflict[] {
  return CONFLICTS.map((c) => c.conflict);
}

const RUN = `run \`${EXSETUP_COMMAND}\` on the server to see the real build`;
const FORMAT_NOTES: Partial<Record<InputFormat, string>> = {
  'admin-display-version': `AdminDisplayVersion (Get-ExchangeServer) never shows security updates: ${RUN}.`,
  'build-3part': `A three-part version shows the CU but not the installed security updates: ${RUN}.`,
  'owa-path': `The version in an OWA address has three parts and does not show installed security updates: ${RUN}.`,
  'ecp-path': `The version in an ECP address shows the CU, not necessarily the installed security updates: ${RUN}.`,
  'owa-header': `X-OWA-Version usually shows the installed update but can lag behind the real build; to be sure, ${RUN}.`,
  'smtp-received': `A Received header shows the build of the server that handled that message when it was sent; old mail shows old builds. To be sure, ${RUN}.`,
  'exchange-online': "Builds starting with 15.20 are Exchange Online, Microsoft's cloud service.",
};
const SHOWS_UPDATES: Record<InputFormat, boolean> = {
  exsetup: true,
  build: true,
  'build-long': true,
  'build-3part': false,
  'admin-display-version': false,
  healthchecker: true,
  'owa-header': true,
  'owa-path': false,
  'ecp-path': false,
  'smtp-received': true,
  'product-name': true,
  'exchange-online': true,
};

/** Upper bound when the update level is unknown: any revision of this CU (2010: any rollup of the service pack when the CU text shows only the SP). */
function upperBound(lo: Build, wholeServicePack: boolean): Build {
  return wholeServicePack ? [lo[0], lo[1], ANY, ANY] : [lo[0], lo[1], lo[2], ANY];
}

/**
 * Fields of one mention, not of its build's verdict: set by `toFinding`. Verdicts carry them as
 * placeholders, so each mention's copy only overwrites existing properties (the same object shape:
 * adding properties to a spread copy is many times slower).
 */
const PER_MENTION: Pick<Finding, 'superseded' | 'asOf' | 'fromProse' | 'readingNotes'> = {
  superseded: [],
  asOf: null,
  fromProse: false,
  readingNotes: [],
};

function exchangeOnline(raw: RawFinding): Finding {
  const a = assess({ product: null, line: null, lo: raw.build, hi: raw.build, beyondData: false });
  return {
    input: raw.input,
    span: raw.span,
    build: formatBuild(raw.build, raw.parts),
    product: null,
    cu: null,
    update: null,
    proxyLogon: 'not-affected',
    overall: 'not-affected',
    laterStatus: 'not-affected',
    laterVulnerable: [],
    attention: attention('not-affected', null),
    serverName: raw.serverName,
    format: 'exchange-online',
    showsUpdateLevel: true,
    formatNote: FORMAT_NOTES['exchange-online'] ?? null,
    release: null,
    lineBase: null,
    lineAnchor: null,
    families: a.families,
    cves: a.cves,
    newestOnLine: null,
    isNewestOnLine: null,
    newestOverall: null,
    lifecycle: null,
    conflicts: [],
    newerThanData: false,
    compromiseRisk: false,
    exposedFamilies: [],
    nextStep: nextStep({
      product: null,
      line: null,
      exact: true,
      build: '',
      overall: 'not-affected',
      lifecycle: null,
      newerThanData: false,
      dataAsOf: DATA_AS_OF,
    }),
    notes: [],
    ...PER_MENTION,
  };
}

/**
 * A build whose product we cannot name. The parser emits only known products, so this should never
 * run; if it ever does, the answer fails closed: "can't tell" for every CVE, never "not affected".
 */
function unknownProduct(raw: RawFinding): Finding {
  const base = exchangeOnline(raw);
  const cves = base.cves.map((c) => ({ ...c, status: 'unknown' as const, reason: 'line-unknown' as const }));
  const families = base.families.map((f) => ({
    ...f,
    status: 'unknown' as const,
    cves: cves.filter((c) => c.families.includes(f.id)),
  }));
  return {
    ...base,
    format: raw.format,
    formatNote: null,
    showsUpdateLevel: false,
    proxyLogon: 'unknown',
    overall: 'unknown',
    laterStatus: 'unknown',
    laterVulnerable: [],
    attention: attention('unknown', null),
    families,
    cves,
    compromiseRisk: true,
    exposedFamilies: families.map((f) => f.id),
    nextStep: {
      owner:
        'We cannot tell which Exchange version this is: ask your IT provider for the exact build number and check again.',
      it: `We cannot tell which Exchange product ${base.build} belongs to. Run \`${EXSETUP_COMMAND}\` on the server and check its build again.`,
      target: null,
      upgradePath: [],
      command: EXSETUP_COMMAND,
    },
    notes: [`We cannot tell which Exchange product ${base.build} belongs to, so we cannot judge it.`],
  };
}

/**
 * @example toFinding(findVersions('15.1.2176.9')[0], '2026-11-27').proxyLogon // 'patched'
 */
export function toFinding(raw: RawFinding, today: string): Finding {
  // Pastes repeat the same build many times: compute each verdict once, then attach the per-mention fields.
  const key = `${raw.format}|${raw.key}|${raw.named ? `${raw.named.product}|${raw.named.line}|${raw.named.update}` : ''}|${today}`;
  let shared = verdictCache.get(key);
  if (!shared) {
    shared = computeFinding(raw, today);
    if (verdictCache.size > 5_000) verdictCache.clear();
    verdictCache.set(key, shared);
  }
  return {
    ...shared,
    input: raw.input,
    span: raw.span,
    serverName: raw.serverName,
    superseded: raw.superseded,
    asOf: raw.asOf,
    fromProse: raw.mention !== 'tool',
    readingNotes: raw.readingNotes,
  };
}

const verdictCache = new Map<string, Finding>();

/** Where a mention sits in the data: its product, CU line, the build range it can mean, its release. */
interface Located {
  product: Product;
  line: Line | null;
  /** Whether the input shows the installed update level (else `lo`–`hi` spans the whole CU). */
  shows: boolean;
  lo: Build;
  hi: Build;
  buildText: string;
  release: Release | null;
  newestOverall: Release | null;
  /** A future Exchange SE CU: above every SE build in the data. */
  beyondData: boolean;
  newerThanData: boolean;
  /** Exchange 2010: the rollup at or below a build between rollups. */
  rollup: Release | null;
}

function locate(raw: RawFinding, product: Product): Located {
  const named = raw.named;
  const line: Line | null = named ? (getLine(product, named.line) ?? null) : lineOf(raw.build);
  const shows = named ? named.release !== null : SHOWS_UPDATES[raw.format] && raw.parts === 4;
  const lo: Build = named && !named.release && line ? line.baseBuild : raw.build;
  const wholeSp =
    product === 'Exchange Server 2010' &&
    (raw.format === 'admin-display-version' || (named !== null && !named.release));
  const hi = shows ? lo : upperBound(raw.parts === 3 && !named ? [lo[0], lo[1], lo[2], 0] : lo, wholeSp);
  const buildText = formatBuild(raw.build, raw.parts);
  const release = shows ? (named?.release ?? releaseByBuild(buildText) ?? null) : null;
  // Beyond the data: above the newest build of its line, or above every line of a product that still gets CUs.
  const newestOverall = NEWEST_BY_PRODUCT.get(product) ?? null;
  const beyondData =
    !line &&
    product === 'Exchange Server SE' &&
    newestOverall !== null &&
    compareBuilds(lo, mustParse(newestOverall.build)) > 0;
  const newerThanData = beyondData || (line !== null && compareBuilds(lo, line.newestBuild) > 0);
  // Exchange 2010: a build between two rollups is the lower rollup or an interim build after it.
  const rollup = shows && !release && line && product === 'Exchange Server 2010' ? rollupAtOrBelow(line, lo) : null;
  return { product, line, shows, lo, hi, buildText, release, newestOverall, beyondData, newerThanData, rollup };
}

/** Plain-language notes on what the data knows about this build. */
function dataNotes(at: Located, named: RawFinding['named']): string[] {
  const { line, release, buildText, rollup } = at;
  const notes: string[] = [];
  if (at.shows && !release && line && !at.newerThanData)
    notes.push(
      rollup
        ? `${buildText} is not in our data: it is ${rollup.cu}, or an interim build after it, so it is judged by build order.`
        : `${buildText} is not in our data; it sits between known updates of ${line.line}, so it is judged by build order.`,
    );
  if (at.newerThanData)
    notes.push(
      `${buildText} is newer than anything in our data for this ${line ? 'CU' : 'product'} (data as of ${DATA_AS_OF}); it is judged by build order.`,
    );
  if (!line && !at.beyondData) notes.push(`We cannot tell which CU ${buildText} belongs to, so we cannot judge it.`);
  if (release?.confidence === 'third-party')
    notes.push(`${release.name} is known to us only from a third-party report, not yet from Microsoft's build list.`);
  if (release?.confidence === 'single-source') notes.push(`${release.name} comes from a single source.`);
  if (release?.variantOf)
    notes.push(`Sources disagree: ${release.build} is an alternative value for ${release.variantOf}.`);
  if (named?.update && !named.release)
    notes.push(`We do not know an update called ${named.update} for ${at.product} ${named.line}.`);
  return notes;
}

/** What this kind of input can and cannot prove. */
function formatNote(raw: RawFinding, shows: boolean): string | null {
  if (raw.format !== 'product-name') return FORMAT_NOTES[raw.format] ?? null;
  return shows
    ? `This verdict trusts the update named in the text; a name someone typed can be out of date or wrong. To be sure, ${RUN}.`
    : `A product name without its update does not say which security updates are installed: ${RUN}.`;
}

/** The CU as people name it; for Exchange 2010 the service pack with its rollup. */
function cuName(at: Located, named: RawFinding['named']): string | null {
  const { line, release, rollup } = at;
  if (!line) return null;
  if (at.product !== 'Exchange Server 2010') return line.line;
  return release?.cu ?? (named?.update ? `${line.line} ${named.update}` : (rollup?.cu ?? line.line));
}

function computeFinding(raw: RawFinding, today: string): Finding {
  if (raw.format === 'exchange-online') return exchangeOnline(raw);
  const product: Product | null = raw.named?.product ?? productOf(raw.build);
  if (!product) return unknownProduct(raw);
  const at = locate(raw, product);
  const { line, shows, lo, hi, release } = at;
  const a = assess({ product, line, lo, hi, beyondData: at.beyondData } satisfies BuildBounds);
  const lifecycle = supportStatus(product, today);
  const conflicts = CONFLICTS.filter(
    (c) => c.product === product && compareBuilds(c.lo, hi) <= 0 && compareBuilds(lo, c.hi) <= 0,
  ).map((c) => c.conflict);
  return {
    input: raw.input,
    span: raw.span,
    build: at.buildText,
    product,
    cu: cuName(at, raw.named),
    update: release && product !== 'Exchange Server 2010' ? release.update : null,
    proxyLogon: a.proxyLogon,
    overall: a.overall,
    laterStatus: a.laterStatus,
    laterVulnerable: a.laterVulnerable,
    attention: attention(a.overall, lifecycle?.status ?? null),
    serverName: raw.serverName,
    format: raw.format,
    showsUpdateLevel: shows,
    formatNote: formatNote(raw, shows),
    release,
    lineBase: line?.base ?? null,
    lineAnchor: line?.anchor ?? null,
    families: a.families,
    cves: a.cves,
    newestOnLine: line?.newest ?? null,
    isNewestOnLine: shows && line ? compareBuilds(lo, line.newestBuild) >= 0 : null,
    newestOverall: at.newestOverall,
    lifecycle,
    conflicts,
    newerThanData: at.newerThanData,
    compromiseRisk: a.exposedFamilies.length > 0,
    exposedFamilies: a.exposedFamilies,
    nextStep: nextStep({
      product,
      line,
      exact: shows,
      build: formatBuild(lo),
      overall: a.overall,
      lifecycle,
      newerThanData: at.newerThanData,
      dataAsOf: DATA_AS_OF,
    }),
    notes: dataNotes(at, raw.named),
    ...PER_MENTION,
  };
}
