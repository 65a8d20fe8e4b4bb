// @ts-check
/**
 * Rows of Microsoft's build-number page that are known to be wrong and that our data deliberately
 * does not follow. The updater skips exactly these (same release, same build) and lists them in its
 * summary, so a known error cannot fail every daily run, while any other difference still does.
 */

/**
 * @typedef {object} KnownSourceError
 * @property {'ms-learn'} source
 * @property {string} release product, line and rollup/update as in releases.json, space-separated
 * @property {string} build the value the source prints
 * @property {string} reason
 */

/** @type {readonly KnownSourceError[]} */
export const KNOWN_SOURCE_ERRORS = [
  {
    source: 'ms-learn',
    release: 'Exchange Server 2010 SP2 RU5',
    build: '14.3.328.5',
    reason:
      'Microsoft prints 14.3.328.5, impossible for SP2 (its builds are 14.2.x); we keep 14.2.328.5 from ' +
      'Get-ExchangeBuildNumber (KB2719800) and EighTwOne.',
  },
];
