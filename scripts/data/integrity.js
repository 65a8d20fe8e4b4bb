// @ts-check
/**
 * Integrity rules for the data files, as a list of problems (empty = fine). The updater refuses to
 * write data that breaks them, and the data test runs them on the committed files, so a merged
 * result is held to the same rules as hand-edited data:
 * schemas; no duplicate build or release; file order (product, then build); dates never go back
 * within a CU line; variants point at a row of their line; build numbers match their product and
 * service pack; every source id exists; every CVE range names a known line, has well-formed events
 * (one `introduced`, at most one `fixed`, on that line and a known release), at most one range per
 * line, and no gaps (every line of a ranged product up to its newest ranged line has a range);
 * changelog dates ascend and cite known sources.
 */
import { Ajv } from 'ajv';
import { compareBuildText, parseBuild, productOfBuild } from './builds.js';
import { indexLines, PRODUCTS } from './lines.js';

/** @typedef {import('./types.js').DataSet} DataSet */
/** @typedef {import('./types.js').ReleaseRow} ReleaseRow */
/** @typedef {import('./types.js').VulnRow} VulnRow */
/** @typedef {import('./types.js').RangeRow} RangeRow */
/** @typedef {import('./types.js').ChangelogEntry} ChangelogEntry */
/** @typedef {import('./lines.js').LineIndex} LineIndex */

/**
 * @typedef {object} Schemas
 * @property {object} releases
 * @property {object} vulnerabilities
 * @property {object} sources
 * @property {object} changelog
 */

/**
 * @param {DataSet} data
 * @param {Schemas} schemas
 * @returns {string[]}
 */
export function checkIntegrity(data, schemas) {
  const shape = schemaProblems(data, schemas);
  if (shape.length > 0) return shape; // the rules below assume the shapes
  const rows = data.releases;
  const sourceIds = new Set(Object.keys(data.sources));
  const releaseProblems = releaseRowProblems(rows, sourceIds);
  const index = indexLines(rows);
  return [
    ...releaseProblems,
    ...lineDateProblems(rows, index),
    ...data.vulnerabilities.vulnerabilities.flatMap((v) => [
      ...rangeProblems(v, rows, index),
      ...gapProblems(v, rows, index),
    ]),
    ...changelogProblems(data.changelog.entries, sourceIds),
  ];
}

/** A release's name for messages: "Exchange Server 2019 CU14 Nov24SU". */
const releaseName = (/** @type {ReleaseRow} */ r) => [r.product, r.line, r.rollup, r.update].filter(Boolean).join(' ');

/**
 * Each data file against its JSON Schema.
 *
 * @param {DataSet} data
 * @param {Schemas} schemas
 * @returns {string[]}
 */
function schemaProblems(data, schemas) {
  /** @type {string[]} */
  const problems = [];
  const ajv = new Ajv({ allErrors: true, strict: false });
  /** @type {[string, object, unknown][]} */
  const files = [
    ['releases.json', schemas.releases, { $schema: './releases.schema.json', releases: data.releases }],
    ['vulnerabilities.json', schemas.vulnerabilities, data.vulnerabilities],
    ['sources.json', schemas.sources, { $schema: './sources.schema.json', sources: data.sources }],
    ['changelog.json', schemas.changelog, data.changelog],
  ];
  for (const [name, schema, value] of files) {
    const validate = ajv.compile(schema);
    if (!validate(value))
      for (const e of validate.errors ?? [])
        problems.push(`${name}: ${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
  }
  return problems;
}

/**
 * The rules of each release row, row by row: duplicates, file order, build number, sources, variant.
 *
 * @param {ReleaseRow[]} rows
 * @param {Set<string>} sourceIds
 * @returns {string[]}
 */
function releaseRowProblems(rows, sourceIds) {
  const seen = { builds: new Set(), names: new Set() };
  return rows.flatMap((r, i) => [
    ...duplicateProblems(r, seen),
    ...orderProblems(rows[i - 1], r),
    ...buildNumberProblems(r),
    ...r.sources.filter((s) => !sourceIds.has(s)).map((s) => `releases: ${r.build} cites unknown source "${s}"`),
    ...variantProblems(r, rows),
  ]);
}

/**
 * A build or a release name (variants aside) seen before.
 *
 * @param {ReleaseRow} r
 * @param {{ builds: Set<string>, names: Set<string> }} seen the builds and names of the rows before; `r` is added
 * @returns {string[]}
 */
function duplicateProblems(r, seen) {
  /** @type {string[]} */
  const problems = [];
  if (seen.builds.has(r.build)) problems.push(`releases: build ${r.build} appears twice`);
  seen.builds.add(r.build);
  if (!r.variantOf) {
    const key = `${r.product}|${r.line}|${r.rollup ?? ''}|${r.update ?? ''}`;
    if (seen.names.has(key)) problems.push(`releases: ${releaseName(r)} appears twice`);
    seen.names.add(key);
  }
  return problems;
}

/**
 * File order: product, then build.
 *
 * @param {ReleaseRow | undefined} prev the row before, if any
 * @param {ReleaseRow} r
 * @returns {string[]}
 */
function orderProblems(prev, r) {
  if (!prev) return [];
  const dp = PRODUCTS.indexOf(/** @type {any} */ (prev.product)) - PRODUCTS.indexOf(/** @type {any} */ (r.product));
  if (dp > 0 || (dp === 0 && compareBuildText(prev.build, r.build) >= 0))
    return [`releases: ${r.build} is out of order (after ${prev.build}); keep product, then build order`];
  return [];
}

/**
 * The build number matches the row's product (and, for Exchange 2010, its service pack), and only
 * Exchange 2010 rows have a rollup.
 *
 * @param {ReleaseRow} r
 * @returns {string[]}
 */
function buildNumberProblems(r) {
  /** @type {string[]} */
  const problems = [];
  const b = parseBuild(r.build);
  if (b && productOfBuild(b) !== r.product) problems.push(`releases: ${r.build} is not a ${r.product} build`);
  if (b && r.product === 'Exchange Server 2010' && b[1] !== (r.line === 'RTM' ? 0 : Number(r.line.slice(2))))
    problems.push(`releases: ${r.build} is not an Exchange 2010 ${r.line} build`);
  if ((r.product === 'Exchange Server 2010') !== 'rollup' in r)
    problems.push(`releases: ${r.build} ${r.product === 'Exchange Server 2010' ? 'lacks' : 'must not have'} "rollup"`);
  return problems;
}

/**
 * A variant points at a row of its own line.
 *
 * @param {ReleaseRow} r
 * @param {ReleaseRow[]} rows
 * @returns {string[]}
 */
function variantProblems(r, rows) {
  if (!r.variantOf) return [];
  const other = rows.find((x) => x.build === r.variantOf);
  if (!other || other.product !== r.product || other.line !== r.line)
    return [`releases: ${r.build} is a variant of ${r.variantOf}, which is not a row of its line`];
  return [];
}

/**
 * Dates never go back within a CU line (variants aside), in build order.
 *
 * @param {ReleaseRow[]} rows
 * @param {LineIndex} index
 * @returns {string[]}
 */
function lineDateProblems(rows, index) {
  /** @type {string[]} */
  const problems = [];
  for (const line of index.lines) {
    const own = rows
      .filter((r) => r.product === line.product && r.line === line.line && !r.variantOf)
      .sort((x, y) => compareBuildText(x.build, y.build));
    for (let i = 1; i < own.length; i++) {
      const prev = /** @type {ReleaseRow} */ (own[i - 1]);
      const cur = /** @type {ReleaseRow} */ (own[i]);
      // Month-only dates ("2019-04") compare on the month.
      if (!(cur.date >= prev.date.slice(0, cur.date.length) || prev.date.startsWith(cur.date)))
        problems.push(
          `releases: ${releaseName(cur)} (${cur.date}) is dated before ${releaseName(prev)} (${prev.date})`,
        );
    }
  }
  return problems;
}

/**
 * Each range of a CVE: one per line, on a known line, with well-formed events.
 *
 * @param {VulnRow} v
 * @param {ReleaseRow[]} rows
 * @param {LineIndex} index
 * @returns {string[]}
 */
function rangeProblems(v, rows, index) {
  /** @type {string[]} */
  const problems = [];
  /** @type {Set<string>} */
  const seen = new Set();
  for (const r of v.ranges) {
    const where = `${v.id} ${r.product} ${r.line}`;
    if (seen.has(`${r.product}|${r.line}`)) problems.push(`vulnerabilities: ${where} has two ranges`);
    seen.add(`${r.product}|${r.line}`);
    if (!index.get(r.product, r.line)) {
      problems.push(`vulnerabilities: ${where} names a line with no release`);
      continue;
    }
    problems.push(...eventProblems(r, where, rows, index));
  }
  return problems;
}

/**
 * One `introduced` first, at most one `fixed`, and the fixed build is a known release of the range's line.
 *
 * @param {RangeRow} r
 * @param {string} where the CVE, product and line, for messages
 * @param {ReleaseRow[]} rows
 * @param {LineIndex} index
 * @returns {string[]}
 */
function eventProblems(r, where, rows, index) {
  /** @type {string[]} */
  const problems = [];
  const introduced = r.events.filter((e) => 'introduced' in e);
  const fixed = r.events.filter((e) => 'fixed' in e);
  if (introduced.length !== 1 || fixed.length > 1 || !('introduced' in (r.events[0] ?? {})))
    problems.push(`vulnerabilities: ${where} needs one "introduced" first and at most one "fixed"`);
  for (const e of fixed) {
    if (!('fixed' in e)) continue;
    const row = rows.find((x) => x.build === e.fixed);
    const at = index.lineOf(e.fixed);
    if (!row) problems.push(`vulnerabilities: ${where} is fixed in ${e.fixed}, which is not a known release`);
    else if (at?.product !== r.product || at.line !== r.line)
      problems.push(`vulnerabilities: ${where} is fixed in ${e.fixed}, a build of another line`);
  }
  return problems;
}

/**
 * No gaps: below the newest ranged line of a product every line has a range; newer lines shipped with the fix.
 *
 * @param {VulnRow} v
 * @param {ReleaseRow[]} rows
 * @param {LineIndex} index
 * @returns {string[]}
 */
function gapProblems(v, rows, index) {
  /** @type {string[]} */
  const problems = [];
  for (const product of new Set(v.ranges.map((r) => r.product))) {
    const ranged = v.ranges
      .filter((r) => r.product === product)
      .map((r) => index.get(product, r.line))
      .filter((l) => l !== undefined);
    if (ranged.length === 0) continue;
    const top = ranged.reduce((x, y) => (compareBuildText(y.base, x.base) > 0 ? y : x));
    const since = firstFixDate(v, product, rows);
    for (const line of index.linesOf(product)) {
      if (compareBuildText(line.base, top.base) <= 0) {
        if (!ranged.includes(line))
          problems.push(`vulnerabilities: ${v.id} has no range for ${product} ${line.line} (a gap below ${top.line})`);
        continue;
      }
      const released = rows.find((x) => x.build === line.base)?.date ?? '';
      if (released.slice(0, since.length) < since.slice(0, released.length))
        problems.push(
          `vulnerabilities: ${v.id} has no range for ${product} ${line.line}, released ${released} before the fix (${since}): it would count as shipped with the fix`,
        );
    }
  }
  return problems;
}

/**
 * Above its newest ranged line the checker says "shipped with the fix", which is only true for a CU
 * released after the first fix of the product (or, with no fixed build at all, after the CVE was published).
 *
 * @param {VulnRow} v
 * @param {string} product
 * @param {ReleaseRow[]} rows
 * @returns {string} the date of the product's earliest fixed build, else the CVE's publication date
 */
function firstFixDate(v, product, rows) {
  const fixDates = v.ranges
    .filter((r) => r.product === product)
    .flatMap((r) => r.events.map((e) => ('fixed' in e ? rows.find((x) => x.build === e.fixed)?.date : undefined)))
    .filter((d) => d !== undefined)
    .sort();
  return fixDates[0] ?? v.published;
}

/**
 * Changelog dates ascend and cite known sources.
 *
 * @param {ChangelogEntry[]} entries
 * @param {Set<string>} sourceIds
 * @returns {string[]}
 */
function changelogProblems(entries, sourceIds) {
  /** @type {string[]} */
  const problems = [];
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (prev && e.date < prev.date) problems.push(`changelog: entry ${i + 1} (${e.date}) is older than the one before`);
    for (const s of e.sources)
      if (!sourceIds.has(s)) problems.push(`changelog: entry ${i + 1} cites unknown source "${s}"`);
  });
  return problems;
}
