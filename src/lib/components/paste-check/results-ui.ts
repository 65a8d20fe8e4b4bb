/** What the paste-check island loads on first use besides the checker core: the results UI. */
export { default as Results } from './Results.svelte';
export { summaryLine } from '../../verdict-text.ts';
