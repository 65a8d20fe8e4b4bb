/**
 * Public entry of the checker core. Pure TypeScript: no DOM, no network, no Svelte.
 * See README.md in this folder for formats, semantics and how to add a new update.
 */
import { assess } from './assess.ts';
import { worst } from './status.ts';
import { mustParse } from './compare-builds.ts';
import { dedupe } from './dedupe.ts';
import { todayIso } from './lifecycle.ts';
import { MAX_INPUT_CHARS } from './limits.ts';
import { findVersions } from './parse-input.ts';
import { LINES } from './releases.ts';
import type {
  AnalyseOptions,
  CheckResult,
  FamilyId,
  FamilyStatus,
  Finding,
  LineInfo,
  ProductGroup,
  ReleaseWithStatus,
} from './types.ts';
import { toFinding } from './verdict.ts';
export { allConflicts } from './verdict.ts';

export type * from './types.ts';
export { DATA_AS_OF, DATA_AS_OF_CONFIRMED, lineAnchor, PRODUCTS } from './releases.ts';
export { FAMILIES, type Family } from './vulnerabilities.ts';
export { humanDate, supportStatus } from './lifecycle.ts';
export { dataIsStale, MICROSOFT_BUILDS_URL, STALE_AFTER_DAYS } from './freshness.ts';
export { shortProductName } from './short-name.ts';
export { ATTENTION_ORDER, attention, attentionRank, STATUS_ORDER, statusRank, supportRank, worst } from './status.ts';
export { compareBuilds, parseBuild, formatBuild } from './compare-builds.ts';
export { EXSETUP_COMMAND } from './next-step.ts';

export { MAX_INPUT_CHARS, MAX_SOURCES, MAX_SOURCES_CHARS } from './limits.ts';

/** What we look for, for the "nothing found" message. */
export const LOOKED_FOR: readonly string[] = [
  'a build number such as 15.1.2176.9 or 15.01.2176.009',
  'output of Get-Command ExSetup.exe | ForEach-Object { $_.FileVersionInfo }',
  'output of Get-ExchangeServer (AdminDisplayVersion: Version 15.1 (Build 2176.2))',
  'a HealthChecker "Build Number" line',
  'an X-OWA-Version header or an /owa/ or /ecp/ address with a version',
  'a Received: e-mail header with "Microsoft SMTP Server … id 15.x.y.z"',
  'a product name such as "Exchange 2016 CU19" or "Exchange Server 2019 CU12 Nov22SU"',
];

/** What the page says when the checker fails (status `error`). */
export const ERROR_MESSAGE =
  'Something went wrong reading this text — nothing was sent anywhere; please report it with the text.';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NON_BLANK = /\S/; // same whitespace as trim(), without copying the text

/**
 * Find and judge every Exchange version in pasted text. Never throws.
 *
 * @example analyse('15.1.2176.9').findings[0]?.proxyLogon // 'patched'
 * @example analyse('x'.repeat(MAX_INPUT_CHARS + 1)).status // 'too-large'
 */
export function analyse(text: string, options: AnalyseOptions = {}): CheckResult {
  try {
    if (typeof text !== 'string' || !NON_BLANK.test(text))
      return { status: 'empty', message: 'Paste something from your Exchange server first.', findings: [] };
    if (text.length > MAX_INPUT_CHARS)
      return {
        status: 'too-large',
        message: `That is ${Math.ceil(text.length / 1000).toLocaleString('en')} thousand characters; we read at most ${(MAX_INPUT_CHARS / 1_000_000).toString()} million. Paste only the lines with version numbers.`,
        findings: [],
      };
    const today = options.today && ISO_DATE.test(options.today) ? options.today : todayIso();
    const findings = dedupe(findVersions(text)).map((raw) => toFinding(raw, today));
    if (findings.length === 0)
      return {
        status: 'none-found',
        message: 'We found no Exchange version in that text.',
        findings: [],
        lookedFor: [...LOOKED_FOR],
      };
    const n = findings.length;
    return { status: 'ok', message: n === 1 ? 'Found 1 Exchange version.' : `Found ${n} Exchange versions.`, findings };
  } catch (error) {
    // The parser is fuzzed never to throw. If it does, say so plainly instead of "nothing found",
    // which would read as a reassuring answer; the page logs `detail`.
    return {
      status: 'error',
      message: ERROR_MESSAGE,
      findings: [],
      detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

/** Same as `analyse(text).findings`. @example checkText('Exchange 2016 CU19')[0]?.proxyLogon // 'unknown' */
export function checkText(text: string): Finding[] {
  return analyse(text).findings;
}

/** Every CU line, by product then build. @example lines()[0]?.anchor // 'exchange-2010-rtm' */
export function lines(): LineInfo[] {
  return LINES.map(lineInfo);
}

/** The public view of an internal line. */
function lineInfo(l: (typeof LINES)[number]): LineInfo {
  return { product: l.product, line: l.line, anchor: l.anchor, base: l.base, newest: l.newest, serviced: l.serviced };
}

/**
 * Every release grouped by product and line, in build order, with per-family status computed by the
 * same assessment as verdicts (for the /builds/ page).
 */
export function allReleases(): ProductGroup[] {
  const groups: ProductGroup[] = [];
  for (const l of LINES) {
    let g = groups.find((x) => x.product === l.product);
    if (!g) groups.push((g = { product: l.product, lines: [] }));
    const releases: ReleaseWithStatus[] = l.releases.map((r) => {
      const b = mustParse(r.build);
      const a = assess({ product: r.product, line: l, lo: b, hi: b, beyondData: false });
      const families = Object.fromEntries(a.families.map((f) => [f.id, f.status])) as Record<FamilyId, FamilyStatus>;
      return { ...r, families, overall: worst(a.families.map((f) => f.status)) };
    });
    g.lines.push({ ...lineInfo(l), releases });
  }
  return groups;
}
