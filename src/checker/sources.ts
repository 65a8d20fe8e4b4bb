/**
 * Several named texts at once — files the user opened. Kept out of the checker's entry module
 * (index.ts) so the page loads it only when files are opened.
 */
import { analyse, ERROR_MESSAGE, LOOKED_FOR } from './index.ts';
import { todayIso } from './lifecycle.ts';
import { MAX_SOURCES, MAX_SOURCES_CHARS } from './limits.ts';
import type { AnalyseOptions, CheckResult, Finding, SourceOutcome, SourceText } from './types.ts';

const millions = (chars: number): string => (chars / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 });

/**
 * Check several named texts at once (files the user opened): each is read on its own, exactly as
 * `analyse` reads it (so one file's lines never name another file's servers), and every finding
 * carries its file's name in `source`. `sources` says what each file gave. Never throws.
 *
 * @example analyseSources([{ name: 'a.txt', text: '15.1.2176.9' }]).findings[0]?.source // 'a.txt'
 */
export function analyseSources(sources: readonly SourceText[], options: AnalyseOptions = {}): CheckResult {
  if (sources.length === 0) return { status: 'empty', message: 'Open a file first.', findings: [] };
  if (sources.length > MAX_SOURCES)
    return {
      status: 'too-large',
      message: `That is ${sources.length.toString()} files; we read at most ${MAX_SOURCES.toString()} at once.`,
      findings: [],
    };
  const total = sources.reduce((sum, s) => sum + (typeof s.text === 'string' ? s.text.length : 0), 0);
  if (total > MAX_SOURCES_CHARS)
    return {
      status: 'too-large',
      message: `These files hold ${millions(total)} million characters together; we read at most ${millions(MAX_SOURCES_CHARS)} million at once. Open fewer files.`,
      findings: [],
    };
  // One date for every file (analyse still checks it and falls back to today when it is not a date).
  const today = options.today ?? todayIso();
  const findings: Finding[] = [];
  let detail: string | undefined;
  const outcomes: SourceOutcome[] = sources.map(({ name, text }) => {
    const result = analyse(text, { today });
    detail ??= result.detail;
    for (const f of result.findings) findings.push({ ...f, source: name });
    return { name, status: result.status, message: result.message, found: result.findings.length };
  });
  const files = sources.length === 1 ? 'one file' : `${sources.length.toString()} files`;
  if (findings.length > 0) {
    const n = findings.length;
    const found = n === 1 ? 'Found 1 Exchange version' : `Found ${n.toString()} Exchange versions`;
    return { status: 'ok', message: `${found} in ${files}.`, findings, sources: outcomes };
  }
  // Nothing found anywhere: a fault in any file must not pass for "nothing found".
  if (outcomes.some((o) => o.status === 'error'))
    return { status: 'error', message: ERROR_MESSAGE, findings, detail, sources: outcomes };
  if (outcomes.every((o) => o.status === 'empty'))
    return {
      status: 'empty',
      message: `${sources.length === 1 ? 'The file is' : 'The files are'} empty.`,
      findings,
      sources: outcomes,
    };
  return {
    status: 'none-found',
    message: `We found no Exchange version in ${sources.length === 1 ? 'that file' : 'those files'}.`,
    findings,
    lookedFor: [...LOOKED_FOR],
    sources: outcomes,
  };
}
