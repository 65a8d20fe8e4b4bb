/**
 * Dates on pages and in verdicts are formatted by the checker's one date helper, so a date reads
 * the same everywhere and the same on the server and in every browser (no locale APIs).
 * @example formatDate('2021-03-02') // '2 March 2021'; formatDate('2018-03') // 'March 2018'
 */
export { humanDate as formatDate } from '../checker/lifecycle.ts';
