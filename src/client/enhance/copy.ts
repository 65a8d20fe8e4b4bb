/**
 * Copy buttons on code blocks rendered at build time. The buttons ship hidden and appear only
 * when this script runs and the Clipboard API is available, so no dead button shows without JS.
 */
import { COPY_RESET_MS, COPY_WORDS, copyText } from '../../lib/clipboard.ts';

export function enhanceCopyButtons(root: ParentNode): void {
  if (!navigator.clipboard) return;
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    const block = button.closest('[data-code-block]');
    const code = block?.querySelector('pre');
    if (!code) continue;
    button.hidden = false;
    const label = button.firstChild;
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', () => {
      clearTimeout(timer);
      void copyText(code.textContent ?? '').then((state) => {
        if (label) label.textContent = COPY_WORDS[state];
        timer = setTimeout(() => {
          if (label) label.textContent = COPY_WORDS.idle;
        }, COPY_RESET_MS);
      });
    });
  }
}
