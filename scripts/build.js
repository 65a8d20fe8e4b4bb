// @ts-check
/**
 * The production build: the offline edition (one self-contained HTML file), the client bundle, the
 * SSR bundle, then static HTML for every route and the service worker.
 * BASE_PATH sets the deployment sub-path (default "/"); SITE_URL (e.g. https://user.github.io)
 * makes canonical links, Open Graph URLs and the sitemap absolute. OUT_DIR (default dist) names
 * the output folder.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { normaliseBase } from './base-path.js';
import { finishOfflineEdition, OFFLINE_FILE } from './offline-edition.js';
import { absoluteBase, prerender } from './prerender.js';
import { writeServiceWorker } from './service-worker.js';

const started = performance.now();
const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const ssrDir = `${outDir}-ssr`;
const offlineDir = `${outDir}-offline`;
const base = normaliseBase(process.env.BASE_PATH);

// First the offline edition, so the pages can show its SHA-256 beside the download link.
process.env.OFFLINE_OUT_DIR = offlineDir;
process.env.OFFLINE_BASE = absoluteBase(base, process.env.SITE_URL) ?? '/';
await build({ logLevel: 'warn', configFile: resolve('vite.offline.config.ts') });
const offline = finishOfflineEdition(join(offlineDir, 'offline.html'), join(offlineDir, OFFLINE_FILE));
process.env.VITE_OFFLINE_FILE = OFFLINE_FILE;
process.env.VITE_OFFLINE_SHA256 = offline.sha256;
process.env.VITE_OFFLINE_BYTES = String(offline.bytes);

await build({ logLevel: 'warn', build: { outDir } });
copyFileSync(join(offlineDir, OFFLINE_FILE), join(outDir, OFFLINE_FILE));
rmSync(offlineDir, { recursive: true, force: true });
await build({
  logLevel: 'warn',
  build: { ssr: 'src/server/entry-server.ts', outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
});
const routes = await prerender({ base, dist: outDir, ssrDir });
// Last: the offline worker's version is a hash of every file written above.
const worker = writeServiceWorker({ dist: outDir, base });
console.log(`Built ${routes.length} routes under base ${base} in ${Math.round(performance.now() - started)} ms:`);
for (const route of routes) console.log(`  /${route}`);
console.log(
  `Offline edition: ${OFFLINE_FILE}, ${Math.round(offline.bytes / 1024)} KB (${Math.round(offline.gzip / 1024)} KB gzip), SHA-256 ${offline.sha256}`,
);
console.log(`Offline: ${worker.file} caches ${worker.files.length} files as version ${worker.version}`);
