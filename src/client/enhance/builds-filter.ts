/**
 * The /builds/ filter box. The page renders it disabled, with a line saying filtering needs
 * JavaScript (the browser's own search works on every row); this enables it. Rows that do not match
 * are hidden, not removed, and so are CU blocks and products left empty. Plain DOM code, so the page
 * loads no framework for one text box.
 */
export function enhanceBuildsFilter(root: Document): void {
  const box = root.querySelector<HTMLElement>('[data-builds-filter]');
  const input = box?.querySelector('input');
  const status = box?.querySelector<HTMLElement>('[data-filter-count]');
  if (!box || !input || !status) return;
  const total = Number(box.dataset.total ?? '0');

  // Built on first use, not on load, so the page stays quick to become interactive.
  let index: { row: HTMLTableRowElement; text: string }[] | null = null;
  const rows = () =>
    (index ??= [...root.querySelectorAll<HTMLTableRowElement>('table.builds tbody tr')].map((row) => ({
      row,
      text: `${row.closest<HTMLElement>('.builds-cu')?.dataset.line ?? ''} ${[...row.cells].map((c) => c.textContent).join(' ')}`
        .toLowerCase()
        .replace(/\s+/g, ' '),
    })));

  const message = (phrase: string, shown: number): string =>
    phrase === ''
      ? `Showing all ${total} builds.`
      : shown === 0
        ? `No build matches “${input.value.trim()}”.`
        : `${shown} of ${total} builds match.`;

  const apply = () => {
    // One phrase, spaces normalised: "2019 cu12" must not match a 2016 CU12 row released in 2019.
    const phrase = input.value.toLowerCase().trim().replace(/\s+/g, ' ');
    const page = root.documentElement.classList;
    if (phrase === '' && !page.contains('builds-filtering')) return;
    // Lay out the rows that are left at once (builds.css skips off-screen tables otherwise).
    page.toggle('builds-filtering', phrase !== '');
    let shown = 0;
    for (const { row, text } of rows()) {
      const match = text.includes(phrase);
      if (row.hidden === match) row.hidden = !match;
      if (match) shown += 1;
    }
    for (const block of root.querySelectorAll<HTMLElement>('.builds-cu'))
      block.hidden = !block.querySelector('tbody tr:not([hidden])');
    for (const section of root.querySelectorAll<HTMLElement>('.builds-product'))
      section.hidden = !section.querySelector('.builds-cu:not([hidden])');
    status.textContent = message(phrase, shown);
  };

  input.disabled = false;
  status.textContent = message('', total);
  input.addEventListener('input', apply);
  // A value the browser restored (back/forward) is applied too.
  if (input.value !== '') apply();
}
