// @ts-check
/**
 * Merge what the sources say into our data. Pure: takes the data and the parsed sources, returns new
 * data and a report; never touches files or the network.
 *
 * Rules:
 * - Nothing is ever deleted: a row or CVE a source does not list stays as it is.
 * - A release is matched by build first, then by name (product, line, rollup, update). A different
 *   name, KB or date for the same build, or a different build for the same release, is a conflict:
 *   it is reported and the run fails. A value the data lacks (no KB, a month-only date) may be filled
 *   in, and the change is reported.
 * - A new release from Microsoft's page is added with its KB and date, source `ms-learn`, confidence
 *   `confirmed` (it is Microsoft's own statement of the build).
 * - A row that Microsoft's page or a Microsoft CVE record lists gets that source; a `third-party` or
 *   `single-source` row becomes `confirmed`. A CVE record confirms only the build number, not the
 *   name, date or KB, and the note says so.
 * - A CISA KEV Exchange CVE we lack is added to vulnerabilities.json when Microsoft's CVE record gives a
 *   fixed build for every CU line it lists and every such build is a release we know; otherwise it is
 *   reported under "Needs a person" and nothing is added for it.
 * - Where a Microsoft record and an existing CVE's range disagree, the difference is reported and not
 *   applied: those ranges were resolved by hand and their notes say why.
 */
import { compareBuildText, parseBuild, productOfBuild } from './builds.js';
import { indexLines, PRODUCTS } from './lines.js';
import { cvePath } from './parse-cve.js';
import { KNOWN_SOURCE_ERRORS } from './known-differences.js';

/** @typedef {import('./types.js').ReleaseRow} ReleaseRow */
/** @typedef {import('./types.js').LearnPage} LearnPage */
/** @typedef {import('./types.js').LearnRow} LearnRow */
/** @typedef {import('./types.js').CveRecord} CveRecord */
/** @typedef {import('./types.js').KevCatalog} KevCatalog */
/** @typedef {import('./types.js').KevEntry} KevEntry */
/** @typedef {import('./types.js').DataSet} DataSet */
/** @typedef {import('./types.js').VulnRow} VulnRow */
/** @typedef {import('./types.js').RangeRow} RangeRow */
/** @typedef {import('./types.js').ChangelogEntry} ChangelogEntry */
/** @typedef {import('./lines.js').LineIndex} LineIndex */

/**
 * @typedef {object} Inputs
 * @property {LearnPage} [learn]
 * @property {CveRecord[]} [cves]
 * @property {KevCatalog} [kev]
 * @property {string[]} [read] one line per source read, for the summary
 */

/**
 * @typedef {object} Report
 * @property {string} today
 * @property {string[]} read
 * @property {{ name: string, build: string, date: string, kb: string | null, sources: string[] }[]} added
 * @property {{ name: string, build: string, changes: string[] }[]} changed
 * @property {{ id: string, name: string, kevDateAdded: string, fixes: string[] }[]} vulnerabilitiesAdded
 * @property {string[]} vulnerabilitiesChanged
 * @property {string[]} conflicts a different value for the same thing: the run fails
 * @property {string[]} errors anything else that must stop the run
 * @property {string[]} attention not applied, a person should look
 * @property {string[]} differences Microsoft's records and our CVE ranges disagree; not applied
 * @property {string[]} ignored known source errors skipped
 * @property {string[]} notes for information
 * @property {string[]} sources ids (sources.json) of the sources that changed something
 */

/**
 * @typedef {object} MergeOptions
 * @property {string} today YYYY-MM-DD, for notes and the changelog
 */

/** Display name of a release: "Exchange Server 2016 CU23 Sep26SU", "Exchange Server 2010 SP3 RU32". */
export const releaseName = (/** @type {Pick<ReleaseRow, 'product' | 'line' | 'rollup' | 'update'>} */ r) =>
  [r.product, r.line, r.rollup, r.update].filter(Boolean).join(' ');

/** Same release (ignoring build): product, line, rollup and update. */
const nameKey = (/** @type {Pick<ReleaseRow, 'product' | 'line' | 'rollup' | 'update'>} */ r) =>
  `${r.product}|${r.line}|${r.rollup ?? ''}|${r.update ?? ''}`;

const SOURCE_LABEL = /** @type {Record<string, string>} */ ({
  'ms-learn': "Microsoft's build-number page",
  'ms-cve': "Microsoft's CVE records",
  'cisa-kev': "CISA's KEV catalog",
});

/** Record that a source changed something. @param {Report} report @param {string} id */
const used = (report, id) => {
  if (!report.sources.includes(id)) report.sources.push(id);
};

/** @returns {Report} */
function emptyReport(/** @type {string} */ today, /** @type {string[]} */ read) {
  return {
    today,
    read,
    added: [],
    changed: [],
    vulnerabilitiesAdded: [],
    vulnerabilitiesChanged: [],
    conflicts: [],
    errors: [],
    attention: [],
    differences: [],
    ignored: [],
    notes: [],
    sources: [],
  };
}

/**
 * Insert a row at its place: products in order, builds ascending within a product (the file's order).
 *
 * @param {ReleaseRow[]} rows
 * @param {ReleaseRow} row
 */
function insertRow(rows, row) {
  const p = PRODUCTS.indexOf(/** @type {any} */ (row.product));
  const at = rows.findIndex((r) => {
    const q = PRODUCTS.indexOf(/** @type {any} */ (r.product));
    return q > p || (q === p && compareBuildText(r.build, row.build) > 0);
  });
  if (at < 0) rows.push(row);
  else rows.splice(at, 0, row);
}

/**
 * Keeps the changes made to existing rows, one entry per row, in the order first touched.
 */
class Changes {
  constructor() {
    /** @type {Map<string, { name: string, build: string, changes: string[] }>} */
    this.byBuild = new Map();
    /** @type {Map<string, string[]>} rows upgraded from third-party in this run → what confirmed them */
    this.upgraded = new Map();
    /** @type {Map<string, string[]>} rows added in this run → labels of the sources that list them */
    this.added = new Map();
  }
  /** @param {ReleaseRow} row @param {string} change */
  add(row, change) {
    let entry = this.byBuild.get(row.build);
    if (!entry) this.byBuild.set(row.build, (entry = { name: releaseName(row), build: row.build, changes: [] }));
    entry.changes.push(change);
  }
}

/**
 * Give a row one more source; upgrade its confidence when the source is Microsoft's.
 *
 * @param {ReleaseRow} row
 * @param {string} source id in sources.json
 * @param {string} label what exactly listed it, for the summary and the note
 * @param {Changes} changes
 * @returns {boolean} whether the row changed
 */
function confirm(row, source, label, changes) {
  if (row.sources.includes(source)) return false;
  row.sources = [...row.sources, source];
  const added = changes.added.get(row.build);
  if (added) {
    // Added in this run: the summary's "added" entry names every source instead.
    added.push(label);
    return true;
  }
  changes.add(row, `now also listed by ${label}`);
  const up = changes.upgraded.get(row.build);
  if (up) up.push(label);
  else if (row.confidence === 'third-party') changes.upgraded.set(row.build, [label]);
  if (row.confidence !== 'confirmed') {
    changes.add(row, `confidence ${row.confidence} → confirmed`);
    row.confidence = 'confirmed';
  }
  return true;
}

/**
 * @param {ReleaseRow[]} rows
 * @param {LearnPage} learn
 * @param {Report} report
 * @param {Changes} changes
 */
function mergeLearn(rows, learn, report, changes) {
  const known = new Map(KNOWN_SOURCE_ERRORS.map((k) => [`${k.release}|${k.build}`, k]));
  /** @type {Map<string, LearnRow>} */
  const seen = new Map();
  for (const lr of learn.rows) {
    const name = releaseName(lr);
    const knownError = known.get(`${name}|${lr.build}`);
    if (knownError) {
      report.ignored.push(`${name} ${lr.build} on Microsoft's page: ${knownError.reason}`);
      continue;
    }
    const twin = seen.get(lr.build);
    if (twin) {
      if (nameKey(twin) !== nameKey(lr) || twin.kb !== lr.kb || twin.date !== lr.date)
        report.conflicts.push(
          `Microsoft's page lists ${lr.build} twice, as "${twin.name}" (${twin.date}, ${twin.kb ?? 'no KB'}) and "${lr.name}" (${lr.date}, ${lr.kb ?? 'no KB'}).`,
        );
      continue;
    }
    seen.set(lr.build, lr);
    const existing = rows.find((r) => r.build === lr.build);
    if (existing) mergeLearnIntoRow(existing, lr, report, changes);
    else addLearnRow(rows, lr, report, changes);
  }
  reportUnreadLearnRows(rows, learn.problems, report);
}

/**
 * A release of the page whose build we hold: a different name, KB or date is a conflict; a missing KB or
 * a month-only date is filled in; the row gets Microsoft's page as a source.
 *
 * @param {ReleaseRow} existing
 * @param {LearnRow} lr
 * @param {Report} report
 * @param {Changes} changes
 */
function mergeLearnIntoRow(existing, lr, report, changes) {
  const name = releaseName(lr);
  if (nameKey(existing) !== nameKey(lr)) {
    report.conflicts.push(`${lr.build}: Microsoft's page calls it "${name}", our data "${releaseName(existing)}".`);
    return;
  }
  const before = report.conflicts.length;
  if (existing.kb && lr.kb && existing.kb !== lr.kb)
    report.conflicts.push(`${name} (${lr.build}): KB ${lr.kb} on Microsoft's page, ${existing.kb} in our data.`);
  const refines = existing.date.length === 7 && lr.date.length === 10 && lr.date.startsWith(existing.date);
  const coarser = lr.date.length === 7 && existing.date.startsWith(lr.date);
  if (existing.date !== lr.date && !refines && !coarser)
    report.conflicts.push(
      `${name} (${lr.build}): released ${lr.date} on Microsoft's page, ${existing.date} in our data.`,
    );
  if (report.conflicts.length > before) return;
  if (!existing.kb && lr.kb) {
    changes.add(existing, `KB filled in: ${lr.kb}`);
    existing.kb = lr.kb;
    used(report, 'ms-learn');
  }
  if (refines) {
    changes.add(existing, `date ${existing.date} → ${lr.date}`);
    existing.date = lr.date;
    used(report, 'ms-learn');
  }
  if (confirm(existing, 'ms-learn', SOURCE_LABEL['ms-learn'] ?? 'ms-learn', changes)) used(report, 'ms-learn');
}

/**
 * A release of the page whose build we lack: added at its place, unless we hold the same release with
 * another build (a conflict) or the build does not fit the release's product and line (an error).
 *
 * @param {ReleaseRow[]} rows
 * @param {LearnRow} lr
 * @param {Report} report
 * @param {Changes} changes
 */
function addLearnRow(rows, lr, report, changes) {
  const name = releaseName(lr);
  const sameName = rows.find((r) => !r.variantOf && nameKey(r) === nameKey(lr));
  if (sameName) {
    report.conflicts.push(
      `${name}: build ${lr.build} on Microsoft's page, ${sameName.build} in our data (same release, different build).`,
    );
    return;
  }
  const problem = newRowProblem(rows, lr);
  if (problem) {
    report.errors.push(`${name} (${lr.build}) on Microsoft's page: ${problem}`);
    return;
  }
  // Key order as in the file; only Exchange 2010 rows carry "rollup".
  /** @type {ReleaseRow} */
  const row = {
    product: lr.product,
    line: lr.line,
    ...(lr.product === 'Exchange Server 2010' ? { rollup: lr.rollup } : {}),
    update: lr.update,
    build: lr.build,
    date: lr.date,
    kb: lr.kb,
    sources: ['ms-learn'],
    confidence: 'confirmed',
  };
  insertRow(rows, row);
  used(report, 'ms-learn');
  const labels = [SOURCE_LABEL['ms-learn'] ?? 'ms-learn'];
  changes.added.set(row.build, labels);
  report.added.push({ name, build: lr.build, date: lr.date, kb: lr.kb, sources: labels });
}

/**
 * Rows of the page the parser could not read: a note when their build is known, else an error (a
 * release could be missed).
 *
 * @param {readonly ReleaseRow[]} rows
 * @param {LearnPage['problems']} problems
 * @param {Report} report
 */
function reportUnreadLearnRows(rows, problems, report) {
  for (const p of problems) {
    const row = p.build ? rows.find((r) => r.build === p.build) : undefined;
    if (row)
      report.notes.push(
        `Row "${p.name}" on Microsoft's page not read (${p.reason}); its build ${p.build} is already known as ${releaseName(row)}.`,
      );
    else
      report.errors.push(
        `Row "${p.name}" (${p.section || 'no section'}) on Microsoft's page could not be read: ${p.reason}.` +
          (p.build ? ` Its build ${p.build} is not in our data, so a release could be missed.` : ''),
      );
  }
}

/**
 * Why a release read from the page cannot be added as it is, or null when it can.
 *
 * @param {readonly ReleaseRow[]} rows
 * @param {LearnRow} lr
 * @returns {string | null}
 */
function newRowProblem(rows, lr) {
  const b = parseBuild(lr.build);
  if (!b) return 'not a build number';
  const byNumber = productOfBuild(b);
  if (byNumber !== lr.product) return `the build number belongs to ${byNumber ?? 'no Exchange Server product'}`;
  if (lr.product === 'Exchange Server 2010') {
    const sp = lr.line === 'RTM' ? 0 : Number(lr.line.slice(2));
    if (b[1] !== sp) return `a ${lr.line} build must start 14.${sp}.`;
  }
  const index = indexLines(rows);
  const line = index.lineOf(lr.build);
  if (line && line.line !== lr.line) return `the build number belongs to ${line.product} ${line.line}`;
  if (!line && index.get(lr.product, lr.line))
    return `${lr.product} ${lr.line} is known with other build numbers (${index.get(lr.product, lr.line)?.base})`;
  return null;
}

/**
 * Confirm release rows from the fixed builds in Microsoft's CVE records.
 *
 * @param {ReleaseRow[]} rows
 * @param {CveRecord[]} records
 * @param {Report} report
 * @param {Changes} changes
 */
function mergeCveBuilds(rows, records, report, changes) {
  const index = indexLines(rows);
  /** @type {Map<string, string[]>} build → record ids */
  const confirmedBy = new Map();
  /** @type {Set<string>} */
  const unknown = new Set();
  for (const rec of records) {
    if (!rec.microsoft || rec.state !== 'PUBLISHED') continue;
    for (const fix of rec.fixes) {
      if (!fix.fixed) continue;
      const line = index.lineOf(fix.fixed);
      if (line && line.product === fix.product && line.line !== fix.line) continue; // fixed by moving to a newer CU
      if (!line || line.product !== fix.product) {
        const msg = `Microsoft's record ${rec.id} gives ${fix.fixed} as the fix for ${fix.product} ${fix.line}, a build on no CU line we know.`;
        if (!unknown.has(msg)) report.attention.push(msg);
        unknown.add(msg);
        continue;
      }
      const row = rows.find((r) => r.build === fix.fixed);
      if (!row) {
        const msg = `Microsoft's record ${rec.id} gives ${fix.fixed} as the fix for ${fix.product} ${fix.line}, but no release has that build (its name, date and KB are unknown until Microsoft's page lists it).`;
        if (!unknown.has(msg)) report.attention.push(msg);
        unknown.add(msg);
        continue;
      }
      const ids = confirmedBy.get(row.build) ?? [];
      if (!ids.includes(rec.id)) ids.push(rec.id);
      confirmedBy.set(row.build, ids);
    }
  }
  for (const [build, ids] of confirmedBy) {
    const row = rows.find((r) => r.build === build);
    if (!row) continue;
    if (confirm(row, 'ms-cve', `Microsoft's CVE record ${ids.join(', ')}`, changes)) used(report, 'ms-cve');
  }
}

/**
 * After all sources: notes of rows upgraded from third-party, which said "unverified".
 *
 * @param {ReleaseRow[]} rows
 * @param {Changes} changes
 */
function rewriteUpgradedNotes(rows, changes) {
  for (const [build, by] of changes.upgraded) {
    const row = rows.find((r) => r.build === build);
    if (!row) continue;
    const learn = by.includes(SOURCE_LABEL['ms-learn'] ?? '');
    const note =
      `Known first from a third-party report; confirmed by ${by.join(' and ')}` +
      (learn ? '.' : ', which gives the build number; the name, date and KB are still the report\u2019s.');
    if (row.note !== note) {
      changes.add(row, 'note rewritten (no longer unverified)');
      row.note = note;
    }
  }
}

/**
 * Ranges for a new CVE from a Microsoft record, the same shape as the existing ones: per listed product,
 * every CU line up to the newest listed one, fixed lines with `introduced 0, fixed <build>`, lines fixed
 * only by moving to a newer CU and older unlisted lines with `introduced 0` alone.
 *
 * @param {CveRecord} rec
 * @param {LineIndex} index
 * @param {readonly ReleaseRow[]} rows
 * @returns {{ ranges: RangeRow[], fixes: string[] } | { problem: string }}
 */
function rangesFromRecord(rec, index, rows) {
  if (!rec.microsoft) return { problem: `the record's CNA is not Microsoft` };
  if (rec.otherProducts.length > 0) return { problem: `product names not understood: ${rec.otherProducts.join('; ')}` };
  const withBuild = rec.fixes.filter((f) => f.fixed);
  if (withBuild.length === 0) return { problem: 'the record gives no fixed build (e.g. "lessThan: publication")' };
  if (withBuild.length < rec.fixes.length)
    return {
      problem: `no fixed build for ${rec.fixes
        .filter((f) => !f.fixed)
        .map((f) => `${f.product} ${f.line}`)
        .join(', ')}`,
    };
  /** @type {RangeRow[]} */
  const ranges = [];
  /** @type {string[]} */
  const fixes = [];
  for (const product of PRODUCTS) {
    const listed = rec.fixes.filter((f) => f.product === product);
    if (listed.length === 0) continue;
    const lines = index.linesOf(product);
    for (const f of listed)
      if (!index.get(product, f.line)) return { problem: `${product} ${f.line} is not a line we know` };
    const top = listed
      .map((f) => /** @type {NonNullable<ReturnType<LineIndex['get']>>} */ (index.get(product, f.line)))
      .reduce((x, y) => (compareBuildText(y.base, x.base) > 0 ? y : x));
    for (const line of lines) {
      if (compareBuildText(line.base, top.base) > 0) break;
      const f = listed.find((x) => x.line === line.line);
      if (!f || !f.fixed) {
        ranges.push({
          product,
          line: line.line,
          events: [{ introduced: '0' }],
          listed: false,
          note: 'Not listed: this older CU never received a fix for this CVE.',
        });
        continue;
      }
      const at = index.lineOf(f.fixed);
      if (!at || at.product !== product) return { problem: `${f.fixed} (${product} ${f.line}) is on no line we know` };
      if (at.line === line.line) {
        if (!rows.some((r) => r.build === f.fixed))
          return { problem: `${f.fixed}, the fix for ${product} ${f.line}, is not a release we know yet` };
        ranges.push({ product, line: line.line, events: [{ introduced: '0' }, { fixed: f.fixed }], listed: true });
        fixes.push(`${product} ${line.line}: ${f.fixed}`);
      } else {
        ranges.push({
          product,
          line: line.line,
          events: [{ introduced: '0' }],
          listed: true,
          note: `The record gives ${f.fixed} (${at.line}) as the first fixed build: this CU is fixed only by moving to ${at.line}.`,
        });
        fixes.push(`${product} ${line.line}: only by moving to ${at.line}`);
      }
    }
  }
  return { ranges, fixes };
}

/**
 * @param {VulnRow[]} vulns
 * @param {KevCatalog} kev
 * @param {CveRecord[]} records
 * @param {readonly ReleaseRow[]} rows
 * @param {Report} report
 */
function mergeKev(vulns, kev, records, rows, report) {
  const index = indexLines(rows);
  for (const e of kev.exchange) {
    const existing = vulns.find((v) => v.id === e.cveID);
    if (existing) {
      markKev(existing, e, report);
      continue;
    }
    const built = vulnFromKev(e, records, index, rows);
    if ('problem' in built) {
      report.attention.push(
        `${e.cveID} (${e.vulnerabilityName}) is in CISA's KEV catalog since ${e.dateAdded} but not in our data: ${built.problem}. Add it by hand.`,
      );
      continue;
    }
    vulns.push(built.vuln);
    used(report, 'cisa-kev');
    used(report, 'ms-cve');
    report.vulnerabilitiesAdded.push({
      id: built.vuln.id,
      name: built.vuln.nickname,
      kevDateAdded: e.dateAdded,
      fixes: built.fixes,
    });
  }
}

/**
 * A CVE we hold that CISA lists: its KEV date is filled in when missing, a different one is a conflict.
 *
 * @param {VulnRow} existing
 * @param {KevEntry} e
 * @param {Report} report
 */
function markKev(existing, e, report) {
  if (existing.kev && existing.kevDateAdded && existing.kevDateAdded !== e.dateAdded)
    report.conflicts.push(
      `${e.cveID}: added to KEV on ${e.dateAdded} says CISA, ${existing.kevDateAdded} in our data.`,
    );
  else if (!existing.kev || !existing.kevDateAdded) {
    existing.kev = true;
    existing.kevDateAdded = e.dateAdded;
    report.vulnerabilitiesChanged.push(`${e.cveID}: now in CISA's KEV catalog (added ${e.dateAdded}).`);
    used(report, 'cisa-kev');
  }
}

/**
 * The vulnerabilities.json entry for a KEV CVE we lack, from its Microsoft record, or why a person must
 * add it instead.
 *
 * @param {KevEntry} e
 * @param {CveRecord[]} records
 * @param {LineIndex} index
 * @param {readonly ReleaseRow[]} rows
 * @returns {{ vuln: VulnRow, fixes: string[] } | { problem: string }}
 */
function vulnFromKev(e, records, index, rows) {
  const rec = records.find((r) => r.id === e.cveID);
  if (!rec) return { problem: 'no CVE record was read for it' };
  if (!rec.published) return { problem: 'its record has no publication date' };
  if (e.shortDescription.trim().length < 20)
    return { problem: "CISA's description is too short to serve as a summary" };
  const built = rangesFromRecord(rec, index, rows);
  if ('problem' in built) return built;
  /** @type {VulnRow} */
  const vuln = {
    id: e.cveID,
    nickname: e.vulnerabilityName.replace(/^Microsoft /, ''),
    families: ['other-kev'],
    summary: e.shortDescription.trim(),
    kev: true,
    kevDateAdded: e.dateAdded,
    published: rec.published,
    fixInferred: false,
    note:
      'Added by the data updater (the date is in changelog.json). Fixed builds are the "lessThan" values of ' +
      "Microsoft's CVE record and the KEV date is CISA's. The summary is CISA's description: rewrite it in plain " +
      'words when reviewing.',
    sources: [
      `CVEProject/cvelistV5:${cvePath(e.cveID)}`,
      `https://msrc.microsoft.com/update-guide/vulnerability/${e.cveID}`,
      'https://www.cisa.gov/known-exploited-vulnerabilities-catalog',
    ],
    ranges: built.ranges,
  };
  return { vuln, fixes: built.fixes };
}

/**
 * Report where a Microsoft record and an existing CVE's ranges disagree (never applied).
 *
 * @param {readonly VulnRow[]} vulns
 * @param {CveRecord[]} records
 * @param {readonly ReleaseRow[]} rows
 * @param {Report} report
 */
function compareRanges(vulns, records, rows, report) {
  const index = indexLines(rows);
  for (const rec of records) {
    const v = vulns.find((x) => x.id === rec.id);
    if (!v || !rec.microsoft || report.vulnerabilitiesAdded.some((a) => a.id === rec.id)) continue;
    for (const f of rec.fixes) {
      if (!f.fixed) continue;
      const range = v.ranges.find((r) => r.product === f.product && r.line === f.line);
      const ours = range?.events.find((e) => 'fixed' in e);
      const oursText = ours && 'fixed' in ours ? ours.fixed : 'never fixed';
      const at = index.lineOf(f.fixed);
      const onLine = at?.product === f.product && at.line === f.line;
      if (!range)
        report.differences.push(`${rec.id} ${f.product} ${f.line}: the record gives ${f.fixed}; we have no range.`);
      else if (onLine && oursText !== f.fixed)
        report.differences.push(`${rec.id} ${f.product} ${f.line}: the record gives ${f.fixed}, we have ${oursText}.`);
      else if (!onLine && ours)
        report.differences.push(
          `${rec.id} ${f.product} ${f.line}: the record gives ${f.fixed} (${at ? at.line : 'no known line'}), we have ${oursText}.`,
        );
    }
  }
}

/**
 * Merge every source given into a copy of the data.
 *
 * @param {DataSet} data
 * @param {Inputs} inputs
 * @param {MergeOptions} options
 * @returns {{ data: DataSet, report: Report, changed: boolean }}
 */
export function merge(data, inputs, options) {
  /** @type {DataSet} */
  const next = structuredClone(data);
  const report = emptyReport(options.today, inputs.read ?? []);
  const changes = new Changes();
  const records = inputs.cves ?? [];

  if (inputs.learn) mergeLearn(next.releases, inputs.learn, report, changes);
  if (records.length > 0) mergeCveBuilds(next.releases, records, report, changes);
  rewriteUpgradedNotes(next.releases, changes);
  report.changed = [...changes.byBuild.values()];
  if (inputs.kev) mergeKev(next.vulnerabilities.vulnerabilities, inputs.kev, records, next.releases, report);
  compareRanges(next.vulnerabilities.vulnerabilities, records, next.releases, report);
  for (const rec of records)
    if (rec.microsoft && rec.otherProducts.length > 0)
      report.notes.push(`${rec.id}: product names not understood: ${rec.otherProducts.join('; ')}.`);

  const changed =
    report.added.length +
      report.changed.length +
      report.vulnerabilitiesAdded.length +
      report.vulnerabilitiesChanged.length >
    0;
  if (changed) next.changelog.entries.push(changelogEntry(report));
  return { data: next, report, changed };
}

/**
 * The dated changelog entry for a run that changed data.
 *
 * @param {Report} report
 * @returns {ChangelogEntry}
 */
export function changelogEntry(report) {
  /** @type {string[]} */
  const changes = [];
  for (const a of report.added)
    changes.push(
      `Added ${a.name} (${a.build}, ${a.date}${a.kb ? `, ${a.kb}` : ''}), listed by ${a.sources.join(' and ')}.`,
    );
  for (const c of report.changed) changes.push(`${c.name} (${c.build}): ${c.changes.join('; ')}.`);
  for (const v of report.vulnerabilitiesAdded)
    changes.push(`Added ${v.id} (${v.name}), in CISA's KEV catalog since ${v.kevDateAdded}.`);
  changes.push(...report.vulnerabilitiesChanged);
  /** @type {string[]} */
  const parts = [];
  const n = (/** @type {number} */ k, /** @type {string} */ what) => `${k} ${what}${k === 1 ? '' : 's'}`;
  if (report.added.length) parts.push(`${n(report.added.length, 'release')} added`);
  if (report.changed.length) parts.push(`${n(report.changed.length, 'release')} updated or confirmed`);
  if (report.vulnerabilitiesAdded.length) parts.push(`${n(report.vulnerabilitiesAdded.length, 'exploited CVE')} added`);
  if (report.vulnerabilitiesChanged.length) parts.push(`${n(report.vulnerabilitiesChanged.length, 'CVE')} updated`);
  return {
    date: report.today,
    by: 'data-update',
    summary: `Automatic update from Microsoft's and CISA's data: ${parts.join(', ')}.`,
    changes,
    sources: [...report.sources],
  };
}
