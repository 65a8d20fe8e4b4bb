/**
 * State of the checker island: the pasted text and its analysis. Logic lives in the checker core,
 * which loads lazily (with the results UI) the first time the user reaches for the box, so the home
 * page's first load carries no build data.
 */
import type { CheckResult } from '../checker/index.ts';

type Core = typeof import('./components/checker/core.ts');

/** Local calendar date as YYYY-MM-DD (browser only: call from event handlers and effects). */
export function localIsoDate(): string {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never mutated
  const date = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export class CheckerState {
  text = $state('');
  /** `null` until the first check (so the server render and the first client render agree). */
  result = $state.raw<CheckResult | null>(null);
  /** The date the current result was computed for. */
  checkedOn = $state('');
  /** Set when the text came from a share link (or the link could not be read). */
  shareNote = $state<{ ok: boolean; message: string } | null>(null);
  /** The checker core and results UI, once loaded. */
  core = $state.raw<Core | null>(null);
  loadError = $state(false);

  readonly findings = $derived(this.result?.findings ?? []);

  #loading: Promise<Core | null> | null = null;
  #run = 0;

  /** Starts loading the core; safe to call often. */
  load(): Promise<Core | null> {
    this.#loading ??= import('./components/checker/core.ts').then(
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
