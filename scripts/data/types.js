// @ts-check
/**
 * Shared JSDoc types of the data updater (no runtime code).
 */

/** @typedef {readonly [number, number, number, number]} Build */

/**
 * @typedef {'Exchange Server 2010' | 'Exchange Server 2013' | 'Exchange Server 2016' | 'Exchange Server 2019' | 'Exchange Server SE'} Product
 */

/** @typedef {'confirmed' | 'single-source' | 'third-party'} Confidence */

/**
 * One row of src/data/releases.json, keys in file order.
 *
 * @typedef {object} ReleaseRow
 * @property {string} product
 * @property {string} line
 * @property {string | null} [rollup] Exchange 2010 only
 * @property {string | null} update
 * @property {string} build
 * @property {string} date
 * @property {string | null} kb
 * @property {string[]} sources
 * @property {Confidence | string} confidence
 * @property {string} [variantOf]
 * @property {string} [note]
 */

/**
 * What a release is called, split the way releases.json stores it.
 *
 * @typedef {object} ReleaseName
 * @property {Product} product
 * @property {string} line
 * @property {string | null} rollup
 * @property {string | null} update
 */

/**
 * One row of Microsoft's build-number table that we could read.
 *
 * @typedef {ReleaseName & { name: string, section: string, build: string, date: string, kb: string | null }} LearnRow
 */

/**
 * A row we could not read (name not understood, or cells that contradict each other).
 *
 * @typedef {object} LearnProblem
 * @property {string} section
 * @property {string} name
 * @property {string | null} build normalised short build, when it parses
 * @property {string} reason
 */

/**
 * @typedef {object} LearnPage
 * @property {LearnRow[]} rows
 * @property {LearnProblem[]} problems
 * @property {{ heading: string, product: Product | null, rows: number }[]} sections sections with a build table we read
 * @property {string[]} skippedSections headings of sections about products we do not cover (2007 and older)
 */

/**
 * One product line a CVE record lists, with the first fixed build when the record gives one.
 *
 * @typedef {object} CveFix
 * @property {Product} product
 * @property {string} line
 * @property {string | null} fixed normalised `lessThan` build, or null ("publication", "N/A"…)
 * @property {string} raw the record's own `lessThan` text
 * @property {string} recordProduct the record's product name
 */

/**
 * @typedef {object} CveRecord
 * @property {string} id
 * @property {string} state
 * @property {boolean} microsoft true when Microsoft is the CNA (only then are builds trusted)
 * @property {string | null} published YYYY-MM-DD
 * @property {string} title
 * @property {CveFix[]} fixes
 * @property {string[]} otherProducts Exchange Server product names the parser did not understand
 * @property {string | null} kevDateAdded from the CISA-ADP container, when present
 * @property {string} origin file or URL it was read from
 */

/**
 * @typedef {object} KevEntry
 * @property {string} cveID
 * @property {string} vendorProject
 * @property {string} product
 * @property {string} vulnerabilityName
 * @property {string} dateAdded
 * @property {string} shortDescription
 * @property {string} knownRansomwareCampaignUse
 */

/**
 * @typedef {object} KevCatalog
 * @property {string} catalogVersion
 * @property {string} dateReleased
 * @property {number} total entries in the whole catalog
 * @property {KevEntry[]} exchange the Microsoft Exchange Server entries
 */

/**
 * @typedef {object} RangeRow
 * @property {string} product
 * @property {string} line
 * @property {({ introduced: string } | { fixed: string, disputedFrom?: string })[]} events
 * @property {boolean} listed
 * @property {string} [note]
 */

/**
 * @typedef {object} VulnRow
 * @property {string} id
 * @property {string} nickname
 * @property {string[]} families
 * @property {string} summary
 * @property {boolean} kev
 * @property {string | null} kevDateAdded
 * @property {string} published
 * @property {boolean} fixInferred
 * @property {{ product: string, source: string }[]} [notAffected]
 * @property {string} note
 * @property {string[]} sources
 * @property {RangeRow[]} ranges
 */

/**
 * @typedef {object} VulnFile
 * @property {string} [$schema]
 * @property {{ id: string, name: string, summary: string }[]} families
 * @property {VulnRow[]} vulnerabilities
 */

/**
 * @typedef {object} ChangelogEntry
 * @property {string} date
 * @property {'import' | 'data-update' | 'by-hand'} by
 * @property {string} summary
 * @property {string[]} changes
 * @property {string[]} sources ids in sources.json
 */

/**
 * @typedef {object} Changelog
 * @property {string} [$schema]
 * @property {ChangelogEntry[]} entries
 */

/**
 * The data files the updater reads and writes.
 *
 * @typedef {object} DataSet
 * @property {ReleaseRow[]} releases
 * @property {VulnFile} vulnerabilities
 * @property {Record<string, { title: string, url: string, state: string }>} sources
 * @property {Changelog} changelog
 */

export {};
