// @ts-check
/**
 * CISA's Known Exploited Vulnerabilities catalog, JSON feed
 * (https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json, CC0; schema in
 * cisagov/kev-data): `{ title, catalogVersion, dateReleased, count, vulnerabilities: [{ cveID, vendorProject,
 * product, vulnerabilityName, dateAdded, shortDescription, requiredAction, dueDate, knownRansomwareCampaignUse, … }] }`.
 */
import { SourceError } from './source-error.js';

/** @typedef {import('./types.js').KevCatalog} KevCatalog */
/** @typedef {import('./types.js').KevEntry} KevEntry */

/**
 * Is this KEV entry about on-premises Exchange Server? CISA's `product` for Exchange bugs is
 * "Exchange Server", "Exchange" or even "Microsoft" (CVE-2026-42897), so the name and description are
 * read too; "Internet Key Exchange" (IKE, a Windows component) must not match.
 *
 * @param {Pick<KevEntry, 'vendorProject' | 'product' | 'vulnerabilityName' | 'shortDescription'>} e
 * @returns {boolean}
 */
export function isExchangeServer(e) {
  if (!/^microsoft$/i.test(e.vendorProject.trim())) return false;
  if (/Internet Key Exchange/i.test(`${e.product} ${e.vulnerabilityName}`)) return false;
  if (/^Exchange(?: Server)?$/i.test(e.product.trim())) return true;
  return /\bExchange Server\b/i.test(`${e.vulnerabilityName} ${e.shortDescription}`);
}

const REQUIRED = /** @type {const} */ ([
  'cveID',
  'vendorProject',
  'product',
  'vulnerabilityName',
  'dateAdded',
  'shortDescription',
]);

/**
 * Read the catalog and keep its Exchange Server entries. Throws SourceError on a malformed feed, an
 * empty catalog, or a catalog in which no Exchange entry is found (there have been Exchange entries
 * since the catalog began, so none means the feed or our filter broke).
 *
 * @param {unknown} json parsed JSON
 * @param {string} [origin]
 * @returns {KevCatalog}
 */
export function parseKev(json, origin = 'CISA KEV catalog') {
  if (typeof json !== 'object' || json === null || !Array.isArray(/** @type {any} */ (json).vulnerabilities))
    throw new SourceError(`${origin}: no "vulnerabilities" array; is this the KEV JSON feed?`);
  const top = /** @type {Record<string, unknown>} */ (json);
  const all = /** @type {unknown[]} */ (top.vulnerabilities);
  if (all.length === 0) throw new SourceError(`${origin}: the catalog lists no vulnerabilities; nothing was written.`);
  /** @type {KevEntry[]} */
  const exchange = [];
  all.forEach((item, i) => {
    const e = /** @type {Record<string, unknown>} */ (item ?? {});
    const missing = REQUIRED.filter((k) => typeof e[k] !== 'string');
    if (missing.length > 0) throw new SourceError(`${origin}: entry ${i + 1} lacks ${missing.join(', ')}.`);
    /** @type {KevEntry} */
    const entry = {
      cveID: String(e.cveID).trim(),
      vendorProject: String(e.vendorProject),
      product: String(e.product),
      vulnerabilityName: String(e.vulnerabilityName),
      dateAdded: String(e.dateAdded),
      shortDescription: String(e.shortDescription),
      knownRansomwareCampaignUse: typeof e.knownRansomwareCampaignUse === 'string' ? e.knownRansomwareCampaignUse : '',
    };
    if (!isExchangeServer(entry)) return;
    if (!/^CVE-\d{4}-\d{4,7}$/.test(entry.cveID) || !/^\d{4}-\d{2}-\d{2}$/.test(entry.dateAdded))
      throw new SourceError(`${origin}: Exchange entry ${entry.cveID} has a malformed id or dateAdded.`);
    exchange.push(entry);
  });
  if (exchange.length === 0)
    throw new SourceError(
      `${origin}: none of ${all.length} entries is a Microsoft Exchange Server bug; the feed or the filter changed. Nothing was written.`,
    );
  return {
    catalogVersion: typeof top.catalogVersion === 'string' ? top.catalogVersion : 'unknown',
    dateReleased: typeof top.dateReleased === 'string' ? top.dateReleased : 'unknown',
    total: all.length,
    exchange,
  };
}
