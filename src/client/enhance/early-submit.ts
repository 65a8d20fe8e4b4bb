/**
 * A form marked `data-early-submit` belongs to an island that is not interactive until it hydrates,
 * which on a slow phone can take a moment after the page shows. A submit in that moment is
 * remembered as `data-submitted` on the form (the island answers it on mount and removes both
 * attributes); the form's `method="dialog"` keeps the browser from submitting it anywhere.
 */
type Marked = Pick<Element, 'hasAttribute' | 'setAttribute'>;

const isElement = (target: EventTarget | null): target is EventTarget & Marked =>
  target !== null && 'hasAttribute' in target && 'setAttribute' in target;

export function rememberEarlySubmits(root: Pick<Document, 'addEventListener'>): void {
  root.addEventListener('submit', (event) => {
    const form = event.target;
    if (!isElement(form) || !form.hasAttribute('data-early-submit')) return;
    event.preventDefault();
    form.setAttribute('data-submitted', '');
  });
}
