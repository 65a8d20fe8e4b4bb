/**
 * The open JSON API, written at build time under /api/v1/: every known Exchange build with the status
 * the checker gives it per vulnerability family, and the exploited CVEs with their fixed build per CU
 * line, each with a JSON Schema. Everything is computed by the checker core itself (`allReleases()`,
 * `DATA_AS_OF`), so a script reading the API can never get a different answer than the page.
 * Like endoflife.date's API, it is plain files: no server, no key, no tracking.
 *
 * @example buildApi()['api/v1/builds.json'].dataAsOf // '2026-10-02'
 */
import {
  allReleases,
  DATA_AS_OF,
  DATA_AS_OF_CONFIRMED,
  FAMILIES,
  PRODUCTS,
  STATUS_ORDER,
  type FamilyId,
  type FamilyStatus,
  type ReleaseWithStatus,
} from '../checker/index.ts';
import sourcesJson from '../data/sources.json' with { type: 'json' };
import vulnJson from '../data/vulnerabilities.json' with { type: 'json' };

export const API_VERSION = 1;

const FAMILY_IDS = FAMILIES.map((f) => f.id);
const STATUSES: readonly FamilyStatus[] = STATUS_ORDER;

/** What each status means, shipped in the API so a reader does not have to guess. */
const STATUS_MEANING: Record<FamilyStatus, string> = {
  patched:
    'Every CVE of the family is fixed in this build (the build was exposed before its fix: patched is not clean).',
  vulnerable: 'At least one CVE of the family is not fixed in this build.',
  unknown:
    'The data cannot tell (sources disagree on the fixing build, or Microsoft did not assess this product); treat as possibly vulnerable.',
  'not-affected': 'No CVE of the family applies to this product.',
};

export interface ApiRelease {
  name: string;
  cu: string;
  update: string | null;
  build: string;
  date: string;
  kb: string | null;
  kbUrl: string | null;
  confidence: 'confirmed' | 'single-source' | 'third-party';
  sources: string[];
  overall: FamilyStatus;
  families: Record<FamilyId, FamilyStatus>;
}

export interface BuildsDocument {
  $schema: string;
  apiVersion: number;
  dataAsOf: string;
  dataAsOfConfirmed: string;
  statuses: Record<FamilyStatus, string>;
  families: { id: FamilyId; name: string; summary: string }[];
  sources: Record<string, { title: string; url: string }>;
  products: {
    product: string;
    lines: { line: string; anchor: string; serviced: boolean; newest: string; releases: ApiRelease[] }[];
  }[];
}

export interface ApiFix {
  product: string;
  line: string;
  /** First fixed build on the line; null when the line never received a fix. */
  fixed: string | null;
  /** Lower build that another source gives for the same fix (builds in between count as unknown). */
  disputedFrom: string | null;
  /** True when Microsoft's CVE record lists the line; false when the range is our inference. */
  listed: boolean;
  note: string | null;
}

export interface VulnerabilitiesDocument {
  $schema: string;
  apiVersion: number;
  dataAsOf: string;
  families: { id: FamilyId; name: string; summary: string }[];
  vulnerabilities: {
    id: string;
    nickname: string;
    summary: string;
    families: FamilyId[];
    kev: boolean;
    kevDateAdded: string | null;
    published: string;
    url: string;
    fixInferred: boolean;
    notAffected: string[];
    fixes: ApiFix[];
    note: string;
    sources: string[];
  }[];
}

export interface Api {
  'api/v1/builds.json': BuildsDocument;
  'api/v1/vulnerabilities.json': VulnerabilitiesDocument;
  'api/v1/builds.schema.json': object;
  'api/v1/vulnerabilities.schema.json': object;
}

const date = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$' };
const isoDay = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
const build = { type: 'string', pattern: '^(14|15)\\.[0-9]{1,2}\\.[0-9]{1,4}\\.[0-9]{1,3}$' };
const status = { enum: STATUSES };
const familyId = { enum: FAMILY_IDS };
const product = { enum: [...PRODUCTS] };
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const strictObject = (properties: Record<string, object>) => ({
  type: 'object',
  required: Object.keys(properties),
  additionalProperties: false,
  properties,
});
const families = {
  type: 'array',
  items: strictObject({ id: familyId, name: { type: 'string' }, summary: { type: 'string' } }),
};

/** JSON Schema (draft-07) of builds.json. */
export const BUILDS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'builds.schema.json',
  title: 'Exchange Patch Check API v1: Exchange Server builds with their status per exploited-vulnerability family',
  ...strictObject({
    $schema: { type: 'string' },
    apiVersion: { const: API_VERSION },
    dataAsOf: { ...isoDay, description: 'Date of the newest release in the data' },
    dataAsOfConfirmed: { ...isoDay, description: 'Date of the newest release confirmed by Microsoft data' },
    statuses: strictObject(Object.fromEntries(STATUSES.map((s) => [s, { type: 'string' }]))),
    families,
    sources: {
      type: 'object',
      additionalProperties: strictObject({ title: { type: 'string' }, url: { type: 'string', pattern: '^https://' } }),
    },
    products: {
      type: 'array',
      items: strictObject({
        product,
        lines: {
          type: 'array',
          items: strictObject({
            line: { type: 'string', pattern: '^(RTM|Preview|SP[1-3]|CU[0-9]{1,2})$' },
            anchor: { type: 'string', pattern: '^exchange-[a-z0-9-]+$' },
            serviced: { type: 'boolean', description: "True when the line received its product's most recent update" },
            newest: build,
            releases: {
              type: 'array',
              minItems: 1,
              items: strictObject({
                name: { type: 'string' },
                cu: { type: 'string' },
                update: nullable({ type: 'string' }),
                build,
                date,
                kb: nullable({ type: 'string', pattern: '^KB[0-9]{6,7}(v[0-9])?$' }),
                kbUrl: nullable({ type: 'string', pattern: '^https://support\\.microsoft\\.com/' }),
                confidence: { enum: ['confirmed', 'single-source', 'third-party'] },
                sources: { type: 'array', minItems: 1, items: { type: 'string' } },
                overall: status,
                families: strictObject(Object.fromEntries(FAMILY_IDS.map((f) => [f, status]))),
              }),
            },
          }),
        },
      }),
    },
  }),
};

/** JSON Schema (draft-07) of vulnerabilities.json. */
export const VULNERABILITIES_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'vulnerabilities.schema.json',
  title:
    'Exchange Patch Check API v1: exploited Exchange Server vulnerabilities with the first fixed build per CU line',
  ...strictObject({
    $schema: { type: 'string' },
    apiVersion: { const: API_VERSION },
    dataAsOf: isoDay,
    families,
    vulnerabilities: {
      type: 'array',
      items: strictObject({
        id: { type: 'string', pattern: '^CVE-[0-9]{4}-[0-9]{4,7}$' },
        nickname: { type: 'string' },
        summary: { type: 'string' },
        families: { type: 'array', minItems: 1, items: familyId },
        kev: { type: 'boolean', description: "Listed in CISA's Known Exploited Vulnerabilities catalog" },
        kevDateAdded: nullable(isoDay),
        published: isoDay,
        url: { type: 'string', pattern: '^https://msrc\\.microsoft\\.com/' },
        fixInferred: {
          type: 'boolean',
          description: 'True when no source ties a fixed build to the CVE and ours is inferred',
        },
        notAffected: { type: 'array', items: product },
        fixes: {
          type: 'array',
          items: strictObject({
            product,
            line: { type: 'string' },
            fixed: nullable(build),
            disputedFrom: nullable(build),
            listed: { type: 'boolean' },
            note: nullable({ type: 'string' }),
          }),
        },
        note: { type: 'string' },
        sources: { type: 'array', minItems: 1, items: { type: 'string' } },
      }),
    },
  }),
};

type RangeEvent = { introduced?: string; fixed?: string; disputedFrom?: string };

type ApiFamily = BuildsDocument['families'][number];
type ApiVulnerability = VulnerabilitiesDocument['vulnerabilities'][number];
type VulnRow = (typeof vulnJson.vulnerabilities)[number];

/** The four API documents, keyed by their path under the site root. */
export function buildApi(): Api {
  const familyList = FAMILIES.map((f) => ({ id: f.id, name: f.name, summary: f.summary }));
  return {
    'api/v1/builds.json': buildsDocument(familyList),
    'api/v1/vulnerabilities.json': vulnerabilitiesDocument(familyList),
    'api/v1/builds.schema.json': BUILDS_SCHEMA,
    'api/v1/vulnerabilities.schema.json': VULNERABILITIES_SCHEMA,
  };
}

/** builds.json: every release the checker knows, grouped by product and CU line, with its statuses. */
function buildsDocument(familyList: ApiFamily[]): BuildsDocument {
  return {
    $schema: './builds.schema.json',
    apiVersion: API_VERSION,
    dataAsOf: DATA_AS_OF,
    dataAsOfConfirmed: DATA_AS_OF_CONFIRMED,
    statuses: STATUS_MEANING,
    families: familyList,
    sources: apiSources(),
    products: allReleases().map((g) => ({
      product: g.product,
      lines: g.lines.map((l) => ({
        line: l.line,
        anchor: l.anchor,
        serviced: l.serviced,
        newest: l.newest.build,
        releases: l.releases.map(apiRelease),
      })),
    })),
  };
}

/** The source list by id, reduced to what a reader needs to follow a row's sources. */
function apiSources(): BuildsDocument['sources'] {
  const sources: BuildsDocument['sources'] = {};
  for (const [id, s] of Object.entries(sourcesJson.sources)) sources[id] = { title: s.title, url: s.url };
  return sources;
}

function apiRelease(r: ReleaseWithStatus): ApiRelease {
  return {
    name: r.name,
    cu: r.cu,
    update: r.update,
    build: r.build,
    date: r.date,
    kb: r.kb,
    kbUrl: r.kbUrl,
    confidence: r.confidence,
    sources: r.sources.map((s) => s.id),
    overall: r.overall,
    families: r.families,
  };
}

/** vulnerabilities.json: the exploited CVEs with their first fixed build per CU line. */
function vulnerabilitiesDocument(familyList: ApiFamily[]): VulnerabilitiesDocument {
  return {
    $schema: './vulnerabilities.schema.json',
    apiVersion: API_VERSION,
    dataAsOf: DATA_AS_OF,
    families: familyList,
    vulnerabilities: vulnJson.vulnerabilities.map(apiVulnerability),
  };
}

function apiVulnerability(v: VulnRow): ApiVulnerability {
  return {
    id: v.id,
    nickname: v.nickname,
    summary: v.summary,
    families: v.families as FamilyId[],
    kev: v.kev,
    kevDateAdded: v.kevDateAdded,
    published: v.published,
    url: `https://msrc.microsoft.com/update-guide/vulnerability/${v.id}`,
    fixInferred: v.fixInferred,
    notAffected: ('notAffected' in v && Array.isArray(v.notAffected) ? v.notAffected : []).map((n) => n.product),
    fixes: v.ranges.map(apiFix),
    note: v.note,
    sources: v.sources,
  };
}

/** One CU line's range reduced to its fix: the first `fixed` event, or null when the line has none. */
function apiFix(r: VulnRow['ranges'][number]): ApiFix {
  const fix = (r.events as RangeEvent[]).find((e) => e.fixed !== undefined);
  return {
    product: r.product,
    line: r.line,
    fixed: fix?.fixed ?? null,
    disputedFrom: fix?.disputedFrom ?? null,
    listed: r.listed,
    note: 'note' in r && typeof r.note === 'string' ? r.note : null,
  };
}
