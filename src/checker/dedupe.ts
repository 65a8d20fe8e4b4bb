/**
 * One finding per server or line: drop repeated mentions of the same thing.
 * - the same build twice on one line (ExSetup table: ProductVersion and FileVersion columns);
 * - ProductVersion / FileVersion list output of one server (same block, same build, same server);
 * - a product name ("Version: Exchange 2019 CU12 May22SU") when a build of the same CU is in the same block.
 */
import type { RawFinding } from './parse-input.ts';
import { lineOf, productOf } from './releases.ts';

/** @example dedupe(findVersions('15.01.2176.009   15.01.2176.009   C:\\…\\ExSetup.exe')).length // 1 */
export function dedupe(raw: readonly RawFinding[]): RawFinding[] {
  // Already in line order; only mentions within one line can be out of order (sort is near-linear here).
  const sorted = [...raw].sort((a, b) => a.span[0] - b.span[0]);
  const seenOnLine = new Set<string>();
  const seenListed = new Set<string>();
  const numericCu = new Set<string>();
  if (sorted.some((f) => f.named))
    for (const f of sorted) if (!f.named) numericCu.add(`${f.block}|${productOf(f.build)}|${lineOf(f.build)?.line}`);
  const out: RawFinding[] = [];
  for (const f of sorted) {
    const key = `${f.build[0]}.${f.build[1]}.${f.build[2]}.${f.build[3]}/${f.parts}`;
    if (f.named) {
      if (numericCu.has(`${f.block}|${f.named.product}|${f.named.line}`)) continue;
    } else {
      const lineKey = `${f.lineNo}|${key}`;
      if (seenOnLine.has(lineKey)) continue;
      seenOnLine.add(lineKey);
      if (f.listLabel) {
        const listKey = `${f.block}|${key}|${f.serverName}`;
        if (seenListed.has(listKey)) continue;
        seenListed.add(listKey);
      }
    }
    out.push(f);
  }
  return out;
}
