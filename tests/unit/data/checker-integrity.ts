/**
 * Data rules checked through the checker itself (its parser, its lines, its verdicts), as lists of
 * problems. data.test.ts runs them on the committed data; the updater's test runs them on merged data
 * loaded into a fresh copy of the checker, so a merged release is held to the same rules.
 */
import type * as CheckerIndex from '../../../src/checker/index.ts';
import type * as CheckerReleases from '../../../src/checker/releases.ts';

export interface Checker {
  index: typeof CheckerIndex;
  releases: typeof CheckerReleases;
}

interface Row {
  product: string;
  line: string;
  rollup?: string | null;
  update: string | null;
  build: string;
  variantOf?: string;
}

interface Vuln {
  id: string;
  ranges: { product: string; line: string; events: ({ introduced: string } | { fixed: string })[] }[];
}

/** Builds ascend within each line, and so do dates (month-only dates compare on the month). */
export function lineOrderProblems({ index, releases }: Checker): string[] {
  const problems: string[] = [];
  const b = (s: string) => index.parseBuild(s)!.build;
  for (const line of releases.LINES)
    for (let i = 1; i < line.releases.length; i++) {
      const prev = line.releases[i - 1]!;
      const cur = line.releases[i]!;
      if (index.compareBuilds(b(prev.build), b(cur.build)) >= 0)
        problems.push(`${cur.name}: build not above ${prev.build}`);
      if (!(cur.date >= prev.date.slice(0, cur.date.length) || prev.date.startsWith(cur.date)))
        problems.push(`${cur.name} ${cur.date} after ${prev.date}`);
    }
  return problems;
}

/** Every build parses with the checker and reads back as its own product, CU and update. */
export function roundTripProblems(rows: readonly Row[], { index, releases }: Checker): string[] {
  const problems: string[] = [];
  for (const r of rows) {
    const p = index.parseBuild(r.build);
    if (p?.parts !== 4) {
      problems.push(`${r.build}: not a 4-part build`);
      continue;
    }
    if (releases.productOf(p.build) !== r.product)
      problems.push(`${r.build}: product by number is ${releases.productOf(p.build)}`);
    if (releases.lineOf(p.build)?.line !== r.line)
      problems.push(`${r.build}: line by number is ${releases.lineOf(p.build)?.line}`);
    const [f, ...more] = index.checkText(r.build);
    if (more.length > 0) problems.push(`${r.build}: read as ${more.length + 1} findings`);
    const cu = r.rollup ? `${r.line} ${r.rollup}` : r.line;
    if (f?.product !== r.product || f.cu !== cu || f.build !== r.build)
      problems.push(`${r.build}: read as ${f?.product} ${f?.cu} ${f?.build}`);
    if (!r.variantOf && (f?.update ?? null) !== (r.product === 'Exchange Server 2010' ? null : r.update))
      problems.push(`${r.build}: read with update ${f?.update}`);
  }
  return problems;
}

/** Every range names a line the checker knows; its fixed build is a release on that line. */
export function rangeLineProblems(
  rows: readonly Row[],
  vulns: readonly Vuln[],
  { index, releases }: Checker,
): string[] {
  const problems: string[] = [];
  for (const v of vulns)
    for (const r of v.ranges) {
      if (!releases.getLine(r.product as never, r.line)) problems.push(`${v.id} ${r.product} ${r.line}: no such line`);
      for (const e of r.events) {
        if (!('fixed' in e)) continue;
        if (releases.lineOf(index.parseBuild(e.fixed)!.build)?.line !== r.line)
          problems.push(`${v.id} ${r.product} ${r.line}: fixed build ${e.fixed} is on another line`);
        if (!rows.some((x) => x.build === e.fixed)) problems.push(`${v.id}: fixed build ${e.fixed} is not a release`);
      }
    }
  return problems;
}

/** No gaps: every line of a ranged product up to its newest ranged line has a range. */
export function gapProblems(vulns: readonly Vuln[], { index, releases }: Checker): string[] {
  const problems: string[] = [];
  for (const v of vulns)
    for (const product of new Set(v.ranges.map((r) => r.product))) {
      const ranged = v.ranges
        .filter((r) => r.product === product)
        .map((r) => releases.getLine(r.product as never, r.line))
        .filter((l) => l !== undefined);
      if (ranged.length === 0) continue;
      const top = ranged.reduce((x, y) => (index.compareBuilds(y.baseBuild, x.baseBuild) > 0 ? y : x));
      for (const line of releases.LINES)
        if (
          line.product === product &&
          index.compareBuilds(line.baseBuild, top.baseBuild) <= 0 &&
          !ranged.includes(line)
        )
          problems.push(`${v.id}: ${product} ${line.line} has no range`);
    }
  return problems;
}
