/** Caps that keep memory flat and work linear whatever a dropped file holds. */

/** Longest line read, in bytes; the rest of a longer line is skipped (with a note). */
export const MAX_LINE_BYTES = 1 << 20;

/** Longest excerpt and field value in a finding, in characters. */
export const MAX_EXCERPT_CHARS = 300;

/** Findings kept per file; further matches are counted in a note, not listed. */
export const MAX_FINDINGS_PER_FILE = 1000;

/** How much of the start of a file is read before its format is decided. */
export const SNIFF_BYTES = 64 * 1024;
