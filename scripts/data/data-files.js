// @ts-check
/**
 * Read and write the data folder (src/data by default; a copy in tests).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatJson, formatReleases } from './format.js';

/** @typedef {import('./types.js').DataSet} DataSet */
/** @typedef {import('./integrity.js').Schemas} Schemas */

/**
 * @param {string} dir
 * @param {string} file
 * @returns {any}
 */
function readJson(dir, file) {
  const path = join(dir, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/**
 * @param {string} dir
 * @returns {DataSet}
 */
export function readData(dir) {
  const changelogPath = join(dir, 'changelog.json');
  return {
    releases: readJson(dir, 'releases.json').releases,
    vulnerabilities: readJson(dir, 'vulnerabilities.json'),
    sources: readJson(dir, 'sources.json').sources,
    changelog: existsSync(changelogPath)
      ? readJson(dir, 'changelog.json')
      : { $schema: './changelog.schema.json', entries: [] },
  };
}

/**
 * @param {string} dir
 * @returns {Schemas}
 */
export function readSchemas(dir) {
  return {
    releases: readJson(dir, 'releases.schema.json'),
    vulnerabilities: readJson(dir, 'vulnerabilities.schema.json'),
    sources: readJson(dir, 'sources.schema.json'),
    changelog: readJson(dir, 'changelog.schema.json'),
  };
}

/**
 * Write the files the updater may change; a file whose text is unchanged is not rewritten.
 *
 * @param {string} dir
 * @param {DataSet} data
 * @returns {string[]} the files written
 */
export function writeData(dir, data) {
  /** @type {[string, string][]} */
  const files = [
    ['releases.json', formatReleases(data.releases)],
    ['vulnerabilities.json', formatJson(data.vulnerabilities)],
    ['changelog.json', formatJson(data.changelog)],
  ];
  /** @type {string[]} */
  const written = [];
  for (const [file, text] of files) {
    const path = join(dir, file);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (before === text) continue;
    writeFileSync(path, text);
    written.push(path);
  }
  return written;
}
