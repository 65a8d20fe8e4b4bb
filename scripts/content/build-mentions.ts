/**
 * Guards the rule that articles never contradict the build data: every Exchange build number or
 * KB number typed into an article must be one the data knows, and a CU, update or product named
 * right next to it must be the one the data gives for that build. (Numbers that change with new
 * releases are not typed at all: they come from data directives, see data-directives.ts.)
 *
 * "Right next to it" is deliberately narrow — the few words before the number in the same table
 * cell, sentence part or line, and a parenthesis right after it — so that prose about several
 * builds is not misread. It is a guard against slips such as "CU14 (15.2.1748.37)", not a parser.
 */
import { allConflicts, allReleases, parseBuild, type Product } from '../../src/checker/index.ts';

export interface BuildMention {
  /** Offset of the number in the text. */
  index: number;
  /** The number as written: `15.02.1748.037`, `15.2.1748`. */
  text: string;
  /** Normalised, no leading zeros: `15.2.1748.37`. */
  build: string;
  parts: 3 | 4;
}

/** What the data says a build is. */
export interface BuildFacts {
  product: Product;
  /** The CU or service pack line: `CU15`, `RTM`, `SP1`, `SP3`. */
  line: string;
  /** `Sep26SUv2`, `RU32` (Exchange 2010 rollups), or `null` for the CU itself. */
  update: string | null;
}

/**
 * Exchange builds: 14.0–14.3 (2010) and 15.0–15.2 (2013, 2016, 2019, SE), three or four parts,
 * long form with leading zeros allowed. Not part of a longer dotted number (a Defender version
 * such as 1.333.747.0, an IP address) and never 15.20 and up (Exchange Online).
 */
const BUILD = /(?<![\d.])(1[45])\.(\d{1,2})\.(\d{1,5})(?:\.(\d{1,5}))?(?![\d]|\.\d)/g;
const KB = /\bKB(\d{6,8})\b/g;
const CU_TOKEN = /\b(?:CU\d{1,2}|RTM|SP[1-3])\b/g;
const UPDATE_TOKEN = /\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\d{2}(?:SU|HU)(?:v\d)?|RU\d{1,2})\b/g;
const PRODUCT_TOKEN = /\bExchange (?:Server )?(2010|2013|2016|2019|SE)\b/g;
/** How far back a label counts as naming the build that follows it. */
const BEFORE = 40;

const PRODUCT_BY_WORD: Record<string, Product> = {
  '2010': 'Exchange Server 2010',
  '2013': 'Exchange Server 2013',
  '2016': 'Exchange Server 2016',
  '2019': 'Exchange Server 2019',
  SE: 'Exchange Server SE',
};

/**
 * Every Exchange build number in a text.
 * @example findBuildMentions('run 15.02.1748.037')[0]?.build // '15.2.1748.37'
 */
export function findBuildMentions(text: string): BuildMention[] {
  const found: BuildMention[] = [];
  for (const match of text.matchAll(BUILD)) {
    const [, major, minor, third, fourth] = match;
    const minorNumber = Number(minor);
    if ((major === '15' && minorNumber > 2) || (major === '14' && minorNumber > 3)) continue;
    const parts = [major, minor, third, fourth].filter((p): p is string => p !== undefined).map(Number);
    found.push({ index: match.index, text: match[0], build: parts.join('.'), parts: parts.length === 4 ? 4 : 3 });
  }
  return found;
}

let cache: { builds: Map<string, BuildFacts[]>; prefixes: Map<string, BuildFacts[]>; kbs: Set<string> } | null = null;

/** Builds, three-part prefixes and KBs the data knows (release rows and conflicting alternative values). */
export function knownData(): NonNullable<typeof cache> {
  if (cache) return cache;
  const builds = new Map<string, BuildFacts[]>();
  const prefixes = new Map<string, BuildFacts[]>();
  const kbs = new Set<string>();
  const add = (build: string, facts: BuildFacts): void => {
    builds.set(build, [...(builds.get(build) ?? []), facts]);
    const prefix = build.split('.').slice(0, 3).join('.');
    prefixes.set(prefix, [...(prefixes.get(prefix) ?? []), facts]);
  };
  for (const group of allReleases())
    for (const line of group.lines)
      for (const r of line.releases) {
        // Exchange 2010 rollups are releases of the SP3 line named "SP3 RU32".
        const rollup = /\b(RU\d+)$/.exec(r.cu)?.[1] ?? null;
        add(r.build, { product: r.product, line: line.line, update: r.update ?? rollup });
        if (r.kb) kbs.add(r.kb);
      }
  // A conflicting value names the same release as the value it disputes.
  for (const conflict of allConflicts()) {
    const facts = conflict.builds.flatMap((b) => builds.get(b) ?? []);
    for (const b of conflict.builds) if (!builds.has(b) && parseBuild(b)) facts.forEach((f) => add(b, f));
  }
  cache = { builds, prefixes, kbs };
  return cache;
}

const lastMatch = (text: string, pattern: RegExp): string | null => [...text.matchAll(pattern)].at(-1)?.[0] ?? null;

/**
 * Problems with the build and KB numbers typed into a text: unknown to the data, or labelled with
 * a CU, update or product the data does not give for them. An empty list means none.
 * @example checkBuildMentions('Exchange 2019 CU14, build 15.2.1748.37') // ['15.2.1748.37 is named CU14 here, but …']
 */
export function checkBuildMentions(text: string): string[] {
  const { builds, prefixes, kbs } = knownData();
  const problems: string[] = [];
  let previousEnd = 0;
  for (const mention of findBuildMentions(text)) {
    const end = mention.index + mention.text.length;
    const candidates = mention.parts === 4 ? builds.get(mention.build) : prefixes.get(mention.build);
    const start = Math.max(previousEnd, mention.index - BEFORE);
    previousEnd = end;
    if (!candidates) {
      problems.push(
        mention.parts === 4
          ? `${mention.text} is not a build in src/data (releases or recorded conflicts)`
          : `${mention.text} is not the start of any build in src/data`,
      );
      continue;
    }
    // Labels in the same cell, line and sentence part before the number, or in a parenthesis after it.
    const before = (
      text
        .slice(start, mention.index)
        .split(/[|\n]|\.\s/)
        .at(-1) ?? ''
    ).replace(/\s+/g, ' ');
    const after = /^[\s`]*\(([^()\n]{1,40})\)/.exec(text.slice(end))?.[1] ?? '';
    const context = `${before} ${after}`;
    const cu = lastMatch(context, CU_TOKEN);
    const update = lastMatch(context, UPDATE_TOKEN);
    const productWord = lastMatch(before, PRODUCT_TOKEN)?.split(' ').at(-1);
    const product = productWord ? PRODUCT_BY_WORD[productWord] : undefined;
    const describe = (f: BuildFacts): string => `${f.product} ${f.line}${f.update ? ` ${f.update}` : ''}`;
    const data = [...new Set(candidates.map(describe))].join(' or ');
    if (cu && !candidates.some((f) => f.line === cu))
      problems.push(`${mention.text} is named ${cu} here, but the data has ${data}`);
    if (update && mention.parts === 4 && !candidates.some((f) => f.update === update))
      problems.push(`${mention.text} is named ${update} here, but the data has ${data}`);
    if (product && !candidates.some((f) => f.product === product))
      problems.push(`${mention.text} is named ${product} here, but the data has ${data}`);
  }
  for (const match of text.matchAll(KB))
    if (!kbs.has(match[0])) problems.push(`${match[0]} is not a KB number in src/data/releases.json`);
  return problems;
}
