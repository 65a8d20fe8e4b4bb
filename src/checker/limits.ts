/**
 * Input limits, in a module of their own so the share-link code can use them without loading the
 * checker core and its data.
 */

/** Largest paste we read, in characters (about 2 MB of text); larger input is refused, not truncated. */
export const MAX_INPUT_CHARS = 2_000_000;
