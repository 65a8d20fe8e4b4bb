/** revealStaleNotices on a stand-in for the page: only hidden notices, only when the data is old. */
import { describe, expect, test } from 'vitest';
import { revealStaleNotices } from '../../../../src/client/enhance/stale-notice.ts';

type FakeNotice = { hidden: boolean; dataset: { asOf?: string } };

function page(notices: FakeNotice[]): ParentNode {
  return {
    querySelectorAll: (selector: string) => {
      expect(selector).toBe('[data-stale-notice][hidden]');
      return notices.filter((n) => n.hidden);
    },
  } as unknown as ParentNode;
}

describe('revealStaleNotices', () => {
  test('within 60 days of the data, the notice stays hidden', () => {
    const notice = { hidden: true, dataset: { asOf: '2026-10-02' } };
    revealStaleNotices(page([notice]), '2026-12-01');
    expect(notice.hidden).toBe(true);
  });

  test('after 60 days, it is shown', () => {
    const notice = { hidden: true, dataset: { asOf: '2026-10-02' } };
    revealStaleNotices(page([notice]), '2026-12-02');
    expect(notice.hidden).toBe(false);
  });

  test('a notice without a data date is shown rather than silently hidden', () => {
    const notice: FakeNotice = { hidden: true, dataset: {} };
    revealStaleNotices(page([notice]), '2026-10-03');
    expect(notice.hidden).toBe(false);
  });
});
