/** scripts/manifest.js: which chunk holds an island, and what an island's page fetches ahead. */
import { describe, expect, test } from 'vitest';
import { islandOf, islandPrefetch, ON_FILE_OPEN, type Manifest } from '../../../scripts/manifest.js';

// Shaped like the real build's manifest: the entry loads the island and the Svelte runtime; the
// island loads the checker (a shared chunk, also imported by the several-files entry), the results
// UI and the file reader lazily.
const MANIFEST: Manifest = {
  'index.html': {
    file: 'assets/index-A.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_shared-S.js'],
    dynamicImports: ['src/lib/PasteCheck.svelte', 'node_modules/svelte/src/index-client.js'],
  },
  '_shared-S.js': { file: 'assets/shared-S.js' },
  '_limits-L.js': { file: 'assets/limits-L.js' },
  'node_modules/svelte/src/index-client.js': {
    file: 'assets/index-client-R.js',
    src: 'node_modules/svelte/src/index-client.js',
    isDynamicEntry: true,
  },
  'src/lib/PasteCheck.svelte': {
    file: 'assets/PasteCheck-P.js',
    src: 'src/lib/PasteCheck.svelte',
    isDynamicEntry: true,
    imports: ['node_modules/svelte/src/index-client.js', '_limits-L.js', 'index.html'],
    dynamicImports: ['_checker-C.js', 'src/lib/file-text.ts', 'src/checker/sources.ts', 'src/lib/results-ui.ts'],
  },
  '_checker-C.js': { file: 'assets/checker-C.js', imports: ['_limits-L.js', '_data-D.js'] },
  '_data-D.js': { file: 'assets/data-D.js' },
  'src/lib/results-ui.ts': {
    file: 'assets/results-ui-U.js',
    src: 'src/lib/results-ui.ts',
    isDynamicEntry: true,
    imports: ['src/lib/PasteCheck.svelte', 'node_modules/svelte/src/index-client.js', '_checker-C.js'],
  },
  'src/lib/file-text.ts': { file: 'assets/file-text-F.js', src: 'src/lib/file-text.ts', isDynamicEntry: true },
  'src/checker/sources.ts': {
    file: 'assets/sources-Q.js',
    src: 'src/checker/sources.ts',
    isDynamicEntry: true,
    imports: ['_checker-C.js'],
  },
};

describe('islandPrefetch', () => {
  test('what the island loads on first use, with its imports, minus what the page already has', () => {
    expect(islandPrefetch(MANIFEST, 'paste-check')).toEqual([
      'assets/checker-C.js',
      'assets/data-D.js',
      'assets/results-ui-U.js',
    ]);
  });

  test('never what only opening a file loads', () => {
    const files = islandPrefetch(MANIFEST, 'paste-check');
    for (const key of ON_FILE_OPEN) expect(files).not.toContain(MANIFEST[key]?.file);
  });

  test('an island no chunk holds, or one that loads nothing later, gets nothing', () => {
    expect(islandPrefetch(MANIFEST, 'no-such-island')).toEqual([]);
    const quiet: Manifest = {
      ...MANIFEST,
      'src/lib/PasteCheck.svelte': { ...MANIFEST['src/lib/PasteCheck.svelte']!, dynamicImports: [] },
    };
    expect(islandPrefetch(quiet, 'paste-check')).toEqual([]);
  });

  test('islandOf names islands in kebab case after their component file', () => {
    expect(islandOf(MANIFEST['src/lib/PasteCheck.svelte']!)).toBe('paste-check');
    expect(islandOf(MANIFEST['src/lib/results-ui.ts']!)).toBeNull();
  });
});
