/** What the checker island loads on first use: the checker core (with its data) and the results UI. */
export { analyse } from '../../../checker/index.ts';
export { default as Results } from './Results.svelte';
export { summaryLine } from '../../verdict-text.ts';
