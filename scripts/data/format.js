// @ts-check
/**
 * The exact text of each data file the updater writes, so that a run that changes nothing leaves the
 * files byte-identical and a run that changes something gives a readable diff. releases.json keeps
 * one release per line (a new release is one added line); the other files are 2-space JSON.
 * (src/data/*.json is excluded from Prettier; these are the formats the files already have.)
 */

/** @typedef {import('./types.js').ReleaseRow} ReleaseRow */

/**
 * @param {readonly ReleaseRow[]} rows
 * @returns {string}
 */
export function formatReleases(rows) {
  return (
    '{\n  "$schema": "./releases.schema.json",\n  "releases": [\n' +
    rows.map((r) => '    ' + JSON.stringify(r)).join(',\n') +
    '\n  ]\n}\n'
  );
}

/**
 * @param {unknown} value
 * @returns {string}
 */
export function formatJson(value) {
  return JSON.stringify(value, null, 2) + '\n';
}
