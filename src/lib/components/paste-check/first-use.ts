/**
 * What the paste-check island loads on first use: the checker core's `analyse` and the results UI.
 * One module, so they travel as one chunk: the first verdict needs both, and together they compress
 * better than apart. Only `analyse` is taken from the core, so the chunk leaves out what only the
 * server render calls (the /builds/ and /about/ tables).
 */
export { analyse } from '../../../checker/index.ts';
export { default as Results } from './Results.svelte';
export { summaryLine } from '../../verdict-text.ts';
