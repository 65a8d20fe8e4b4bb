/**
 * State of the paste-check island: the pasted text (or the opened files) and the checker core's
 * analysis of it. Logic lives in the checker core (src/checker), which loads lazily — fetched ahead
 * at idle time after the page has loaded and run at a later idle moment (or when the user reaches for
 * the box, whichever comes first) — so the home page's first load carries no build data. The island says where the core comes from (`loadCore`).
 */
import type { CheckResult } from '../../checker/index.ts';
import type { FileProblem } from '../file-text.ts';
import { localIsoDate } from '../today.ts';

/** What the state uses of the checker core. */
export type Core = Pick<typeof import('../../checker/index.ts'), 'analyse'>;

export class PasteCheckState {
  readonly #loadCore: () => Promise<Core>;

  /** @param loadCore imports the module that holds the core's `analyse` (lazily). */
  constructor(loadCore: () => Promise<Core>) {
    this.#loadCore = loadCore;
  }

  text = $state('');
  /** `null` until the first check (so the server render and the first client render agree). */
  result = $state.raw<CheckResult | null>(null);
  /**
   * Whether the current result answers an explicit request (Check, Ctrl+Enter, a paste, a file, an
   * example): the page then brings it into view and moves focus to it. A check after typing does not.
   */
  reveal = false;
  /** Set when the current result came from opened files: the files that could not be read. */
  files = $state.raw<{ problems: FileProblem[] } | null>(null);
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
    this.#loading ??= this.#loadCore().then(
      ({ analyse }) => (this.core = { analyse }),
      () => {
        this.loadError = true;
        this.#loading = null;
        return null;
      },
    );
    return this.#loading;
  }

  /** Runs `analyse` with the core: synchronously once it is loaded, else as soon as it is. Later runs win. */
  #apply(analyse: (core: Core, today: string) => CheckResult, reveal: boolean, files: this['files']): void {
    const run = ++this.#run;
    const apply = (core: Core): void => {
      if (run !== this.#run) return;
      this.checkedOn = localIsoDate();
      this.reveal = reveal;
      this.files = files;
      this.result = analyse(core, this.checkedOn);
      // The core answers 'error' only when it hit a bug; the details belong in the console.
      if (this.result.status === 'error') console.error('Exchange Patch Check:', this.result.detail);
    };
    if (this.core) apply(this.core);
    else
      void this.load().then((core) => {
        if (core) apply(core);
      });
  }

  /** Checks the text; `reveal` when the user asked for it explicitly. */
  check(text = this.text, reveal = false): void {
    this.text = text;
    this.#apply((core, today) => core.analyse(text, { today }), reveal, null);
  }

  /**
   * Reads files in the browser (nothing is uploaded) and checks each on its own. Files too large,
   * binary or unreadable are named in `files.problems` and left out.
   */
  async checkFiles(list: readonly File[]): Promise<void> {
    const run = this.#run;
    // Loaded on first use: most visitors never open a file.
    let modules: [typeof import('../file-text.ts'), typeof import('../../checker/sources.ts')];
    try {
      modules = await Promise.all([import('../file-text.ts'), import('../../checker/sources.ts')]);
    } catch {
      this.loadError = true;
      return;
    }
    const [{ readFiles }, { analyseSources }] = modules;
    const { sources, problems } = await readFiles(list);
    // Anything checked while the files were being read wins over them.
    if (run !== this.#run) return;
    this.shareNote = null;
    this.#apply((core, today) => analyseSources(core.analyse, sources, { today }), true, { problems });
  }

  clear(): void {
    this.#run += 1;
    this.text = '';
    this.result = null;
    this.files = null;
    this.shareNote = null;
  }
}
