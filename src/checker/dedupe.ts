/**
 * One finding per server or line: drop repeated mentions of the same thing, then fold mentions of one
 * server into one finding (`same-server.ts`).
 * - the same build twice on one line (ExSetup table: ProductVersion and FileVersion columns);
 * - ProductVersion / FileVersion list output of one server (same block, same build, same server);
 * - everything `foldServers` does: one server, one verdict; thresholds and missing updates are not servers.
 */
import type { RawFinding } from './parse-input.ts';
import { foldServers } from './same-server.ts';

const bySpan = (a: RawFinding, b: RawFinding) => a.span[0] - b.span[0];

/** @example dedupe(findVersions('15.01.2176.009   15.01.2176.009   C:\\…\\ExSetup.exe')).length // 1 */
export function dedupe(raw: readonly RawFinding[]): RawFinding[] {
  // findVersions already returns span order; sort only if a caller passes something else.
  let inOrder = true;
  for (let i = 1; i < raw.length && inOrder; i++) inOrder = raw[i - 1]!.span[0] <= raw[i]!.span[0];
  const sorted = inOrder ? raw : [...raw].sort(bySpan);
  return foldServers(dropRepeats(sorted));
}

/** Same line and build; ProductVersion/FileVersion list lines of one server. */
function dropRepeats(sorted: readonly RawFinding[]): RawFinding[] {
  // Findings are in line order, so the set only ever holds one line's builds.
  let line = -1;
  const seenOnLine = new Set<string>();
  const seenListed = new Set<string>();
  const out: RawFinding[] = [];
  for (const f of sorted) {
    if (!f.named) {
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
