// @ts-check
/**
 * The production build: client bundle, SSR bundle, then static HTML for every route.
 * BASE_PATH sets the deployment sub-path (default "/"); SITE_URL (e.g. https://user.github.io)
 * makes canonical links, Open Graph URLs and the sitemap absolute. OUT_DIR (default dist) names
 * the output folder.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { normaliseBase } from './base-path.js';
import { prerender } from './prerender.js';
import { writeServiceWorker } from './service-worker.js';

const started = performance.now();
const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const ssrDir = `${outDir}-ssr`;
await build({ logLevel: 'warn', build: { outDir } });
await build({
  logLevel: 'warn',
  build: { ssr: 'src/server/entry-server.ts', outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
});
const base = normaliseBase(process.env.BASE_PATH);
const routes = await prerender({ base, dist: outDir, ssrDir });
// Last: the offline worker's version is a hash of every file written above.
const worker = writeServiceWorker({ dist: outDir, base });
console.log(`Built ${routes.length} routes under base ${base} in ${Math.round(performance.now() - started)} ms:`);
for (const route of routes) console.log(`  /${route}`);
console.log(`Offline: ${worker.file} caches ${worker.files.length} files as version ${worker.version}`);
