// @ts-check
/**
 * CVE records in the CVE JSON 5 format of CVEProject/cvelistV5
 * (https://github.com/CVEProject/cvelistV5, cves/<year>/<nnxxx>/<id>.json). Microsoft, as CNA, lists
 * one `containers.cna.affected[]` entry per CU line ("Microsoft Exchange Server 2019 Cumulative Update 15",
 * "Microsoft Exchange Server Subscription Edition RTM") with
 * `versions: [{ version: "15.02.0", lessThan: "15.02.1748.053", versionType: "custom", status: "affected" }]`:
 * `lessThan` is the first fixed build. Older records (ProxyLogon, 2018–2020) say `lessThan: "publication"`
 * and carry no build. A CISA-ADP container may record the KEV date (`other.type: "kev"`).
 */
import { normaliseBuild } from './builds.js';
import { SourceError } from './source-error.js';

/** @typedef {import('./types.js').CveFix} CveFix */
/** @typedef {import('./types.js').CveRecord} CveRecord */
/** @typedef {import('./types.js').Product} Product */

const CVE_ID = /^CVE-\d{4}-\d{4,7}$/;

/**
 * The cvelistV5 path of a record: CVE-2026-69356 → `cves/2026/69xxx/CVE-2026-69356.json`,
 * CVE-2020-0688 → `cves/2020/0xxx/CVE-2020-0688.json`.
 *
 * @param {string} id
 * @returns {string}
 */
export function cvePath(id) {
  const m = /^CVE-(\d{4})-(\d{4,7})$/.exec(id);
  if (!m) throw new Error(`not a CVE id: ${id}`);
  const n = m[2] ?? '';
  return `cves/${m[1]}/${String(Math.floor(Number(n) / 1000))}xxx/${id}.json`;
}

/**
 * Product and line of a product name as Microsoft's CVE records write it, or null.
 *
 * @param {string} name
 * @returns {{ product: Product, line: string } | null}
 * @example lineOfRecordProduct('Microsoft Exchange Server 2016 Cumulative Update 23') // { product: 'Exchange Server 2016', line: 'CU23' }
 */
export function lineOfRecordProduct(name) {
  const n = name.replace(/\s+/g, ' ').trim();
  const cu = /^(?:Microsoft )?Exchange Server (2013|2016|2019) Cumulative Update (\d{1,2})$/i.exec(n);
  if (cu) return { product: /** @type {Product} */ (`Exchange Server ${cu[1]}`), line: `CU${Number(cu[2])}` };
  const sp = /^(?:Microsoft )?Exchange Server (2010|2013) Service Pack (\d)$/i.exec(n);
  if (sp) return { product: /** @type {Product} */ (`Exchange Server ${sp[1]}`), line: `SP${sp[2]}` };
  const rtm = /^(?:Microsoft )?Exchange Server (2019|2016|2013) RTM$/i.exec(n);
  if (rtm) return { product: /** @type {Product} */ (`Exchange Server ${rtm[1]}`), line: 'RTM' };
  const se = /^(?:Microsoft )?Exchange Server Subscription Edition (RTM|Cumulative Update (\d{1,2}))$/i.exec(n);
  if (se) return { product: 'Exchange Server SE', line: se[2] ? `CU${Number(se[2])}` : 'RTM' };
  return null;
}

/**
 * @param {unknown} v
 * @returns {v is Record<string, unknown>}
 */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** @param {unknown} v */
const list = (v) => (Array.isArray(v) ? /** @type {unknown[]} */ (v) : []);
/** @param {unknown} v */
const str = (v) => (typeof v === 'string' ? v : '');

/**
 * KEV date recorded by CISA's ADP container, if any.
 *
 * @param {unknown[]} adp
 * @returns {string | null}
 */
function kevDate(adp) {
  for (const container of adp) {
    if (!isObject(container)) continue;
    for (const metric of list(container.metrics)) {
      if (!isObject(metric) || !isObject(metric.other)) continue;
      const other = metric.other;
      if (other.type === 'kev' && isObject(other.content)) {
        const d = str(other.content.dateAdded);
        if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
      }
    }
  }
  return null;
}

/**
 * Read one CVE record. Throws SourceError when the text is not a CVE JSON 5 record.
 *
 * @param {unknown} json parsed JSON
 * @param {string} origin file name or URL, for messages
 * @returns {CveRecord}
 */
export function parseCveRecord(json, origin) {
  if (!isObject(json) || json.dataType !== 'CVE_RECORD' || !isObject(json.cveMetadata) || !isObject(json.containers))
    throw new SourceError(`${origin}: not a CVE JSON 5 record (dataType CVE_RECORD with cveMetadata and containers).`);
  const meta = json.cveMetadata;
  const id = str(meta.cveId);
  if (!CVE_ID.test(id)) throw new SourceError(`${origin}: cveMetadata.cveId "${id}" is not a CVE id.`);
  const state = str(meta.state) || 'UNKNOWN';
  const cna = isObject(json.containers.cna) ? json.containers.cna : {};
  const provider = isObject(cna.providerMetadata) ? str(cna.providerMetadata.shortName) : '';
  const microsoft = str(meta.assignerShortName).toLowerCase() === 'microsoft' && provider.toLowerCase() === 'microsoft';
  const publishedRaw = str(meta.datePublished) || str(cna.datePublic);
  const published = /^\d{4}-\d{2}-\d{2}/.test(publishedRaw) ? publishedRaw.slice(0, 10) : null;

  /** @type {CveFix[]} */
  const fixes = [];
  /** @type {string[]} */
  const otherProducts = [];
  if (state === 'PUBLISHED') {
    for (const a of list(cna.affected)) {
      if (!isObject(a)) continue;
      const recordProduct = str(a.product);
      if (!/Exchange Server/i.test(recordProduct)) continue;
      const where = lineOfRecordProduct(recordProduct);
      if (!where) {
        otherProducts.push(recordProduct);
        continue;
      }
      const versions = list(a.versions).filter(isObject);
      const affected = versions.filter((v) => str(v.status || 'affected') === 'affected');
      const withBuild = affected.find((v) => normaliseBuild(str(v.lessThan)) !== null);
      const chosen = withBuild ?? affected[0];
      const raw = chosen ? str(chosen.lessThan) || str(chosen.version) : '';
      fixes.push({ ...where, fixed: withBuild ? normaliseBuild(str(withBuild.lessThan)) : null, raw, recordProduct });
    }
  }
  return {
    id,
    state,
    microsoft,
    published,
    title: str(cna.title),
    fixes,
    otherProducts,
    kevDateAdded: kevDate(list(json.containers.adp)),
    origin,
  };
}
