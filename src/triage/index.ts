/**
 * Public entry of the triage core ("Was this server attacked?"). Pure TypeScript: no DOM, no
 * network, no Node. A worker streams each dropped file through `createScanner`; `scanText` does the
 * same for a string. See README.md in this folder for formats, rules, levels and limits.
 */
import { utf8Slices } from './bytes.ts';
import { createScanner } from './scanner.ts';
import type { FileReport } from './types.ts';

export type * from './types.ts';
export { createScanner } from './scanner.ts';
export { RULES, type Rule } from './rules.ts';
export { SOURCES } from './sources.ts';
export { MAX_LINE_BYTES, MAX_EXCERPT_CHARS, MAX_FINDINGS_PER_FILE } from './limits.ts';

/** Characters encoded per chunk in scanText: keeps the UTF-8 copy small whatever the text's size. */
const TEXT_CHUNK_CHARS = 1 << 20;

/**
 * Scan one file given as text (already decoded). Same findings as streaming its UTF-8 bytes
 * through createScanner, which is what it does. Never throws: an internal error comes back as the
 * report's `error` with the lines read before it.
 *
 * @example scanText('u_ex210303.log', '#Fields: date time cs-method cs-uri-stem sc-status\n2021-03-03 01:02:03 POST /ecp/y.js 200')
 *          // kind 'iis', one 'compromise' finding on line 2
 */
export function scanText(fileName: string, text: string): FileReport {
  const scanner = createScanner(fileName);
  try {
    const s = typeof text === 'string' ? text : String(text);
    for (const chunk of utf8Slices(s, TEXT_CHUNK_CHARS)) scanner.push(chunk);
  } catch (e) {
    const report = scanner.finish();
    return {
      ...report,
      error: report.error ?? `Internal error while reading the text: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  return scanner.finish();
}
