/** Caps the worker applies on top of the triage core's own (which bound lines and findings). */

const GIB = 1024 ** 3;

/**
 * Most text one compressed file (a .gz, or one file inside a .zip) may unpack to. Deflate packs
 * repetitive text about 1,000 to 1, so a small hostile archive could otherwise keep the scan busy for
 * hours; real logs are far below this (a busy server writes a few GB a month).
 */
export const MAX_UNPACKED_BYTES = 16 * GIB;

/** How the limit reads in messages. */
export const MAX_UNPACKED_TEXT = '16 GiB';

/** Least time between two progress messages for one file, in milliseconds. */
export const PROGRESS_INTERVAL_MS = 100;
