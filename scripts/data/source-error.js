// @ts-check
/**
 * A source could not be read or did not look like what we expect. The message is written for the
 * person reading the workflow log: it names the source and what to check.
 */
export class SourceError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'SourceError';
  }
}
