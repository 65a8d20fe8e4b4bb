// @ts-check
/**
 * Reading Vite's build manifest (dist/.vite/manifest.json, `build.manifest: true`): which chunk
 * holds which island, and what an island loads later. Shared by the budgets
 * (scripts/quality/budgets.js) and the prerender step (scripts/prerender.js), so both count the
 * same chunks the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * @typedef {{ file: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean,
 *   imports?: string[], dynamicImports?: string[] }} ManifestChunk
 * @typedef {Record<string, ManifestChunk>} Manifest
 */

/**
 * Modules (manifest keys) that an island imports lazily only when the visitor opens a file: never
 * fetched ahead, and budgeted on their own (BUDGETS.homeJsOnFileOpen).
 */
export const ON_FILE_OPEN = ['src/lib/file-text.ts', 'src/checker/sources.ts'];

/**
 * Every chunk, keyed by its source module, with what it imports statically and dynamically.
 * @param {string} dist
 * @returns {Manifest}
 */
export function readManifest(dist) {
  const file = join(dist, '.vite/manifest.json');
  if (!existsSync(file)) throw new Error(`${file} not found: the build must set build.manifest (vite.config.ts)`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The island a chunk holds, if any: islands are Svelte components loaded dynamically, named in
 * kebab case after their file (src/shared/islands.ts): PasteCheck.svelte → "paste-check".
 * @param {ManifestChunk} chunk
 */
export function islandOf(chunk) {
  if (!chunk.isDynamicEntry || !chunk.src?.endsWith('.svelte')) return null;
  return basename(chunk.src, '.svelte')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/**
 * The files an island loads on first use (its dynamic imports, except ON_FILE_OPEN, with everything
 * they import statically), leaving out what its page has loaded by then: the entry, the chunks the
 * entry loads for any island (the Svelte runtime) and the island's own chunk with its imports.
 * In build order, without the base path. The page fetches them ahead at idle time.
 * @param {Manifest} manifest
 * @param {string} island e.g. 'paste-check'
 * @returns {string[]}
 */
export function islandPrefetch(manifest, island) {
  const key = Object.keys(manifest).find((k) => islandOf(/** @type {ManifestChunk} */ (manifest[k])) === island);
  if (!key) return [];
  /** @param {string[]} keys @param {Set<string>} into */
  const closure = (keys, into) => {
    for (const k of keys) {
      if (into.has(k) || !manifest[k]) continue;
      into.add(k);
      closure(manifest[k].imports ?? [], into);
    }
    return into;
  };
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  const runtime = entries.flatMap((k) =>
    (manifest[k]?.dynamicImports ?? []).filter((d) => manifest[d] && !islandOf(manifest[d])),
  );
  const loaded = closure([...entries, ...runtime, key], new Set());
  const later = (manifest[key]?.dynamicImports ?? []).filter((d) => !ON_FILE_OPEN.includes(d));
  return [...closure(later, new Set())].filter((k) => !loaded.has(k)).map((k) => manifest[k]?.file ?? '');
}
