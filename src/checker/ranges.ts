/**
 * Vulnerability ranges the OSV way: per CU line, a list of `introduced` / `fixed` events, evaluated
 * in build order (https://ossf.github.io/osv-schema/#evaluation). One extension: a `fixed` event may
 * carry `disputedFrom` when sources disagree on the fixing build (2016 CU8/CU9 March 2021): builds
 * from `disputedFrom` up to `fixed` are "disputed" and never reported as fixed.
 */
import { compareBuilds, mustParse, type Build } from './compare-builds.ts';

/** As written in `src/data/vulnerabilities.json`. */
export type RangeEvent = { introduced: string } | { fixed: string; disputedFrom?: string };

/** Events parsed and sorted once, at module load. */
export interface CompiledEvent {
  kind: 'introduced' | 'fixed';
  at: Build;
  disputedFrom: Build | null;
}

export type RangeVerdict = 'affected' | 'fixed' | 'disputed';

const ZERO: Build = [0, 0, 0, 0];

/**
 * Parse and sort a line's events (ties: `introduced` first, as in OSV).
 *
 * @example compileRange([{ introduced: '0' }, { fixed: '15.1.2176.9' }])
 */
export function compileRange(events: readonly RangeEvent[]): CompiledEvent[] {
  return events
    .map((e): CompiledEvent =>
      'introduced' in e
        ? { kind: 'introduced', at: e.introduced === '0' ? ZERO : mustParse(e.introduced), disputedFrom: null }
        : { kind: 'fixed', at: mustParse(e.fixed), disputedFrom: e.disputedFrom ? mustParse(e.disputedFrom) : null },
    )
    .sort((x, y) => compareBuilds(x.at, y.at) || (x.kind === 'introduced' ? -1 : 1));
}

/**
 * Evaluate one line's compiled events for a build. Before any `introduced` event a build is not
 * affected, which this function reports as `'fixed'`.
 *
 * @example evaluateRange([15, 1, 2176, 9], compileRange([{ introduced: '0' }, { fixed: '15.1.2176.9' }])) // 'fixed'
 * @example evaluateRange([15, 1, 2176, 4], compileRange([{ introduced: '0' }, { fixed: '15.1.2176.9' }])) // 'affected'
 * @example evaluateRange([15, 1, 1415, 2], compileRange([{ introduced: '0' }])) // 'affected' (never fixed)
 */
export function evaluateRange(build: Build, events: readonly CompiledEvent[]): RangeVerdict {
  let verdict: RangeVerdict = 'fixed';
  for (const e of events) {
    if (compareBuilds(build, e.at) < 0) {
      // Below this fix but at or above the lower disputed value: sources disagree, so not "fixed".
      if (e.kind === 'fixed' && e.disputedFrom && verdict === 'affected' && compareBuilds(build, e.disputedFrom) >= 0)
        return 'disputed';
      break;
    }
    verdict = e.kind === 'introduced' ? 'affected' : 'fixed';
  }
  return verdict;
}
