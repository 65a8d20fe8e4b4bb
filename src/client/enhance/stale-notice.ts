/**
 * Reveals the "build data may be out of date" notices a static page ships hidden, when the reader's
 * date is more than 60 days after the data's date. Decided here, in the browser, because the page
 * is built once and read for months.
 */
import { dataIsStale } from '../../checker/freshness.ts';

export function revealStaleNotices(root: ParentNode, today: string): void {
  for (const notice of root.querySelectorAll<HTMLElement>('[data-stale-notice][hidden]')) {
    if (dataIsStale(notice.dataset.asOf ?? '', today)) notice.hidden = false;
  }
}
