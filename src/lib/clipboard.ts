/**
 * The one copy-to-clipboard of the site, used by copy buttons in Svelte (CopyButton.svelte) and by
 * the build-time code blocks' buttons (src/client/enhance/copy.ts), so both say the same words
 * for the same time.
 */
export type CopyState = 'idle' | 'copied' | 'failed';

export const COPY_WORDS: Record<CopyState, string> = {
  idle: 'Copy',
  copied: 'Copied',
  failed: 'Copy failed — select the text',
};

/** How long "Copied" stays before the button reads "Copy" again. */
export const COPY_RESET_MS = 2500;

/** Copies text; resolves to what happened (never rejects). */
export async function copyText(text: string): Promise<Exclude<CopyState, 'idle'>> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'failed';
  }
}
