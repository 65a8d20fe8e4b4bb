/**
 * Several named texts at once — files the user opened. Kept out of the checker's entry module
 * (index.ts) so the page loads it only when files are opened; it takes the entry's `analyse` as an
 * argument instead of importing it, so loading it never makes the browser load the checker a second
 * way (the checker stays one chunk of its own).
 */
import type { analyse as Analyse } from './index.ts';
import { MAX_SOURCES, MAX_SOURCES_CHARS } from './limits.ts';
import type { AnalyseOptions, CheckResult, Finding, SourceOutcome, SourceText } from './types.ts';

const millions = (chars: number): string => (chars / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 });

/**
 * Check several named texts at once (files the user opened): each is read on its own, exactly as
 * `analyse` reads it (so one file's lines never name another file's servers), and every finding
 * carries its file's name in `source`. `sources` says what each file gave. Pass `options.today`, so
 * every file is judged on the same date. Never throws.
 *
 * @example analyseSources(analyse, [{ name: 'a.txt', text: '15.1.2176.9' }]).findings[0]?.source // 'a.txt'
 */
export function analyseSources(
  analyse: typeof Analyse,
  sources: readonly SourceText[],
  options: AnalyseOptions = {},
): CheckResult {
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
  const findings: Finding[] = [];
  let detail: string | undefined;
  let failure: string | undefined;
  let lookedFor: string[] | undefined;
  const outcomes: SourceOutcome[] = sources.map(({ name, text }) => {
    const result = analyse(text, options);
    detail ??= result.detail;
    if (result.status === 'error') failure ??= result.message;
    lookedFor ??= result.lookedFor;
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
  if (failure !== undefined) return { status: 'error', message: failure, findings, detail, sources: outcomes };
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
    lookedFor: lookedFor ?? [],
    sources: outcomes,
  };
}
