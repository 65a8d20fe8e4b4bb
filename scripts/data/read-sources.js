// @ts-check
/**
 * Get each source's text, from a local file or from the network, and parse it. Every failure is a
 * SourceError naming the source and what to check, so the workflow log says what broke.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cvePath, parseCveRecord } from './parse-cve.js';
import { parseKev } from './parse-kev.js';
import { parseLearnPage } from './parse-learn.js';
import { SourceError } from './source-error.js';

/** @typedef {import('./types.js').LearnPage} LearnPage */
/** @typedef {import('./types.js').CveRecord} CveRecord */
/** @typedef {import('./types.js').KevCatalog} KevCatalog */
/** @typedef {(url: string, init?: RequestInit) => Promise<Response>} Fetch */
/** @typedef {(path: string) => string} Show how to name a local path in messages */

/** @type {Show} */
const asIs = (path) => path;

export const LEARN_URL = 'https://learn.microsoft.com/en-us/exchange/new-features/build-numbers-and-release-dates';
export const KEV_URL = 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json';
export const CVE_BASE_URL = 'https://raw.githubusercontent.com/CVEProject/cvelistV5/main/';

/**
 * Microsoft records fetched besides those of our CVEs and of KEV: they give the builds of the
 * September 2026 update and its v2 re-release, rows we first had only from a third-party report.
 */
export const WATCHED_CVES = ['CVE-2026-69356', 'CVE-2026-96940'];

const TIMEOUT_MS = 60_000;

/**
 * GET a URL as text. A 404 gives null (the caller decides whether that matters); anything else that
 * is not a 200 throws.
 *
 * @param {string} url
 * @param {string} what the source, for messages
 * @param {Fetch} fetchImpl
 * @returns {Promise<string | null>}
 */
export async function fetchText(url, what, fetchImpl) {
  let res;
  try {
    res = await fetchImpl(url, {
      headers: { 'user-agent': 'exchange-patch-check data updater', accept: '*/*' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    const cause = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    throw new SourceError(
      `${what}: could not fetch ${url} (${cause}). Check the network, or give the source as a file (see --help).`,
    );
  }
  if (res.status === 404) return null;
  if (!res.ok) throw new SourceError(`${what}: ${url} answered HTTP ${res.status} ${res.statusText}.`);
  return res.text();
}

/**
 * @param {string} file
 * @param {string} what
 * @returns {string}
 */
function readText(file, what) {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new SourceError(`${what}: cannot read ${file} (${e instanceof Error ? e.message : String(e)}).`);
  }
}

/**
 * @param {string} text
 * @param {string} origin
 * @returns {unknown}
 */
function parseJson(text, origin) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SourceError(`${origin}: not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
}

/**
 * @param {{ file?: string, offline: boolean, fetch: Fetch, show?: Show }} o
 * @returns {Promise<{ page: LearnPage, read: string } | null>}
 */
export async function readLearn(o) {
  const what = "Microsoft's build-number page";
  let text;
  let origin;
  if (o.file) {
    text = readText(o.file, what);
    origin = (o.show ?? asIs)(o.file);
  } else if (o.offline) return null;
  else {
    text = await fetchText(LEARN_URL, what, o.fetch);
    origin = LEARN_URL;
    if (text === null) throw new SourceError(`${what}: ${LEARN_URL} answered 404; has the page moved?`);
  }
  const page = parseLearnPage(text, `${what} (${origin})`);
  const skipped = page.skippedSections.length
    ? `; skipped ${page.skippedSections.length} section(s) on older products (${page.skippedSections.join(', ')})`
    : '';
  return {
    page,
    read: `${what} (${origin}): ${page.rows.length} release row(s) in ${page.sections.length} product table(s)${skipped}`,
  };
}

/**
 * @param {{ file?: string, offline: boolean, fetch: Fetch, show?: Show }} o
 * @returns {Promise<{ kev: KevCatalog, read: string } | null>}
 */
export async function readKev(o) {
  const what = "CISA's KEV catalog";
  let text;
  let origin;
  if (o.file) {
    text = readText(o.file, what);
    origin = (o.show ?? asIs)(o.file);
  } else if (o.offline) return null;
  else {
    text = await fetchText(KEV_URL, what, o.fetch);
    origin = KEV_URL;
    if (text === null) throw new SourceError(`${what}: ${KEV_URL} answered 404; has the feed moved?`);
  }
  const kev = parseKev(parseJson(text, `${what} (${origin})`), `${what} (${origin})`);
  return {
    kev,
    read: `${what} ${kev.catalogVersion} (${origin}): ${kev.exchange.length} Exchange Server entries of ${kev.total}`,
  };
}

/**
 * Where a record may sit in a local folder: flat (`CVE-….json`), or in cvelistV5's layout with or
 * without the leading `cves/`.
 *
 * @param {string} dir
 * @param {string} id
 * @returns {string | null}
 */
function findRecordFile(dir, id) {
  const path = cvePath(id);
  for (const candidate of [join(dir, `${id}.json`), join(dir, path), join(dir, path.slice('cves/'.length))])
    if (existsSync(candidate)) return candidate;
  return null;
}

/**
 * @param {{ dir?: string, offline: boolean, ids: readonly string[], fetch: Fetch, show?: Show }} o
 * @returns {Promise<{ records: CveRecord[], read: string, missing: string[] } | null>}
 */
export async function readCves(o) {
  const what = "Microsoft's CVE records";
  const show = o.show ?? asIs;
  /** @type {CveRecord[]} */
  const records = [];
  /** @type {string[]} */
  const missing = [];
  if (o.dir) {
    if (!existsSync(o.dir)) throw new SourceError(`${what}: folder ${show(o.dir)} does not exist.`);
    for (const id of o.ids) {
      const file = findRecordFile(o.dir, id);
      if (!file) missing.push(id);
      else records.push(parseCveRecord(parseJson(readText(file, what), show(file)), show(file)));
    }
    if (records.length === 0)
      throw new SourceError(
        `${what}: none of the ${o.ids.length} records looked for is in ${show(o.dir)}; nothing was written.`,
      );
  } else if (o.offline) return null;
  else {
    const queue = [...o.ids];
    const worker = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        const url = CVE_BASE_URL + cvePath(id);
        const text = await fetchText(url, `${what} (${id})`, o.fetch);
        if (text === null) missing.push(id);
        else records.push(parseCveRecord(parseJson(text, url), url));
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    if (records.length === 0)
      throw new SourceError(`${what}: none of ${o.ids.length} records could be fetched from ${CVE_BASE_URL}.`);
    records.sort((a, b) => o.ids.indexOf(a.id) - o.ids.indexOf(b.id));
  }
  const fromMicrosoft = records.filter((r) => r.microsoft && r.fixes.some((f) => f.fixed)).length;
  return {
    records,
    missing,
    read:
      `${what} (${o.dir ? show(o.dir) : CVE_BASE_URL}): ${records.length} of ${o.ids.length} read, ${fromMicrosoft} with fixed builds` +
      (missing.length ? `; not found: ${missing.join(', ')}` : ''),
  };
}
