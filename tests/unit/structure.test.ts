/**
 * Tests mirror sources: the tests of `src/x/y.ts` are in `tests/unit/x/y.test.ts`, and those of
 * `scripts/x.js` in `tests/unit/scripts/x.test.ts`. A new source file without a test file fails
 * here; the files below are the known exceptions, each with its reason. An exception that gains a
 * test file must leave this list (the list can only shrink).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '../..');

const THROUGH_PUBLIC_API = 'tested through the checker core\u2019s public API (verdicts, parse and fuzz tests)';
const UPDATER = 'a step of npm run data:update, tested through the whole run on fixtures (update.test.ts)';
const WIRING = 'wiring only; the browser tests (tests/e2e) exercise it on the built site';

/** Source files without a mirrored test file, and why. */
const EXCEPTIONS: Record<string, string> = {
  'src/checker/types.ts': 'types only',
  'src/checker/limits.ts': 'one constant; the too-large behaviour is tested in verdicts.test.ts',
  'src/checker/assess.ts': THROUGH_PUBLIC_API,
  'src/checker/classify-number.ts': THROUGH_PUBLIC_API,
  'src/checker/compare-builds.ts': THROUGH_PUBLIC_API,
  'src/checker/lifecycle.ts': THROUGH_PUBLIC_API,
  'src/checker/next-step.ts': THROUGH_PUBLIC_API,
  'src/checker/ranges.ts': THROUGH_PUBLIC_API,
  'src/checker/vulnerabilities.ts': 'tested by tests/unit/data/data.test.ts and the verdict tests',
  'src/triage/types.ts': 'types only',
  'src/worker/protocol.ts': 'types only (the messages between the log page and its worker)',
  'src/triage/limits.ts': 'constants; the caps are exercised in tests/unit/triage/scanner.test.ts',
  'src/shared/content/types.ts': 'types only',
  'src/shared/page.ts': 'types only',
  'src/server/entry-server.ts': WIRING,
  'src/client/entry-client.ts': WIRING,
  'src/client/offline-entry.ts': 'mounts the offline edition; tests/e2e/offline-edition.spec.ts opens the built file',
  'src/client/islands.ts': 'hydration is checked in a browser (tests/e2e/dev-server.spec.ts counts removed nodes)',
  'src/client/enhance/builds-filter.ts': 'DOM behaviour, tested in tests/e2e/builds.spec.ts',
  'src/client/enhance/checklist.ts': 'DOM behaviour, tested in tests/e2e/content.spec.ts',
  'src/client/enhance/copy.ts': 'DOM behaviour, tested in tests/e2e/site.spec.ts',
  'src/lib/icons.ts': 'SVG path data for Icon.svelte; the icons are checked in tests/e2e/checker-results.spec.ts',
  'src/lib/clipboard.ts': 'needs a browser clipboard; tested in tests/e2e/site.spec.ts and checker.spec.ts',
  'src/lib/components/paste-check/examples.ts': 'example pastes, each run in tests/e2e/checker.spec.ts',
  'src/lib/components/paste-check/first-use.ts': 're-exports only (the lazily loaded checker core and results UI)',
  'src/lib/state/paste-check.svelte.ts': 'rune state; its behaviour is tested in tests/e2e/checker.spec.ts',
  'scripts/build.js': 'runs the whole build; every browser test runs on its output',
  'scripts/content/load.ts': 'tested with the real articles in tests/unit/content/articles.test.ts',
  'scripts/content/vite-plugin.ts': 'dev server and virtual modules: tests/e2e/dev-server.spec.ts and every build',
  'scripts/quality/lighthouse.js': 'a measurement script (npm run lighthouse), not a gate',
  'scripts/data/types.js': 'JSDoc types only',
  'scripts/data/data-files.js': UPDATER,
  'scripts/data/format.js': UPDATER,
  'scripts/data/known-differences.js': UPDATER,
  'scripts/data/lines.js': UPDATER,
  'scripts/data/read-sources.js': UPDATER,
  'scripts/data/source-error.js': UPDATER,
  'scripts/data/summary.js': UPDATER,
};

const SOURCE = /\.(ts|js|mjs)$/;

function walk(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return walk(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `src/checker/assess.ts` → `tests/unit/checker/assess.test.ts`; `scripts/build.js` → `tests/unit/scripts/build.test.ts`. */
export function mirroredTest(source: string): string {
  const path = source.startsWith('src/') ? source.slice('src/'.length) : source;
  return `tests/unit/${path.replace(/(\.svelte)?\.(ts|js|mjs)$/, '')}.test.ts`;
}

const sources = [...walk('src'), ...walk('scripts')].sort();

describe('tests mirror sources', () => {
  test('mirroredTest maps a source to its test file', () => {
    expect(mirroredTest('src/checker/assess.ts')).toBe('tests/unit/checker/assess.test.ts');
    expect(mirroredTest('src/lib/state/paste-check.svelte.ts')).toBe('tests/unit/lib/state/paste-check.test.ts');
    expect(mirroredTest('scripts/quality/budgets.js')).toBe('tests/unit/scripts/quality/budgets.test.ts');
  });

  test('the walk finds the sources (guards against an empty check)', () => {
    expect(sources.length).toBeGreaterThan(40);
    expect(sources).toContain('src/checker/index.ts');
    expect(sources).toContain('scripts/quality/budgets.js');
  });

  test('every source file has a mirrored test file, or a stated reason not to', () => {
    const missing = sources.filter((s) => !existsSync(join(root, mirroredTest(s))) && !(s in EXCEPTIONS));
    expect(missing.map((s) => `${s} → ${mirroredTest(s)}`)).toEqual([]);
  });

  test('every exception still exists and still has no test file', () => {
    const stale = Object.keys(EXCEPTIONS).filter(
      (s) => !existsSync(join(root, s)) || existsSync(join(root, mirroredTest(s))),
    );
    expect(stale).toEqual([]);
  });

  test('every test file under tests/unit mirrors a source, a data file, content or a quality gate', () => {
    const testFiles = readdirSync(join(root, 'tests/unit'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => `tests/unit/${f.split('\\').join('/')}`);
    const mirrored = new Set(sources.map(mirroredTest));
    const orphans = testFiles.filter(
      (t) =>
        !mirrored.has(t) &&
        // Tests by subject: the data files, the articles, cross-cutting quality gates, the checker's
        // input families and verdict tables, page components (src/pages), the stylesheets and the
        // GitHub workflows.
        !/^tests\/unit\/(data|content|quality|checker|pages)\//.test(t) &&
        t !== 'tests/unit/triage/fuzz.test.ts' &&
        !['tests/unit/structure.test.ts', 'tests/unit/styles.test.ts', 'tests/unit/workflows.test.ts'].includes(t),
    );
    expect(orphans).toEqual([]);
  });
});
