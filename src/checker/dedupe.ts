/**
 * One finding per server or line: drop repeated mentions of the same thing.
 * - the same build twice on one line (ExSetup table: ProductVersion and FileVersion columns);
 * - ProductVersion / FileVersion list output of one server (same block, same build, same server);
 * - a product name ("Version: Exchange 2019 CU12 May22SU") when a build of the same CU is in the same block.
 */
import type { RawFinding } from './parse-input.ts';
import { lineOf, productOf } from './releases.ts';

const bySpan = (a: RawFinding, b: RawFinding) => a.span[0] - b.span[0];

/** @example dedupe(findVersions('15.01.2176.009   15.01.2176.009   C:\\…\\ExSetup.exe')).length // 1 */
export function dedupe(raw: readonly RawFinding[]): RawFinding[] {
  // findVersions already returns span order; sort only if a caller passes something else.
  let inOrder = true;
  for (let i = 1; i < raw.length && inOrder; i++) inOrder = raw[i - 1]!.span[0] <= raw[i]!.span[0];
  const sorted = inOrder ? raw : [...raw].sort(bySpan);
  let named = false;
  for (const f of sorted) if (f.named) named = true;
  const numericCu = new Set<string>();
  if (named) {
    const cuOfKey = new Map<string, string>(); // product and line per build: computed once per distinct build
    for (const f of sorted) {
      if (f.named) continue;
      let cu = cuOfKey.get(f.key);
      if (cu === undefined) cuOfKey.set(f.key, (cu = `${productOf(f.build)}|${lineOf(f.build)?.line}`));
      numericCu.add(`${f.block}|${cu}`);
    }
  }
  // Same line, same build: findings are in line order, so the set only ever holds one line's builds.
  let line = -1;
  const seenOnLine = new Set<string>();
  const seenListed = new Set<string>();
  const out: RawFinding[] = [];
  for (const f of sorted) {
    if (f.named) {
      if (numericCu.has(`${f.block}|${f.named.product}|${f.named.line}`)) continue;
    } else {
      if (f.lineNo !== line) {
        line = f.lineNo;
        seenOnLine.clear();
      }
      if (seenOnLine.has(f.key)) continue;
      seenOnLine.add(f.key);
      if (f.listLabel) {
        const listKey = `${f.block}|${f.key}|${f.serverName}`;
        if (seenListed.has(listKey)) continue;
        seenListed.add(listKey);
      }
    }
    out.push(f);
  }
  return out;
}
