#!/usr/bin/env node
// @ts-check
/**
 * `npm run data:update`: read Microsoft's build-number page, Microsoft's CVE records and CISA's KEV
 * catalog, merge them into src/data (see merge.js for the rules), check the result and write it, with
 * a dated entry in src/data/changelog.json and a Markdown summary of what changed.
 *
 * Exit codes: 0 done (data changed or not), 1 a source failed, a conflict or an integrity problem
 * (nothing written), 2 bad usage.
 */
import { writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readData, readSchemas, writeData } from './data-files.js';
import { checkIntegrity } from './integrity.js';
import { merge } from './merge.js';
import { readCves, readKev, readLearn, WATCHED_CVES } from './read-sources.js';
import { SourceError } from './source-error.js';
import { renderSummary } from './summary.js';

/** @typedef {import('./read-sources.js').Fetch} Fetch */
/** @typedef {import('./merge.js').Report} Report */
/** @typedef {import('./merge.js').Inputs} Inputs */
/** @typedef {import('./types.js').DataSet} DataSet */

export const USAGE = `Usage: npm run data:update -- [options]

Reads Microsoft's Exchange build-number page, Microsoft's CVE records and CISA's KEV catalog,
adds new releases and exploited CVEs to src/data, confirms rows Microsoft now lists, and fails on
any conflicting value. Writes nothing unless every check passes.

Options:
  --learn <file.html>    read Microsoft's build-number page from this file instead of fetching it
  --cve-dir <dir>        read CVE records (cvelistV5 JSON) from this folder instead of fetching them
                         (files named CVE-….json, flat or in cvelistV5's cves/<year>/<nnxxx>/ layout)
  --kev <file.json>      read CISA's KEV catalog (JSON feed) from this file instead of fetching it
  --cve <CVE-id>         also read this CVE record (repeatable)
  --offline              fetch nothing: every source not given as a file is skipped
  --data-dir <dir>       data folder to update (default: src/data)
  --summary <file>       also write the Markdown summary to this file
  --today <YYYY-MM-DD>   date of the changelog entry (default: today, UTC)
  --dry-run              report what would change, write no data file
  -h, --help             show this help

Exit codes: 0 done (changed or not), 1 failed (nothing written), 2 bad usage.`;

/**
 * @typedef {object} Io
 * @property {Fetch} fetch
 * @property {(text: string) => void} out
 * @property {(text: string) => void} err
 * @property {string} cwd
 * @property {Record<string, string | undefined>} env
 */

/** @returns {Io} */
const defaultIo = () => ({
  fetch: (url, init) => fetch(url, init),
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
});

/**
 * @param {string[]} argv
 * @param {Partial<Io>} [io]
 * @returns {Promise<number>} exit code
 */
export async function main(argv, io = {}) {
  const { fetch: fetchImpl, out, err, cwd, env } = { ...defaultIo(), ...io };
  /** @type {Args} */
  let args;
  try {
    args = parseOptions(argv);
  } catch (e) {
    err(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    out(USAGE + '\n');
    return 0;
  }
  const today = args.today ?? new Date().toISOString().slice(0, 10);
  const misuse = usageProblem(args, today);
  if (misuse) {
    err(misuse);
    return 2;
  }
  const dataDir = inCwd(cwd, args['data-dir']) ?? resolve(cwd, 'src/data');
  const outcome = { out, err, summaryFile: inCwd(cwd, args.summary), annotate: env.GITHUB_ACTIONS === 'true' };
  const finish = (/** @type {Report | null} */ report, /** @type {string | null} */ failed) =>
    finishRun(outcome, report, failed);

  /** @type {DataSet} */
  let data;
  try {
    data = readData(dataDir);
  } catch (e) {
    finish(null, e instanceof Error ? e.message : String(e));
    return 1;
  }
  let inputs;
  try {
    inputs = await readInputs(args, data, cwd, fetchImpl);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    finish(null, e.message);
    return 1;
  }
  return mergeCheckWrite(data, inputs, { today, dataDir, dryRun: args['dry-run'] === true, finish });
}

/**
 * The command-line options; throws on an unknown option or a missing value.
 *
 * @param {string[]} argv
 */
function parseOptions(argv) {
  return parseArgs({
    args: argv,
    options: {
      learn: { type: 'string' },
      'cve-dir': { type: 'string' },
      kev: { type: 'string' },
      cve: { type: 'string', multiple: true },
      offline: { type: 'boolean' },
      'data-dir': { type: 'string' },
      summary: { type: 'string' },
      today: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

/** @typedef {ReturnType<typeof parseOptions>} Args */

/**
 * Why the options cannot be used together, or null.
 *
 * @param {Args} args
 * @param {string} today
 * @returns {string | null} the message, ending in a newline
 */
function usageProblem(args, today) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) return `--today must be YYYY-MM-DD, not "${today}".\n`;
  const badCve = (args.cve ?? []).find((id) => !/^CVE-\d{4}-\d{4,7}$/.test(id));
  if (badCve) return `--cve needs a CVE id such as CVE-2026-69356, not "${badCve}".\n`;
  if (args.offline === true && !args.learn && !args['cve-dir'] && !args.kev)
    return '--offline with no --learn, --cve-dir or --kev leaves nothing to read.\n';
  return null;
}

/** A path given on the command line, resolved against the working folder; undefined when not given. */
const inCwd = (/** @type {string} */ cwd, /** @type {string | undefined} */ p) => (p ? resolve(cwd, p) : undefined);

/**
 * Read every source, from the files given or the network: Microsoft's page, CISA's KEV catalog, then
 * the CVE records of our CVEs, of KEV's Exchange CVEs, of the watched ones and of `--cve`.
 * Throws a SourceError when a source cannot be read.
 *
 * @param {Args} args
 * @param {DataSet} data
 * @param {string} cwd
 * @param {Fetch} fetchImpl
 */
async function readInputs(args, data, cwd, fetchImpl) {
  const offline = args.offline === true;
  const at = (/** @type {string | undefined} */ p) => inCwd(cwd, p);
  // Paths inside the working folder are named relative to it in messages and the summary.
  const show = (/** @type {string} */ p) => {
    const r = relative(cwd, p);
    return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
  };
  /** @type {string[]} */
  const read = [];
  const learn = await readLearn({ file: at(args.learn), offline, fetch: fetchImpl, show });
  const kev = await readKev({ file: at(args.kev), offline, fetch: fetchImpl, show });
  const ids = [
    ...new Set([
      ...data.vulnerabilities.vulnerabilities.map((v) => v.id),
      ...(kev?.kev.exchange.map((e) => e.cveID) ?? []),
      ...WATCHED_CVES,
      ...(args.cve ?? []),
    ]),
  ];
  const cves = await readCves({ dir: at(args['cve-dir']), offline, ids, fetch: fetchImpl, show });
  for (const r of [learn, cves, kev]) if (r) read.push(r.read);
  return { learn: learn?.page, cves: cves?.records, kev: kev?.kev, read };
}

/**
 * Merge the sources, stop on a conflict or a broken integrity rule, else write the data (when it
 * changed and this is no dry run) and the summary.
 *
 * @param {DataSet} data
 * @param {Inputs} inputs
 * @param {{ today: string, dataDir: string, dryRun: boolean, finish: (report: Report, failed: string | null) => void }} o
 * @returns {number} exit code
 */
function mergeCheckWrite(data, inputs, { today, dataDir, dryRun, finish }) {
  const { data: next, report, changed } = merge(data, inputs, { today });
  if (report.conflicts.length + report.errors.length > 0) {
    const n = report.conflicts.length + report.errors.length;
    finish(
      report,
      `${n} conflict(s) or error(s) below; resolve them in src/data or in the updater, then run it again.`,
    );
    return 1;
  }
  const problems = checkIntegrity(next, readSchemas(dataDir));
  if (problems.length > 0) {
    report.errors.push(...problems);
    finish(report, `the merged data breaks ${problems.length} integrity rule(s) listed below.`);
    return 1;
  }
  if (changed && !dryRun) writeData(dataDir, next);
  finish(report, null);
  return 0;
}

/**
 * Print the summary (and write it to `--summary`), the failure to stderr, and on GitHub Actions one
 * annotation per conflict, error and point that needs a person.
 *
 * @param {{ out: Io['out'], err: Io['err'], summaryFile: string | undefined, annotate: boolean }} o
 * @param {Report | null} report null when the run failed before merging
 * @param {string | null} failed why the run failed, or null
 */
function finishRun({ out, err, summaryFile, annotate }, report, failed) {
  const text = report ? renderSummary(report, { failed }) : `## Exchange build data update failed\n\n${failed}\n`;
  out(text);
  if (summaryFile) writeFileSync(summaryFile, text);
  if (failed) err(`data:update failed: ${failed}\n`);
  if (annotate && report) {
    // Shown on the workflow run's page even when no pull request is opened.
    for (const m of [...report.conflicts, ...report.errors]) out(`::error title=data:update::${m}\n`);
    for (const m of report.attention) out(`::warning title=data:update needs a person::${m}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`data:update crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
