/**
 * State of the paste-check island: the pasted text and the checker core's analysis of it. Logic
 * lives in the checker core (src/checker), which loads lazily the first time the user reaches for
 * the box, so the home page's first load carries no build data.
 */
import type { CheckResult } from '../../checker/index.ts';
import { localIsoDate } from '../today.ts';

type Core = typeof import('../../checker/index.ts');

export class PasteCheckState {
  text = $state('');
  /** `null` until the first check (so the server render and the first client render agree). */
  result = $state.raw<CheckResult | null>(null);
  /** The date the current result was computed for. */
  checkedOn = $state('');
  /** Set when the text came from a share link (or the link could not be read). */
  shareNote = $state<{ ok: boolean; message: string } | null>(null);
  /** The checker core, once loaded. */
  core = $state.raw<Core | null>(null);
  loadError = $state(false);

  #loading: Promise<Core | null> | null = null;
  #run = 0;

  /** Starts loading the core; safe to call often. */
  load(): Promise<Core | null> {
    this.#loading ??= import('../../checker/index.ts').then(
      (core) => (this.core = core),
      () => {
        this.loadError = true;
        this.#loading = null;
        return null;
      },
    );
    return this.#loading;
  }

  /** Checks the text: synchronously once the core is loaded, else as soon as it is. */
  check(text = this.text): void {
    this.text = text;
    const run = ++this.#run;
    const apply = (core: Core): void => {
      if (run !== this.#run) return;
      this.checkedOn = localIsoDate();
      this.result = core.analyse(text, { today: this.checkedOn });
      // The core answers 'error' only when it hit a bug; the details belong in the console.
      if (this.result.status === 'error') console.error('Exchange Patch Check:', this.result.detail);
    };
    if (this.core) apply(this.core);
    else
      void this.load().then((core) => {
        if (core) apply(core);
      });
  }

  clear(): void {
    this.#run += 1;
    this.text = '';
    this.result = null;
    this.shareNote = null;
  }
}
