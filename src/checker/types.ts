/**
 * Public types of the checker core. The UI builds on these: additions are fine, renames are not.
 * Everything a verdict needs is computed by the checker; the UI only formats it.
 */

/** The on-premises products we know. `null` in a Finding means Exchange Online. */
export type Product =
  | 'Exchange Server 2010'
  | 'Exchange Server 2013'
  | 'Exchange Server 2016'
  | 'Exchange Server 2019'
  | 'Exchange Server SE';

/** How much we trust a release row: several independent sources, one source, or a third-party post only. */
export type Confidence = 'confirmed' | 'single-source' | 'third-party';

/** One Exchange build from the data (`src/data/releases.json`), enriched for display. */
export interface Release {
  product: Product;
  /** The line that vulnerability ranges are written against: `'CU19'`, `'RTM'`, `'SP1'` (2013), `'SP3'` (2010). */
  line: string;
  /** The CU as people name it: `'CU19'`; for Exchange 2010 the service pack plus rollup, `'SP3 RU31'`. */
  cu: string;
  /** Update on top of the CU, e.g. `'Mar21SU'`, `'Apr24HU'`; `null` for the CU (or 2010 rollup) itself. */
  update: string | null;
  /** Full display name, e.g. `'Exchange Server 2016 CU19 Mar21SU'`. */
  name: string;
  /** Normalised build, four parts, no leading zeros: `'15.1.2176.9'`. */
  build: string;
  /** Release date, ISO `YYYY-MM-DD`, or `YYYY-MM` where only the month is known. */
  date: string;
  /** `'KB5000871'` or `null` when no KB is known. */
  kb: string | null;
  /** `https://support.microsoft.com/help/5000871`, or `null`. */
  kbUrl: string | null;
  /** Where the row comes from (resolved source entries). */
  sources: Source[];
  confidence: Confidence;
  /** Set when this build is a conflicting alternative value for another row's release (sources disagree). */
  variantOf: string | null;
  /** Plain-language note about the row (conflicts, oddities), or `null`. */
  note: string | null;
}

/** A cited source. */
export interface Source {
  id: string;
  title: string;
  url: string;
  /** Which state/snapshot of the source was read. */
  state: string;
}

/** What kind of text a finding was read from. */
export type InputFormat =
  | 'exsetup' // Get-Command ExSetup.exe | ForEach-Object { $_.FileVersionInfo } (table or list)
  | 'build' // plain 4-part build, 15.1.2176.9
  | 'build-long' // 4-part with leading zeros, 15.01.2176.009
  | 'build-3part' // 15.1.2176 — no update level
  | 'admin-display-version' // Version 15.1 (Build 2176.2) — never shows SUs
  | 'healthchecker' // HealthChecker "Build Number:" line
  | 'owa-header' // X-OWA-Version: 15.2.792.10
  | 'owa-path' // /owa/auth/15.1.2176/ or /owa/15.1.2176/
  | 'ecp-path' // /ecp/15.1.2176/ or /ecp/15.1.2176.2/
  | 'smtp-received' // Received: ... Microsoft SMTP Server ... id 15.1.2176.9
  | 'product-name' // "Exchange 2016 CU19", "Exchange Server 2019 CU12 Nov22SU"
  | 'exchange-online'; // 15.20.x.y

/**
 * A mention of a version that is not a row of its own, kept on the finding that replaced it:
 * - `less-precise`: the same server, shown by input that cannot show the update level (AdminDisplayVersion,
 *   a 3-part build, an OWA or ECP path, a product name or HealthChecker's `Version:` label) or repeated;
 *   the exact build replaced it;
 * - `reference`: a build quoted as a threshold or candidate ("fixed in 15.1.2176.9", "(> 15.1.2176)");
 * - `not-installed`: a version the text says is not installed ("CU14 is missing", "we plan to install CU23").
 */
export interface SupersededMention {
  /** Excerpt of the pasted text it was read from. */
  input: string;
  /** `[start, end)` offsets in the pasted text. */
  span: [number, number];
  /** The build as read (`'15.1.2176.2'`, `'15.1.2176'`; a product name's line base build). */
  build: string;
  format: InputFormat;
  reason: 'less-precise' | 'reference' | 'not-installed';
}

/** Status of one CVE for one build. */
export type CveStatus = 'fixed' | 'vulnerable' | 'unknown' | 'not-affected';

/** Why a CVE got its status. */
export type CveReason =
  | 'fixed-by-update' // the build is at or above the first fixed build of its line
  | 'shipped-with-fix' // the CU line was released with the fix already in it
  | 'update-missing' // the line has a fix, this build is below it
  | 'never-fixed-on-line' // the line never received a fix: move to a newer CU
  | 'update-level-unknown' // the input cannot show the update level and the answer depends on it
  | 'disputed-build' // the build sits between two values that sources give for the fixing update
  | 'line-unknown' // we cannot tell which CU this build belongs to
  | 'not-assessed' // disclosed after the product's end of support; Microsoft did not assess it
  | 'product-not-affected' // the product was never affected
  | 'exchange-online'; // Microsoft's cloud service

/** Identifier of a vulnerability family. */
export type FamilyId = 'proxylogon' | 'proxyshell' | 'proxynotshell' | 'owassrf' | 'other-kev';

/** Summary status of a family (or of a whole verdict). */
export type FamilyStatus = 'patched' | 'vulnerable' | 'unknown' | 'not-affected';

/** The first fixed build on a line, with the update that delivers it. */
export interface FixedIn {
  build: string;
  /** `'Mar21SU'`, or `null` when the CU itself (its base build) carries the fix. */
  update: string | null;
  kb: string | null;
  kbUrl: string | null;
  /** The matching release row, when the fixed build is in the data. */
  release: Release | null;
}

export interface CveResult {
  id: string; // 'CVE-2021-26855'
  nickname: string;
  /** One plain-language sentence. */
  summary: string;
  families: FamilyId[];
  kev: boolean;
  kevDateAdded: string | null;
  status: CveStatus;
  reason: CveReason;
  /** First fixed build on this build's line; `null` when never fixed on the line or not applicable. */
  fixedIn: FixedIn | null;
  /** True when this line never received a fix for this CVE. */
  neverFixedOnLine: boolean;
  /** True when the fixed build is our inference, not stated by a source (see the CVE's note). */
  inferred: boolean;
  /** Plain-language note for this CVE on this line, or `null`. */
  note: string | null;
  url: string; // https://msrc.microsoft.com/update-guide/vulnerability/<id>
}

export interface FamilyResult {
  id: FamilyId;
  name: string; // 'ProxyLogon'
  status: FamilyStatus;
  cves: CveResult[];
  /** Minimum build on this line that fixes every CVE of the family; `null` if never fixed here or not applicable. */
  fixedIn: FixedIn | null;
  /** True when at least one CVE of the family was never fixed on this line. */
  neverFixedOnLine: boolean;
}

export type LifecycleStatus = 'supported' | 'extended-security-updates' | 'out-of-support' | 'modern';

/**
 * How a server stands, everything considered: the worst of its vulnerability families (`overall`)
 * and its support today. What a list of servers shows at a glance, so that a server protected
 * against ProxyLogon but open to a later bug, or out of support, never looks fine.
 * - `act`: vulnerable to a tracked exploited bug, or the product is out of support (no more security fixes);
 * - `check`: some family can't be told from the input, or support continues only through paid
 *   Extended Security Updates, or support is unknown;
 * - `ok`: patched against every tracked family and supported;
 * - `not-affected`: Exchange Online, which Microsoft patches itself.
 */
export type Attention = 'act' | 'check' | 'ok' | 'not-affected';

export interface LifecycleResult {
  status: LifecycleStatus;
  /** ISO date the product was released. */
  released: string;
  /** ISO end of (extended) support; `null` for the modern lifecycle (Exchange SE). */
  endOfSupport: string | null;
  /** ISO end of the paid Extended Security Update programme, when there was one. */
  esuEnd: string | null;
  /** Plain sentence for the date passed in. */
  message: string;
  /** The date the status was computed for. */
  asOf: string;
}

export interface Conflict {
  id: string;
  message: string;
  /** The disputed build values. */
  builds: string[];
  sources: Source[];
}

export interface NextStep {
  /** One plain sentence for a business owner. */
  owner: string;
  /** Exact instruction for IT staff, e.g. "Install Exchange Server 2019 CU15 Aug26SU (15.2.1748.49, KB5121574) or later." */
  it: string;
  /** The update to install (newest on the line, or on the recommended line), or `null`. */
  target: Release | null;
  /** Ordered steps when the line or product is out of support, e.g. ["Install Exchange Server 2016 CU23", "Migrate to Exchange Server SE"]. */
  upgradePath: string[];
  /** The command that shows the exact build, when the input could not show it; otherwise `null`. */
  command: string | null;
}

/** One Exchange version found in the pasted text, with its verdict. */
export interface Finding {
  /** Excerpt of the pasted text it was read from (the line, trimmed, at most ~200 characters). */
  input: string;
  /** `[start, end)` offsets of the matched text in the pasted text. */
  span: [number, number];
  /** Normalised build: `'15.1.2176.9'`, or `'15.1.2176'` when only three parts were given. */
  build: string;
  /** `null` for Exchange Online. */
  product: Product | null;
  /** `'CU19'`, `'RTM'`, `'SP1'`, `'SP3 RU31'`; `null` if not determinable. */
  cu: string | null;
  /** `'Mar21SU'` when the exact build is a known update; `null` for a CU base build or an unknown build. */
  update: string | null;
  proxyLogon: FamilyStatus;
  /** Summary over all families: the worst of them. */
  overall: FamilyStatus;
  /** Worst status of the families after ProxyLogon (ProxyShell, ProxyNotShell, OWASSRF, other exploited bugs). */
  laterStatus: FamilyStatus;
  /** Names of the later families this build is still vulnerable to, e.g. `['ProxyNotShell', 'OWASSRF']`. */
  laterVulnerable: string[];
  /** The server's standing at a glance: `overall` combined with support today (see `Attention`). */
  attention: Attention;
  /** Name of the file the finding was read from, when several texts were checked at once (`analyseSources`). */
  source?: string;

  /** Server name when the paste gave one (Name column/field, PSComputerName, "by host" in Received headers). */
  serverName: string | null;
  format: InputFormat;
  /** Whether this kind of input can show installed security/hotfix updates. */
  showsUpdateLevel: boolean;
  /** Plain sentence about what this input can and cannot prove, or `null`. */
  formatNote: string | null;
  /** The exact release matched, or `null` (unknown build, or update level not shown). */
  release: Release | null;
  /** The CU (base) release of the line, or `null` when the line is unknown. */
  lineBase: Release | null;
  /** Stable anchor of the line on the /builds/ page, e.g. `'exchange-2016-cu19'`, or `null`. */
  lineAnchor: string | null;
  families: FamilyResult[];
  cves: CveResult[];
  newestOnLine: Release | null;
  /** `null` when the input cannot show the update level or the line is unknown. */
  isNewestOnLine: boolean | null;
  /** Newest known release of this product. */
  newestOverall: Release | null;
  lifecycle: LifecycleResult | null;
  /** Source conflicts that affect this verdict. */
  conflicts: Conflict[];
  /** True when the build is higher than anything in our data for its line (judged by ordering). */
  newerThanData: boolean;
  /** True when the server was, or may have been, exposed to an exploited bug at some point ("patched is not clean"). */
  compromiseRisk: boolean;
  /** Families this line was exposed to before its fix (or still is). */
  exposedFamilies: FamilyId[];
  nextStep: NextStep;
  /** Extra plain-language notes (unknown build between known ones, variant builds, third-party data…). */
  notes: string[];

  /**
   * Other mentions in the paste that this finding replaced: less precise lines about the same server, and
   * builds quoted as thresholds or said not to be installed. Each is also explained in `readingNotes`.
   */
  superseded: SupersededMention[];
  /**
   * ISO date (`YYYY-MM-DD`) the evidence describes when it is a snapshot from the past: for a `Received:`
   * header, the date of the mail (the header's own date, else the `Date:` header of the same block).
   * `null` for everything else, or when the header gives no date.
   */
  asOf: string | null;
  /**
   * True when the version was read from a sentence rather than from tool output, including a version the
   * sentence quotes as a threshold or says is not installed when nothing else in the paste could be the
   * server's build; such a version may not be what the server runs (see `readingNotes`).
   */
  fromProse: boolean;
  /**
   * Plain sentences about how this finding was read from the paste (what it replaced, the mail's date,
   * prose), for display next to `input`. Empty when there is nothing to say.
   */
  readingNotes: string[];
}

export interface CheckResult {
  /**
   * `error` means the checker itself failed (a bug): it never stands for "nothing found", so a
   * fault can never pass for a reassuring answer.
   */
  status: 'ok' | 'empty' | 'too-large' | 'none-found' | 'error';
  /** Plain-language message for the UI. */
  message: string;
  findings: Finding[];
  /** For 'none-found': the kinds of text we look for. */
  lookedFor?: string[];
  /** For 'error': the exception's own message, for the console and bug reports (not for the page). */
  detail?: string;
  /** From `analyseSources`: what each file gave, in the order given. */
  sources?: SourceOutcome[];
}

/** One named text to check, such as a file the user opened. */
export interface SourceText {
  /** The file's name, shown with every finding read from it. */
  name: string;
  text: string;
}

/** What one file gave: its own status and message (as `analyse` answers for it alone) and how many versions it held. */
export interface SourceOutcome {
  name: string;
  status: CheckResult['status'];
  message: string;
  found: number;
}

export interface AnalyseOptions {
  /** ISO date (YYYY-MM-DD) used for lifecycle status; default: today at call time. */
  today?: string;
}

/** A line (CU / service pack) with its releases, for the /builds/ page. */
export interface LineInfo {
  product: Product;
  line: string;
  anchor: string;
  base: Release;
  newest: Release;
  /** True when this line received the product's most recent update (still serviced). */
  serviced: boolean;
}

/** A release row with its per-family status, for the /builds/ page. */
export interface ReleaseWithStatus extends Release {
  families: Record<FamilyId, FamilyStatus>;
  overall: FamilyStatus;
}

export interface ProductGroup {
  product: Product;
  lines: (LineInfo & { releases: ReleaseWithStatus[] })[];
}
