/**
 * Input limits, in a module of their own so the share-link code can use them without loading the
 * checker core and its data.
 */

/** Largest paste we read, in characters (about 2 MB of text); larger input is refused, not truncated. */
export const MAX_INPUT_CHARS = 2_000_000;

/** Most files read in one go (`analyseSources`). */
export const MAX_SOURCES = 20;

/** Most characters read from several files together: five full-size files. */
export const MAX_SOURCES_CHARS = 5 * MAX_INPUT_CHARS;
