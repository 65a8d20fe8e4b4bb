/**
 * Copy buttons on code blocks rendered at build time. The buttons ship hidden and appear only
 * when this script runs and the Clipboard API is available, so no dead button shows without JS.
 */
export function enhanceCopyButtons(root: ParentNode): void {
  if (!navigator.clipboard) return;
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    const block = button.closest('[data-code-block]');
    const code = block?.querySelector('pre');
    if (!code) continue;
    button.hidden = false;
    const label = button.firstChild;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(code.textContent ?? '').then(
        () => {
          if (label) label.textContent = 'Copied';
          setTimeout(() => {
            if (label) label.textContent = 'Copy';
          }, 2000);
        },
        () => {
          if (label) label.textContent = 'Copy failed — select the text';
        },
      );
    });
  }
}
