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
  if (problems.length > 0) return problems; // the rules below assume the shapes

  const rows = data.releases;
  const sourceIds = new Set(Object.keys(data.sources));
  const name = (/** @type {ReleaseRow} */ r) => [r.product, r.line, r.rollup, r.update].filter(Boolean).join(' ');

  /** @type {Set<string>} */
  const builds = new Set();
  /** @type {Set<string>} */
  const names = new Set();
  rows.forEach((r, i) => {
    if (builds.has(r.build)) problems.push(`releases: build ${r.build} appears twice`);
    builds.add(r.build);
    if (!r.variantOf) {
      const key = `${r.product}|${r.line}|${r.rollup ?? ''}|${r.update ?? ''}`;
      if (names.has(key)) problems.push(`releases: ${name(r)} appears twice`);
      names.add(key);
    }
    const prev = rows[i - 1];
    if (prev) {
      const dp = PRODUCTS.indexOf(/** @type {any} */ (prev.product)) - PRODUCTS.indexOf(/** @type {any} */ (r.product));
      if (dp > 0 || (dp === 0 && compareBuildText(prev.build, r.build) >= 0))
        problems.push(`releases: ${r.build} is out of order (after ${prev.build}); keep product, then build order`);
    }
    const b = parseBuild(r.build);
    if (b && productOfBuild(b) !== r.product) problems.push(`releases: ${r.build} is not a ${r.product} build`);
    if (b && r.product === 'Exchange Server 2010' && b[1] !== (r.line === 'RTM' ? 0 : Number(r.line.slice(2))))
      problems.push(`releases: ${r.build} is not an Exchange 2010 ${r.line} build`);
    if ((r.product === 'Exchange Server 2010') !== 'rollup' in r)
      problems.push(
        `releases: ${r.build} ${r.product === 'Exchange Server 2010' ? 'lacks' : 'must not have'} "rollup"`,
      );
    for (const s of r.sources) if (!sourceIds.has(s)) problems.push(`releases: ${r.build} cites unknown source "${s}"`);
    if (r.variantOf) {
      const other = rows.find((x) => x.build === r.variantOf);
      if (!other || other.product !== r.product || other.line !== r.line)
        problems.push(`releases: ${r.build} is a variant of ${r.variantOf}, which is not a row of its line`);
    }
  });

  const index = indexLines(rows);
  for (const line of index.lines) {
    const own = rows
      .filter((r) => r.product === line.product && r.line === line.line && !r.variantOf)
      .sort((x, y) => compareBuildText(x.build, y.build));
    for (let i = 1; i < own.length; i++) {
      const prev = /** @type {ReleaseRow} */ (own[i - 1]);
      const cur = /** @type {ReleaseRow} */ (own[i]);
      // Month-only dates ("2019-04") compare on the month.
      if (!(cur.date >= prev.date.slice(0, cur.date.length) || prev.date.startsWith(cur.date)))
        problems.push(`releases: ${name(cur)} (${cur.date}) is dated before ${name(prev)} (${prev.date})`);
    }
  }

  for (const v of data.vulnerabilities.vulnerabilities) {
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
    }
    // No gaps: below the newest ranged line of a product every line has a range; newer lines shipped with the fix.
    for (const product of new Set(v.ranges.map((r) => r.product))) {
      const ranged = v.ranges
        .filter((r) => r.product === product)
        .map((r) => index.get(product, r.line))
        .filter((l) => l !== undefined);
      if (ranged.length === 0) continue;
      const top = ranged.reduce((x, y) => (compareBuildText(y.base, x.base) > 0 ? y : x));
      // Above it the checker says "shipped with the fix", which is only true for a CU released after the
      // first fix of the product (or, with no fixed build at all, after the CVE was published).
      const fixDates = v.ranges
        .filter((r) => r.product === product)
        .flatMap((r) => r.events.map((e) => ('fixed' in e ? rows.find((x) => x.build === e.fixed)?.date : undefined)))
        .filter((d) => d !== undefined)
        .sort();
      const since = fixDates[0] ?? v.published;
      for (const line of index.linesOf(product)) {
        if (compareBuildText(line.base, top.base) <= 0) {
          if (!ranged.includes(line))
            problems.push(
              `vulnerabilities: ${v.id} has no range for ${product} ${line.line} (a gap below ${top.line})`,
            );
          continue;
        }
        const released = rows.find((x) => x.build === line.base)?.date ?? '';
        if (released.slice(0, since.length) < since.slice(0, released.length))
          problems.push(
            `vulnerabilities: ${v.id} has no range for ${product} ${line.line}, released ${released} before the fix (${since}): it would count as shipped with the fix`,
          );
      }
    }
  }

  const entries = data.changelog.entries;
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (prev && e.date < prev.date) problems.push(`changelog: entry ${i + 1} (${e.date}) is older than the one before`);
    for (const s of e.sources)
      if (!sourceIds.has(s)) problems.push(`changelog: entry ${i + 1} cites unknown source "${s}"`);
  });
  return problems;
}
