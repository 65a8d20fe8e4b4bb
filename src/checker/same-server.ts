/**
 * One server, one verdict. Admins paste the same server twice: once from input that cannot show the
 * update level (AdminDisplayVersion, a 3-part build, an OWA or ECP path, a product name, HealthChecker's
 * `Version:` label) and once as an exact build (ExSetup, HealthChecker's `Build Number`, a plain build).
 * The exact build wins; the other mention is kept on it as `superseded`, with a sentence saying so.
 *
 * Two mentions are one server when they carry the same name (`serverKeys`: case-insensitive, a short name
 * equals its one FQDN), or when the paste holds exactly one server: at most one name and one exact build
 * (Received headers and Exchange Online aside: they describe mail relays). Mentions with different names are
 * never merged; mentions of different products are never merged. Without a name, a less precise mention
 * that names another CU than the exact build is folded only when both come from tool output.
 *
 * Builds quoted as thresholds or said not to be installed (`mention.ts`) are not servers: when anything
 * else in the paste is, they are folded into the nearest server mention (of their block first).
 * All steps are linear: indexes by block, product and name, built in one pass each.
 */
import { formatBuild } from './compare-builds.ts';
import type { RawFinding } from './parse-input.ts';
import { lineOf, productOf } from './releases.ts';
import { serverKeys } from './server-names.ts';
import type { InputFormat, SupersededMention } from './types.ts';

/** Exact builds, best first: formats that show the update level. */
const EXACT_RANK: Partial<Record<InputFormat, number>> = {
  exsetup: 0,
  healthchecker: 1,
  build: 2,
  'build-long': 2,
  'owa-header': 3,
};
const LESS_PRECISE: Partial<Record<InputFormat, string>> = {
  'admin-display-version': 'AdminDisplayVersion, which never shows security updates',
  'build-3part': 'a three-part version, which does not show security updates',
  'owa-path': 'the version in an OWA address, which does not show security updates',
  'ecp-path': 'the version in an ECP address, which may not show security updates',
  'product-name': 'a product name',
};

const isServerMention = (f: RawFinding) => f.mention === 'tool' || f.mention === 'prose';
const isExact = (f: RawFinding) => f.parts === 4 && EXACT_RANK[f.format] !== undefined && isServerMention(f);
const isLessPrecise = (f: RawFinding) => LESS_PRECISE[f.format] !== undefined && isServerMention(f);

/** Product and CU line of a mention; `product: null` for Exchange Online. `id`: both, as one map key. */
interface Cu {
  product: string | null;
  line: string | null;
  id: string;
}
const cuMemo = new Map<string, Cu>();
function cuOf(f: RawFinding): Cu {
  const n = f.named;
  if (n) return { product: n.product, line: n.line, id: `${n.product}|${n.line}` };
  let cu = cuMemo.get(f.key);
  if (!cu) {
    const product = productOf(f.build);
    const line = lineOf(f.build)?.line ?? null;
    cu = { product, line, id: `${product}|${line}` };
    if (cuMemo.size > 5_000) cuMemo.clear();
    cuMemo.set(f.key, cu);
  }
  return cu;
}

/** `map.get(a)?.get(b)`, creating the inner map on `set`: nested maps instead of string keys (no concatenation per finding). */
class Index<A, B, V> {
  private readonly outer = new Map<A, Map<B, V>>();
  get(a: A, b: B): V | undefined {
    return this.outer.get(a)?.get(b);
  }
  set(a: A, b: B, v: V): void {
    let inner = this.outer.get(a);
    if (!inner) this.outer.set(a, (inner = new Map()));
    inner.set(b, v);
  }
}

/** A pasted excerpt inside a sentence: runs of spaces (table padding) as one. */
const quote = (f: RawFinding) => `“${f.input.replace(/\s+/g, ' ')}”`;

/** What a mention names, in words: `'Exchange Server 2016 CU14'` or `'15.1.2176.9'`. */
function describe(f: RawFinding): string {
  const n = f.named;
  return n ? `${n.product} ${n.line}${n.update ? ` ${n.update}` : ''}` : formatBuild(f.build, f.parts);
}

interface Fold {
  removed: Set<RawFinding>;
  /** Canonical server key per name in the paste. */
  keys: Map<string, string>;
  /** Findings that got their name from a mention folded into them (not from the paste itself). */
  lent: Set<RawFinding>;
}

/** Fold `f` into `into`: `f` is no longer a row; `into` keeps it, its own folded mentions and a sentence. */
function fold(ctx: Fold, f: RawFinding, into: RawFinding, reason: SupersededMention['reason'], note: string): void {
  ctx.removed.add(f);
  const build = formatBuild(f.build, f.parts);
  into.superseded.push({ input: f.input, span: f.span, build, format: f.format, reason }, ...f.superseded);
  into.readingNotes.push(note, ...f.readingNotes);
  if (into.serverName === null && f.serverName !== null) {
    into.serverName = f.serverName;
    ctx.lent.add(into);
  }
}

const namedByPaste = (ctx: Fold, f: RawFinding) => f.serverName !== null && !ctx.lent.has(f);

/** @example foldServers(dropRepeats(findVersions(adminDisplayVersionThenExSetup))).length // 1 */
export function foldServers(list: readonly RawFinding[]): RawFinding[] {
  const names: string[] = [];
  let productNames = false;
  let nonServers = false;
  for (const f of list) {
    if (f.serverName !== null) names.push(f.serverName);
    if (f.named) productNames = true;
    if (!isServerMention(f)) nonServers = true;
  }
  const ctx: Fold = { removed: new Set(), keys: serverKeys(names), lent: new Set() };
  if (nonServers) foldNonServers(ctx, list);
  if (productNames) foldLabels(ctx, list);
  foldByServer(ctx, list);
  const out = ctx.removed.size ? list.filter((f) => !ctx.removed.has(f)) : [...list];
  for (const f of out) {
    const own = ownNotes(f);
    if (own) f.readingNotes.unshift(own);
  }
  return out;
}

/**
 * Thresholds and missing updates are not rows when anything else in the paste is a server's build: each
 * is kept on the previous server mention of its block, else the next one of its block, else the nearest
 * before it, else the nearest after it (never dropped without a trace).
 */
function foldNonServers(ctx: Fold, list: readonly RawFinding[]): void {
  if (!list.some(isServerMention)) return;
  let previous: RawFinding | null = null;
  let pending: RawFinding[] = []; // waiting for the next server mention
  const notCounted = (f: RawFinding) =>
    f.mention === 'reference'
      ? `Not counted as a server: ${quote(f)} quotes ${describe(f)} as a threshold or a candidate, not as a server’s own build.`
      : `Not counted as a server: ${quote(f)} says ${describe(f)} is not, or no longer, installed.`;
  const attach = (f: RawFinding, to: RawFinding) =>
    fold(ctx, f, to, f.mention === 'reference' ? 'reference' : 'not-installed', notCounted(f));
  for (const f of list) {
    if (isServerMention(f)) {
      for (const p of pending) attach(p, p.block === f.block || !previous ? f : previous);
      pending = [];
      previous = f;
    } else if (previous?.block === f.block) attach(f, previous);
    else pending.push(f);
  }
  // Non-server mentions after the last server mention: some server mention exists, so `previous` does.
  if (previous) for (const p of pending) attach(p, previous);
}

/** True unless both carry names and the names are different servers. */
function namesAgree(ctx: Fold, a: RawFinding, b: RawFinding): boolean {
  return a.serverName === null || b.serverName === null || ctx.keys.get(a.serverName) === ctx.keys.get(b.serverName);
}

/**
 * Product names next to a build in the same block (HealthChecker prints `Version:` and `Build Number:`):
 * a name of the same CU as a build of the block gives way to it; a `Label: Exchange …` line gives way to
 * the block's one exact build of that product even when it names another CU (the label lags).
 */
function foldLabels(ctx: Fold, list: readonly RawFinding[]): void {
  const blocks = new Set<number>();
  for (const f of list) if (f.named) blocks.add(f.block);
  const firstOfCu = new Index<number, string, RawFinding>();
  const exactOfProduct = new Index<number, string, RawFinding | null>(); // null: several exact builds
  for (const f of list) {
    if (f.named || !blocks.has(f.block) || ctx.removed.has(f) || !isServerMention(f)) continue;
    const { product, id } = cuOf(f);
    if (!product) continue;
    if (!firstOfCu.get(f.block, id)) firstOfCu.set(f.block, id, f);
    if (!isExact(f)) continue;
    const current = exactOfProduct.get(f.block, product);
    if (current === undefined) exactOfProduct.set(f.block, product, f);
    else if (current && current.key !== f.key) exactOfProduct.set(f.block, product, null);
  }
  for (const f of list) {
    const n = f.named;
    if (!n || ctx.removed.has(f) || !isServerMention(f)) continue;
    const sameCu = firstOfCu.get(f.block, cuOf(f).id);
    const label = f.mention === 'tool' ? exactOfProduct.get(f.block, n.product) : undefined;
    const into = sameCu ?? label;
    if (into && namesAgree(ctx, f, into)) fold(ctx, f, into, 'less-precise', supersededNote(f, into));
  }
}

/** One sentence for a less precise (or repeated) mention folded into an exact build. */
function supersededNote(f: RawFinding, into: RawFinding): string {
  const build = formatBuild(into.build, into.parts);
  if (f.key === into.key && isExact(f))
    return `Counted once: ${quote(f)} shows the same build ${build} for this server.`;
  const kind = LESS_PRECISE[f.format] ?? 'a less precise version';
  if (!isExact(into)) return `Counted once: ${quote(f)} (${kind}) names the same CU as ${build}.`;
  const named = cuOf(f).line;
  const exact = cuOf(into).line;
  const differs = named && exact && named !== exact ? ` That line names ${named}; the exact build is ${exact}.` : '';
  return `Superseded: ${quote(f)} (${kind}) is the same server; the exact build ${build} is judged instead.${differs}`;
}

/** The exact build that best shows a server: ExSetup, then HealthChecker, then a plain build; tool output before prose. */
function better(a: RawFinding, b: RawFinding): boolean {
  const ra = EXACT_RANK[a.format] ?? 9;
  const rb = EXACT_RANK[b.format] ?? 9;
  return ra < rb || (ra === rb && a.mention === 'tool' && b.mention === 'prose');
}

/**
 * Mentions of one server (same name, or the paste's only server) fold into its best exact build of the
 * same product: less precise ones always when both are named; otherwise when they name the same CU or
 * both are tool output. Exact builds repeated under the same name count once.
 */
function foldByServer(ctx: Fold, list: readonly RawFinding[]): void {
  const eligible = (f: RawFinding) =>
    !ctx.removed.has(f) && isServerMention(f) && f.format !== 'smtp-received' && f.format !== 'exchange-online';
  const servers = new Set<string>();
  const exactBuilds = new Set<string>();
  for (const f of list) {
    if (!eligible(f)) continue;
    if (f.serverName !== null) servers.add(ctx.keys.get(f.serverName) ?? f.serverName);
    if (isExact(f)) exactBuilds.add(f.key);
  }
  // The paste holds one server: unnamed mentions are that server's.
  const only = servers.size <= 1 && exactBuilds.size === 1 ? ([...servers][0] ?? '') : null;
  const groupOf = (f: RawFinding) => (f.serverName !== null ? (ctx.keys.get(f.serverName) ?? f.serverName) : only);
  const best = new Index<string, string | null, RawFinding>();
  const candidates: [RawFinding, string][] = [];
  for (const f of list) {
    const group = eligible(f) ? groupOf(f) : null;
    if (group === null) continue;
    if (isExact(f)) {
      const current = best.get(group, cuOf(f).product);
      if (!current || better(f, current)) best.set(group, cuOf(f).product, f);
      // Repeats of one exact build under one name are folded too.
      if (namedByPaste(ctx, f)) candidates.push([f, group]);
    } else if (isLessPrecise(f)) candidates.push([f, group]);
  }
  for (const [f, group] of candidates) {
    const into = best.get(group, cuOf(f).product);
    if (!into || into === f || ctx.removed.has(f)) continue;
    const byName = namedByPaste(ctx, f) && namedByPaste(ctx, into);
    if (isExact(f)) {
      if (byName && f.key === into.key) fold(ctx, f, into, 'less-precise', supersededNote(f, into));
      continue;
    }
    const cuAgrees = cuOf(f).line === cuOf(into).line;
    if (byName || cuAgrees || (f.mention === 'tool' && into.mention === 'tool'))
      fold(ctx, f, into, 'less-precise', supersededNote(f, into));
  }
}

/** A sentence about how a remaining finding itself was read (prose, a lone threshold, a mail's date), or null. */
function ownNotes(f: RawFinding): string | null {
  const alone = 'nothing else in the text shows a server’s own build';
  switch (f.mention) {
    case 'prose':
      return `Read from a sentence, not from tool output: check that ${describe(f)} is what the server runs.`;
    case 'reference':
      return `${quote(f)} quotes ${describe(f)} as a threshold or a candidate, and ${alone}: check that it is what the server runs.`;
    case 'not-installed':
      return `${quote(f)} says ${describe(f)} is not installed, and ${alone}: this verdict may not describe the server.`;
    case 'tool':
      break;
  }
  if (f.format === 'smtp-received' && f.asOf)
    return `This Received header shows the build on ${f.asOf}, when the mail passed through ${f.serverName ?? 'this server'}; the server may have been updated since.`;
  return null;
}
